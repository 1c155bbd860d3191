using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using PrivacyPortal.Domain.Calendars;
using PrivacyPortal.Domain.Requests;

namespace PrivacyPortal.Infrastructure.Audit;

/// <summary>
/// The auditor's filter of the request log, shared by the page, the exports and `portal export`, so an export holds
/// exactly the rows the page showed. The period is the day the request was received (its clock start), in Japan.
/// </summary>
public sealed record RequestLogFilter
{
    public DateOnly? From { get; init; }

    public DateOnly? To { get; init; }

    public string? Controller { get; init; }

    public string? Type { get; init; }

    public RequestStatus? Status { get; init; }

    public DecisionOutcome? Outcome { get; init; }

    public string? Ground { get; init; }

    public bool Overdue { get; init; }

    public RequestChannel? Channel { get; init; }

    /// <summary>What the filter selects, for the export's audit event and the page.</summary>
    public string Describe() => string.Join(
        "; ",
        new[]
        {
            $"from={Day(From)}", $"to={Day(To)}", $"controller={Controller ?? "all"}",
            Type is null ? null : $"type={Type}", Status is null ? null : $"status={Status}", Outcome is null ? null : $"outcome={Outcome}",
            Ground is null ? null : $"ground={Ground}", Overdue ? "overdue" : null, Channel is null ? null : $"channel={Channel}",
        }.OfType<string>());

    /// <summary>The part of a file name that says which period and which controller.</summary>
    public string FileStem(string what) =>
        $"{what}_{Day(From)}_{Day(To)}_{Controller ?? "all-controllers"}";

    private static string Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "any";
}

/// <summary>One row of the request log: the coded record, no personal data.</summary>
public sealed record RequestLogRow(
    Guid Id,
    string? Reference,
    string ControllerId,
    string PolicyId,
    RequestChannel Channel,
    IReadOnlyList<string> Types,
    RequestStatus Status,
    string Language,
    bool ByAgent,
    DateOnly? ReceivedOn,
    DateOnly? DueOn,
    bool Overdue,
    DateTime? IdentityVerifiedAtUtc,
    FeeStatus FeeStatus,
    long? FeeAmountMinor,
    string? FeeCurrency,
    DateOnly? FeePaidOn,
    bool Extended,
    DecisionOutcome? Outcome,
    IReadOnlyList<string> Grounds,
    DateTime? DecidedAtUtc,
    DateTime? CompletedAtUtc,
    DateTime? PurgedAtUtc)
{
    public static readonly string[] Columns =
    [
        "reference", "controller", "policy", "channel", "types", "status", "language", "by_agent", "received_on", "due_on", "overdue",
        "identity_verified_at_utc", "fee_status", "fee_amount", "fee_currency", "fee_paid_on", "extended", "outcome", "grounds",
        "decided_at_utc", "completed_at_utc", "purged_at_utc",
    ];

    public string?[] Cells() =>
    [
        Reference, ControllerId, PolicyId, Channel.ToString(), string.Join(' ', Types), Status.ToString(), Language, ByAgent ? "yes" : "no",
        Text(ReceivedOn), Text(DueOn), Overdue ? "yes" : "no", Text(IdentityVerifiedAtUtc), FeeStatus.ToString(),
        FeeAmountMinor?.ToString(CultureInfo.InvariantCulture), FeeCurrency, Text(FeePaidOn), Extended ? "yes" : "no", Outcome?.ToString(),
        string.Join(' ', Grounds), Text(DecidedAtUtc), Text(CompletedAtUtc), Text(PurgedAtUtc),
    ];

    public static string? Text(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string? Text(DateTime? at) => at?.ToString("yyyy-MM-ddTHH:mm:ss'Z'", CultureInfo.InvariantCulture);
}

public static class RequestLog
{
    /// <summary>Not yet answered: the queue's open statuses and a decision whose answer has not gone out.</summary>
    public static readonly RequestStatus[] OpenStatuses = [.. Cases.CaseQueueQuery.OpenStatuses, RequestStatus.Decided];

    /// <summary>Requests that reached the business: drafts never confirmed (and discarded) are no one's record.</summary>
    public static IQueryable<PrivacyRequest> Received(IQueryable<PrivacyRequest> requests) =>
        requests.Where(r => r.Status != RequestStatus.Draft && r.Status != RequestStatus.Discarded);

    /// <summary>Received requests only (drafts never reached the business), within the reader's controllers.</summary>
    public static IQueryable<PrivacyRequest> Filtered(IQueryable<PrivacyRequest> readable, RequestLogFilter filter, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(readable);
        ArgumentNullException.ThrowIfNull(filter);
        var query = readable.Where(r => r.ReceivedOn != null);
        if (filter.From is { } from)
        {
            query = query.Where(r => r.ReceivedOn >= from);
        }

        if (filter.To is { } to)
        {
            query = query.Where(r => r.ReceivedOn <= to);
        }

        if (!string.IsNullOrEmpty(filter.Controller))
        {
            query = query.Where(r => r.ControllerId == filter.Controller);
        }

        if (!string.IsNullOrEmpty(filter.Type))
        {
            query = query.Where(r => r.Items.Any(i => i.TypeId == filter.Type));
        }

        if (filter.Status is { } status)
        {
            query = query.Where(r => r.Status == status);
        }

        if (filter.Outcome is { } outcome)
        {
            query = query.Where(r => r.Outcome == outcome);
        }

        if (filter.Channel is { } channel)
        {
            query = query.Where(r => r.Channel == channel);
        }

        if (filter.Overdue)
        {
            query = query.Where(r => OpenStatuses.Contains(r.Status) && r.DueOn < today);
        }

        return query;
    }

    /// <summary>
    /// The rows in order of receipt, streamed from the database (nothing is buffered, whatever the count). The ground
    /// is matched here, on each row's decoded grounds, because the database keeps them as one JSON text.
    /// </summary>
    public static async IAsyncEnumerable<RequestLogRow> StreamAsync(IQueryable<PrivacyRequest> readable, RequestLogFilter filter, DateOnly today, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var rows = Filtered(readable, filter, today)
            .OrderBy(r => r.ReceivedOn).ThenBy(r => r.Reference)
            .Select(r => new RequestLogRow(
                r.Id, r.Reference, r.ControllerId, r.PolicyId, r.Channel, r.Items.Select(i => i.TypeId).ToList(), r.Status, r.Language, r.Agent != null,
                r.ReceivedOn, r.DueOn, OpenStatuses.Contains(r.Status) && r.DueOn < today, r.IdentityVerifiedAtUtc, r.Fee.Status, r.Fee.AmountMinor, r.Fee.Currency,
                r.Fee.PaidOn, r.Extended, r.Outcome, EF.Property<List<string>>(r, "_decisionGrounds"), r.DecidedAtUtc, r.CompletedAtUtc, r.PurgedAtUtc))
            .AsAsyncEnumerable();
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            if (filter.Ground is null || row.Grounds.Contains(filter.Ground, StringComparer.Ordinal))
            {
                yield return row;
            }
        }
    }

    /// <summary>The first instant of a day in Japan, in UTC: periods of the trails are days in Japan.</summary>
    public static DateTime StartOfDayUtc(DateOnly day) =>
        new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), JapanTime.Offset).UtcDateTime;
}
