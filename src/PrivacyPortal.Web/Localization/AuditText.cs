using Microsoft.Extensions.Localization;
using PrivacyPortal.Domain.Audit;

namespace PrivacyPortal.Web.Localization;

/// <summary>An audit event's detail (<see cref="AuditDetail"/>) in the reader's language, for the timeline and the trails.</summary>
public static class AuditText
{
    /// <summary>Where a value that names something is looked up, in order: the first text found is shown instead of the code.</summary>
    private static readonly string[] ValueKeys =
    [
        "Audit.Outcome.{0}", "Audit.Channel.{0}", "Letter.{0}", "RequestType.{0}.Name", "Notice.Kind.{0}", "Staff.FeeBasis.{0}", "IdentityDocument.{0}.Name",
    ];

    /// <summary>
    /// "Audit.Detail.{code}" filled in with the detail's values, each value that names an outcome, a channel, a letter, a
    /// request type, a notice, a fee basis or an identity document in words. An event written before details were typed
    /// is shown as stored: its words are part of what the chain proves.
    /// </summary>
    public static string? Detail(string? stored, IStringLocalizer text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (AuditDetail.Parse(stored) is not { } detail)
        {
            return stored;
        }

        var localized = text["Audit.Detail." + detail.Code, [.. detail.Values.Select(v => (object)Value(v, text))]];
        return localized.ResourceNotFound ? stored : localized.Value;
    }

    private static string Value(string value, IStringLocalizer text)
    {
        if (value.Contains(',', StringComparison.Ordinal))
        {
            return string.Join(Languages.Current == Languages.Japanese ? "、" : ", ", value.Split(',').Select(v => Value(v, text)));
        }

        foreach (var key in ValueKeys)
        {
            var named = text[string.Format(System.Globalization.CultureInfo.InvariantCulture, key, value)];
            if (!named.ResourceNotFound)
            {
                return named.Value;
            }
        }

        return value;
    }
}
