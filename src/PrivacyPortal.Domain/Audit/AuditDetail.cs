using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PrivacyPortal.Domain.Audit;

/// <summary>
/// What an audit event says beyond its action: a code and its values, never prose. Stored on the event as JSON and
/// hashed into the chain as stored; a screen renders it in the reader's language (text "Audit.Detail.{code}" with the
/// values in order), an export keeps the codes. Events written before details were typed carry English prose, which
/// <see cref="Parse"/> does not read as a detail: they are shown as stored, and the chain still verifies them.
/// </summary>
public sealed record AuditDetail(
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("values")] IReadOnlyList<string> Values)
{
    /// <summary>A detail with its values written invariantly: dates as yyyy-MM-dd, numbers without grouping.</summary>
    public static AuditDetail Of(string code, params object?[] values)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        ArgumentNullException.ThrowIfNull(values);
        return new AuditDetail(code, [.. values.Select(Invariant)]);
    }

    /// <summary>
    /// Japanese and punctuation stay as they are (six characters each otherwise): the JSON is data, HTML-encoded
    /// wherever it is shown. A detail longer than an event can hold (<see cref="AuditEvent.MaxDetailLength"/>) has its
    /// longest value shortened, so the event that records a long error is still saved.
    /// </summary>
    public string ToJson()
    {
        var json = JsonSerializer.Serialize(this, Json);
        var values = Values.ToList();
        while (json.Length > AuditEvent.MaxDetailLength && values.Count > 0)
        {
            var longest = values.IndexOf(values.MaxBy(v => v.Length)!);
            var keep = Math.Max(0, values[longest].Length - (json.Length - AuditEvent.MaxDetailLength) - 8);
            values[longest] = values[longest][..keep] + "…";
            json = JsonSerializer.Serialize(this with { Values = values }, Json);
        }

        return json;
    }

    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The typed detail stored on an event; null for none and for an event written before details were typed.</summary>
    public static AuditDetail? Parse(string? stored)
    {
        if (stored is null || !stored.StartsWith("{\"code\":", StringComparison.Ordinal))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<AuditDetail>(stored, Json) is { Code.Length: > 0, Values: not null } detail && detail.Values.All(v => v is not null) ? detail : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Invariant(object? value) => value switch
    {
        null => "-",
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "-",
    };
}
