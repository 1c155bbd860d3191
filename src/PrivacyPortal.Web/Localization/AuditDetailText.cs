using Microsoft.Extensions.Localization;
using PrivacyPortal.Domain.Audit;

namespace PrivacyPortal.Web.Localization;

/// <summary>An audit event's detail (<see cref="AuditDetail"/>) in the reader's language, for the timeline and the trails.</summary>
public static class AuditDetailText
{
    /// <summary>Where a value that names something is looked up, in order: the first text found is shown instead of the code.</summary>
    private static readonly string[] ValueKeys =
    [
        "Audit.Outcome.{0}", "Audit.Channel.{0}", "Letter.{0}", "RequestType.{0}.Name", "Notice.Kind.{0}", "Staff.FeeBasis.{0}", "IdentityDocument.{0}.Name",
    ];

    /// <summary>A notice event names a notice kind, some of which share their name with a letter kind.</summary>
    private static readonly string[] NoticeValueKeys = ["Notice.Kind.{0}", .. ValueKeys];

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

        var keys = detail.Code == "notice" ? NoticeValueKeys : ValueKeys;
        try
        {
            var localized = text["Audit.Detail." + detail.Code, [.. detail.Values.Select(v => (object)Value(v, keys, text))]];
            return localized.ResourceNotFound ? stored : localized.Value;
        }
        catch (FormatException)
        {
            // A stored detail with fewer values than its text names: shown as stored rather than failing the page.
            return stored;
        }
    }

    /// <summary>A value in words when it names something the catalogue knows; a list ("disclosure,correction") when each of its items does.</summary>
    private static string Value(string value, string[] keys, IStringLocalizer text)
    {
        if (Named(value, keys, text) is { } named)
        {
            return named;
        }

        var items = value.Split(',');
        if (items.Length > 1 && items.Select(i => Named(i, keys, text)).ToList() is var words && words.All(w => w is not null))
        {
            return string.Join(Languages.Current == Languages.Japanese ? "、" : ", ", words);
        }

        return value;
    }

    private static string? Named(string value, string[] keys, IStringLocalizer text)
    {
        foreach (var key in keys)
        {
            var named = text[string.Format(System.Globalization.CultureInfo.InvariantCulture, key, value)];
            if (!named.ResourceNotFound)
            {
                return named.Value;
            }
        }

        return null;
    }
}
