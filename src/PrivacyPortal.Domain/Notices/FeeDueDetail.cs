using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PrivacyPortal.Domain.Notices;

/// <summary>
/// What a fee notice says, stored on the notice as JSON with codes (never prose): the amount, the last day to pay and,
/// for a fee the officer set, the basis it rests on. The email is written from it in the reader's language.
/// </summary>
public sealed record FeeDueDetail(
    [property: JsonPropertyName("amountMinor")] long AmountMinor,
    [property: JsonPropertyName("currency")] string Currency,
    [property: JsonPropertyName("payBy")] DateOnly? PayBy,
    [property: JsonPropertyName("basis")] string? Basis)
{
    private static readonly JsonSerializerOptions Json = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>
    /// The payload of a fee notice; null when there is none. Notices written before payloads were typed carry
    /// "minor-units currency pay-by" and are still read, so an outbox that outlives an upgrade sends them whole.
    /// </summary>
    public static FeeDueDetail? Parse(string? detail)
    {
        if (string.IsNullOrWhiteSpace(detail))
        {
            return null;
        }

        if (detail.TrimStart().StartsWith('{'))
        {
            try
            {
                return JsonSerializer.Deserialize<FeeDueDetail>(detail, Json);
            }
            catch (JsonException)
            {
                return null;
            }
        }

        var parts = detail.Split(' ');
        if (parts.Length != 3 || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var minor))
        {
            return null;
        }

        DateOnly? payBy = DateOnly.TryParseExact(parts[2], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
        return new FeeDueDetail(minor, parts[1], payBy, null);
    }
}
