using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using PrivacyPortal.Domain.Requests;
using PrivacyPortal.Infrastructure.Data;

namespace PrivacyPortal.Infrastructure.Audit;

/// <summary>The period and controller of a trail: days in Japan, inclusive.</summary>
public sealed record TrailFilter
{
    public DateOnly? From { get; init; }

    public DateOnly? To { get; init; }

    public string? Controller { get; init; }

    public string? Action { get; init; }

    /// <summary>Only this request's events (one case's record).</summary>
    public Guid? RequestId { get; init; }

    /// <summary>Events from this sequence number on (paging).</summary>
    public long? AfterSeq { get; init; }

    public string Describe() => new RequestLogFilter { From = From, To = To, Controller = Controller }.Describe() + (Action is null ? string.Empty : $"; action={Action}");

    public string FileStem(string what) => new RequestLogFilter { From = From, To = To, Controller = Controller }.FileStem(what);
}

/// <summary>How the personal text of an event is shown: masked unless a reason was given to see it.</summary>
public enum TextView
{
    Masked,
    Shown,
}

/// <summary>One event of the case chain as the auditor reads it, with its hashes so anyone can recompute the chain.</summary>
public sealed record TrailRow(
    long Seq, DateTime AtUtc, Guid RequestId, string? Reference, string ControllerId, string Actor, string Action, string? FromStatus, string? ToStatus,
    string? Detail, string? TextDigest, string? Text, string PrevHash, string Hash)
{
    public const string MaskedText = "(masked)";
    public const string ErasedText = "(erased)";

    public static readonly string[] Columns =
        ["seq", "at_utc", "request_id", "reference", "controller", "actor", "action", "from_status", "to_status", "detail", "text_digest", "text", "prev_hash", "hash"];

    public string?[] Cells() =>
        [Seq.ToString(System.Globalization.CultureInfo.InvariantCulture), RequestLogRow.Text(AtUtc), RequestId.ToString("D"), Reference, ControllerId, Actor, Action, FromStatus, ToStatus, Detail, TextDigest, Text, PrevHash, Hash];

    /// <summary>What stands where personal text was: nothing, the text, "(masked)" or "(erased)".</summary>
    public static string? Show(string? digest, string? text, TextView view) =>
        digest is null ? null : text is null ? ErasedText : view == TextView.Shown ? text : MaskedText;
}

/// <summary>One administration event.</summary>
public sealed record AdminTrailRow(long Seq, DateTime AtUtc, string Actor, string Action, string Subject, string? Detail, string PrevHash, string Hash)
{
    public static readonly string[] Columns = ["seq", "at_utc", "actor", "action", "subject", "detail", "prev_hash", "hash"];

    public string?[] Cells() =>
        [Seq.ToString(System.Globalization.CultureInfo.InvariantCulture), RequestLogRow.Text(AtUtc), Actor, Action, Subject, Detail, PrevHash, Hash];
}

public static class AuditTrail
{
    /// <summary>The case events of readable requests, in chain order, streamed.</summary>
    public static async IAsyncEnumerable<TrailRow> StreamAsync(PortalDbContext db, IQueryable<PrivacyRequest> readable, TrailFilter filter, TextView view, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(filter);
        await foreach (var row in Query(db, readable, filter, view).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            yield return row;
        }
    }

    public static IQueryable<TrailRow> Query(PortalDbContext db, IQueryable<PrivacyRequest> readable, TrailFilter filter, TextView view)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(filter);
        var events = Within(db.AuditEvents.AsNoTracking(), filter);
        if (filter.RequestId is { } requestId)
        {
            events = events.Where(e => e.RequestId == requestId);
        }

        var requests = readable;
        if (!string.IsNullOrEmpty(filter.Controller))
        {
            requests = requests.Where(r => r.ControllerId == filter.Controller);
        }

        return events.Join(requests, e => e.RequestId, r => r.Id, (e, r) => new { e, r.Reference, r.ControllerId })
            .OrderBy(x => x.e.Seq)
            .Select(x => new TrailRow(
                x.e.Seq, x.e.AtUtc, x.e.RequestId, x.Reference, x.ControllerId, x.e.Actor, x.e.Action, x.e.FromStatus, x.e.ToStatus, x.e.Detail, x.e.TextDigest,
                TrailRow.Show(x.e.TextDigest, x.e.Text == null ? null : x.e.Text.Value, view), x.e.PrevHash, x.e.Hash));
    }

    public static IQueryable<AdminTrailRow> AdminQuery(PortalDbContext db, TrailFilter filter)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(filter);
        return Within(db.AdminAuditEvents.AsNoTracking(), filter).OrderBy(e => e.Seq).Select(e => new AdminTrailRow(e.Seq, e.AtUtc, e.Actor, e.Action, e.Subject, e.Detail, e.PrevHash, e.Hash));
    }

    /// <summary>The period (days in Japan), action and paging both trails share; their columns have the same names.</summary>
    private static IQueryable<T> Within<T>(IQueryable<T> events, TrailFilter filter)
        where T : class
    {
        if (filter.From is { } from)
        {
            var start = RequestLog.StartOfDayUtc(from);
            events = events.Where(e => EF.Property<DateTime>(e, "AtUtc") >= start);
        }

        if (filter.To is { } to)
        {
            var end = RequestLog.StartOfDayUtc(to.AddDays(1));
            events = events.Where(e => EF.Property<DateTime>(e, "AtUtc") < end);
        }

        if (filter.Action is { } action)
        {
            events = events.Where(e => EF.Property<string>(e, "Action") == action);
        }

        if (filter.AfterSeq is { } after)
        {
            events = events.Where(e => EF.Property<long>(e, "Seq") > after);
        }

        return events;
    }
}
