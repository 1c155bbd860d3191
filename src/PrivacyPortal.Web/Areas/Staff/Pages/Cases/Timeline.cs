using Microsoft.Extensions.Localization;
using PrivacyPortal.Domain.Audit;

namespace PrivacyPortal.Web.Areas.Staff.Pages.Cases;

/// <summary>How the case timeline reads: repeated views by one person folded into one line, actors in the reader's language.</summary>
public static class Timeline
{
    /// <summary>The events in order, consecutive "viewed" events by the same actor as one run; every other event alone.</summary>
    public static IReadOnlyList<IReadOnlyList<AuditEvent>> Runs(IEnumerable<AuditEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var runs = new List<List<AuditEvent>>();
        foreach (var e in events.OrderBy(e => e.Seq))
        {
            if (e.Action == "viewed" && runs.Count > 0 && runs[^1][0] is { Action: "viewed" } previous && previous.Actor == e.Actor)
            {
                runs[^1].Add(e);
            }
            else
            {
                runs.Add([e]);
            }
        }

        return runs;
    }

    /// <summary>
    /// The actors that are not accounts (the requester, the person an agent acts for, someone not signed in, the
    /// portal itself) are named in the reader's language (Staff.Actor.&lt;actor&gt;); staff by their account.
    /// </summary>
    public static string Actor(string actor, IStringLocalizer text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var named = text["Staff.Actor." + actor];
        return named.ResourceNotFound ? actor : named.Value;
    }

    /// <summary>A case status in the reader's language; "-" for none.</summary>
    public static string Status(string? status, IStringLocalizer text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return status is null ? "-" : text["Staff.Status." + status].Value;
    }

    /// <summary>
    /// An administration event in the reader's language. The stored code stays the record (exports carry it); an
    /// action without a text yet is shown by its code rather than hidden.
    /// </summary>
    public static string AdminAction(string action, IStringLocalizer text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var named = text["Staff.AdminAction." + action];
        return named.ResourceNotFound ? action : named.Value;
    }
}
