using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PrivacyPortal.Domain.Requests;

namespace PrivacyPortal.Infrastructure.Cases;

/// <summary>The queue's filters, as they come from the query string.</summary>
public sealed record QueueFilter
{
    public string? Controller { get; init; }

    public string? Type { get; init; }

    public RequestStatus? Status { get; init; }

    /// <summary>"me", "none", or a staff account id.</summary>
    public string? Assignee { get; init; }

    /// <summary>Due within this many days from today (0 = today).</summary>
    public int? DueWithinDays { get; init; }

    public bool Overdue { get; init; }

    /// <summary>The keyset cursor: "yyyy-MM-dd|REFERENCE" of the last row of the previous page.</summary>
    public string? After { get; init; }
}

/// <param name="PersonObjected">The person an agent filed for said they did not ask (the case must be refused or cleared up).</param>
public sealed record QueueRow(Guid Id, string Reference, string ControllerId, string PolicyId, RequestStatus Status, DateOnly? DueOn, string? AssignedTo, IReadOnlyList<string> Types, RequestChannel Channel, bool PersonObjected);

public sealed record StatusCount(RequestStatus Status, int Count);

public sealed record QueuePage(IReadOnlyList<QueueRow> Rows, string? NextAfter, IReadOnlyDictionary<RequestStatus, int> Counts);

/// <summary>
/// The case queue: sorted by due date then reference, paged by keyset (no OFFSET, so page 1,000 costs what page 1
/// does), every query served by the (ControllerId, Status, DueOn, Reference) index.
/// </summary>
public static class CaseQueueQuery
{
    public const int PageSize = 50;

    public static readonly RequestStatus[] OpenStatuses =
        [RequestStatus.Received, RequestStatus.AwaitingIdentity, RequestStatus.AwaitingFee, RequestStatus.InReview];

    public static async Task<QueuePage> ReadAsync(IQueryable<PrivacyRequest> readable, QueueFilter filter, string userId, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(readable);
        ArgumentNullException.ThrowIfNull(filter);
        var scoped = Scoped(readable, filter, userId);
        var counts = await OpenCounts(scoped).ToDictionaryAsync(g => g.Status, g => g.Count, cancellationToken);
        if (filter.Status is { } chosen && !OpenStatuses.Contains(chosen))
        {
            // A closed status the officer asked for: counted on its own index range, only then.
            counts[chosen] = await scoped.CountAsync(r => r.Status == chosen, cancellationToken);
        }

        var page = await Rows(scoped, filter, today).ToListAsync(cancellationToken);
        string? next = null;
        if (page.Count > PageSize)
        {
            page.RemoveAt(PageSize);
            var last = page[^1];
            next = $"{last.DueOn:yyyy-MM-dd}|{last.Reference}";
        }

        return new QueuePage(page, next, counts);
    }

    /// <summary>Applies the assignee, controller and type filters every part of the queue shares.</summary>
    public static IQueryable<PrivacyRequest> Scoped(IQueryable<PrivacyRequest> readable, QueueFilter filter, string userId)
    {
        ArgumentNullException.ThrowIfNull(readable);
        ArgumentNullException.ThrowIfNull(filter);
        var scoped = readable;
        if (!string.IsNullOrEmpty(filter.Controller))
        {
            scoped = scoped.Where(r => r.ControllerId == filter.Controller);
        }

        if (!string.IsNullOrEmpty(filter.Type))
        {
            scoped = scoped.Where(r => r.Items.Any(i => i.TypeId == filter.Type));
        }

        return filter.Assignee switch
        {
            null or "" => scoped,
            "none" => scoped.Where(r => r.AssignedTo == null),
            "me" => scoped.Where(r => r.AssignedTo == userId),
            var someone => scoped.Where(r => r.AssignedTo == someone),
        };
    }

    /// <summary>
    /// The work in hand per open status, from the partial index of open cases: a controller's closed history, which
    /// grows without end (225,000 rows of a million-request controller), is never counted to draw the queue.
    /// </summary>
    public static IQueryable<StatusCount> OpenCounts(IQueryable<PrivacyRequest> scoped) =>
        scoped.Where(r => EF.Constant(OpenStatuses).Contains(r.Status))
            .GroupBy(r => r.Status)
            .Select(g => new StatusCount(g.Key, g.Count()));

    /// <summary>One page of rows plus one, to know whether another page follows.</summary>
    public static IQueryable<QueueRow> Rows(IQueryable<PrivacyRequest> scoped, QueueFilter filter, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(filter);
        // Open cases as constants in the SQL, so SQLite can use the partial index of open cases only: a controller's
        // closed history, however long, is never read to fill the default queue.
        var rows = filter.Status is { } status ? scoped.Where(r => r.Status == status) : scoped.Where(r => EF.Constant(OpenStatuses).Contains(r.Status));
        if (filter.Overdue)
        {
            rows = rows.Where(r => r.DueOn < today);
        }

        if (filter.DueWithinDays is { } days)
        {
            var until = today.AddDays(Math.Clamp(days, 0, 366));
            rows = rows.Where(r => r.DueOn <= until);
        }

        if (ParseCursor(filter.After) is var (afterDue, afterReference))
        {
            // Translated to SQL: the database compares the references (ASCII, so every provider orders them alike);
            // EF Core translates this overload of string.Compare only.
#pragma warning disable CA1309
            rows = rows.Where(r => r.DueOn > afterDue || (r.DueOn == afterDue && string.Compare(r.Reference, afterReference) > 0));
#pragma warning restore CA1309
        }

        return rows
            .OrderBy(r => r.DueOn).ThenBy(r => r.Reference)
            .Take(PageSize + 1)
            .Select(r => new QueueRow(r.Id, r.Reference!, r.ControllerId, r.PolicyId, r.Status, r.DueOn, r.AssignedTo, r.Items.Select(i => i.TypeId).ToList(), r.Channel, r.PersonObjectedAtUtc != null));
    }

    /// <summary>A cursor that does not parse is ignored: the first page is shown, never an error.</summary>
    public static (DateOnly, string)? ParseCursor(string? after)
    {
        var parts = after?.Split('|');
        if (parts is not [var date, var reference] || reference.Length is 0 or > PrivacyRequest.MaxReferenceLength
            || !DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var due))
        {
            return null;
        }

        return (due, reference);
    }
}
