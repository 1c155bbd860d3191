using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PrivacyPortal.Domain.Calendars;
using PrivacyPortal.Domain.Requests;

namespace PrivacyPortal.Infrastructure.Audit;

/// <summary>A count under a label (a month, a type, a status, a ground).</summary>
public sealed record Tally(string Key, long Count);

/// <summary>Fees asked for and paid: how many and how much, per currency.</summary>
public sealed record FeeTally(string Currency, long RequestedCount, long RequestedMinor, long PaidCount, long PaidMinor);

/// <summary>
/// The figures auditors and the yearly transparency report show, for requests received in a period. Definitions
/// (docs/architecture.md, "Metrics"): days to answer are calendar days from receipt to the day the answer was sent,
/// in Japan; on time against the internal target means sent by the due date the portal computed (the target plus the
/// days the clock stood still); against Art. 39 means sent within the two weeks after the request reached the
/// business (Art. 39(1): from then the requester may sue; pauses do not count), for requests that include a type
/// Art. 39 covers (33, 34, 35; not purpose notification, Art. 32).
/// </summary>
public sealed record RequestMetrics
{
    public DateOnly From { get; init; }

    public DateOnly To { get; init; }

    public long Received { get; init; }

    public IReadOnlyList<Tally> ByMonth { get; init; } = [];

    public IReadOnlyList<Tally> ByController { get; init; } = [];

    public IReadOnlyList<Tally> ByType { get; init; } = [];

    public IReadOnlyList<Tally> ByChannel { get; init; } = [];

    public IReadOnlyList<Tally> ByStatus { get; init; } = [];

    public IReadOnlyList<Tally> ByOutcome { get; init; } = [];

    /// <summary>Over time: requests received per month and controller, type, channel or status; keys "yyyy-MM|value".</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<Tally>> Monthly { get; init; } = new Dictionary<string, IReadOnlyList<Tally>>();

    public const string ByControllerDimension = "controller";
    public const string ByTypeDimension = "type";
    public const string ByChannelDimension = "channel";
    public const string ByStatusDimension = "status";

    public long Answered { get; init; }

    public double? MedianDaysToAnswer { get; init; }

    public double? P90DaysToAnswer { get; init; }

    public long OnTimeAgainstTarget { get; init; }

    public long Art39Answered { get; init; }

    public long OnTimeAgainstArt39 { get; init; }

    public long OverdueNow { get; init; }

    public IReadOnlyList<Tally> RefusalsByGround { get; init; } = [];

    public IReadOnlyList<FeeTally> Fees { get; init; } = [];

    public double? OnTimeRateAgainstTarget => Answered == 0 ? null : (double)OnTimeAgainstTarget / Answered;

    public double? OnTimeRateAgainstArt39 => Art39Answered == 0 ? null : (double)OnTimeAgainstArt39 / Art39Answered;

    /// <summary>APPI Art. 39(1) covers requests under 33(1) (and 33(5)), 34(1) and 35(1), (3), (5).</summary>
    public static readonly IReadOnlySet<string> Art39Types = RequestType.Art39Types;

    /// <summary>APPI Art. 39(1): two weeks from arrival, the arrival day not counted (Civil Code Art. 140).</summary>
    public const int Art39Days = 14;

    private sealed record Row(
        string ControllerId, RequestChannel Channel, List<string> Types, RequestStatus Status, DecisionOutcome? Outcome, List<string> Grounds,
        DateOnly ReceivedOn, DateOnly? DueOn, DateTime? CompletedAtUtc, FeeStatus FeeStatus, long? FeeMinor, string? FeeCurrency);

    public static async Task<RequestMetrics> ComputeAsync(IQueryable<PrivacyRequest> readable, DateOnly from, DateOnly to, string? controller, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(readable);
        var query = RequestLog.Filtered(readable, new RequestLogFilter { From = from, To = to, Controller = controller }, today);
        var rows = new List<Row>();
        await foreach (var row in query.Select(r => new Row(
                r.ControllerId, r.Channel, r.Items.Select(i => i.TypeId).ToList(), r.Status, r.Outcome, EF.Property<List<string>>(r, "_decisionGrounds"),
                r.ReceivedOn!.Value, r.DueOn, r.CompletedAtUtc, r.Fee.Status, r.Fee.AmountMinor, r.Fee.Currency))
            .AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            rows.Add(row);
        }

        var answered = rows.Where(r => r.Status == RequestStatus.Answered && r.CompletedAtUtc is not null)
            .Select(r => (Row: r, On: JapanTime.DateOf(new DateTimeOffset(r.CompletedAtUtc!.Value, TimeSpan.Zero))))
            .ToList();
        var days = answered.Select(a => (double)(a.On.DayNumber - a.Row.ReceivedOn.DayNumber)).Order().ToList();
        var art39 = answered.Where(a => a.Row.Types.Any(Art39Types.Contains)).ToList();
        var open = RequestLog.OpenStatuses;
        return new RequestMetrics
        {
            From = from,
            To = to,
            Received = rows.Count,
            ByMonth = Months(from, to).Select(m => new Tally(m, rows.LongCount(r => Month(r.ReceivedOn) == m))).ToList(),
            ByController = Count(rows.Select(r => r.ControllerId)),
            ByType = Count(rows.SelectMany(r => r.Types)),
            ByChannel = Count(rows.Select(r => r.Channel.ToString())),
            ByStatus = Count(rows.Select(r => r.Status.ToString())),
            ByOutcome = Count(rows.Where(r => r.Outcome is not null).Select(r => r.Outcome!.Value.ToString())),
            Monthly = new Dictionary<string, IReadOnlyList<Tally>>(StringComparer.Ordinal)
            {
                [ByControllerDimension] = CountByMonth(rows.Select(r => (r.ReceivedOn, r.ControllerId))),
                [ByTypeDimension] = CountByMonth(rows.SelectMany(r => r.Types.Select(t => (r.ReceivedOn, t)))),
                [ByChannelDimension] = CountByMonth(rows.Select(r => (r.ReceivedOn, r.Channel.ToString()))),
                [ByStatusDimension] = CountByMonth(rows.Select(r => (r.ReceivedOn, r.Status.ToString()))),
            },
            Answered = answered.Count,
            MedianDaysToAnswer = Percentile(days, 0.5),
            P90DaysToAnswer = Percentile(days, 0.9),
            OnTimeAgainstTarget = answered.LongCount(a => a.Row.DueOn is { } due && a.On <= due),
            Art39Answered = art39.Count,
            OnTimeAgainstArt39 = art39.LongCount(a => a.On <= a.Row.ReceivedOn.AddDays(Art39Days)),
            OverdueNow = rows.LongCount(r => open.Contains(r.Status) && r.DueOn < today),
            RefusalsByGround = Count(rows.Where(r => r.Outcome is DecisionOutcome.Refused or DecisionOutcome.PartiallyFulfilled).SelectMany(r => r.Grounds)),
            Fees = rows.Where(r => r.FeeStatus != FeeStatus.NotRequested && r.FeeCurrency is not null).GroupBy(r => r.FeeCurrency!)
                .Select(g => new FeeTally(
                    g.Key, g.LongCount(), g.Sum(r => r.FeeMinor ?? 0),
                    g.LongCount(r => r.FeeStatus == FeeStatus.Paid), g.Where(r => r.FeeStatus == FeeStatus.Paid).Sum(r => r.FeeMinor ?? 0)))
                .OrderBy(f => f.Currency, StringComparer.Ordinal).ToList(),
        };
    }

    /// <summary>Nearest rank: the smallest value with at least p of the values at or below it.</summary>
    public static double? Percentile(IReadOnlyList<double> sorted, double p)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        if (sorted.Count == 0)
        {
            return null;
        }

        var rank = (int)Math.Ceiling(p * sorted.Count);
        return sorted[Math.Clamp(rank, 1, sorted.Count) - 1];
    }

    private static List<Tally> Count(IEnumerable<string> keys) =>
        keys.GroupBy(k => k, StringComparer.Ordinal).Select(g => new Tally(g.Key, g.LongCount())).OrderByDescending(t => t.Count).ThenBy(t => t.Key, StringComparer.Ordinal).ToList();

    private static List<Tally> CountByMonth(IEnumerable<(DateOnly On, string Key)> items) =>
        items.GroupBy(i => Month(i.On) + "|" + i.Key, StringComparer.Ordinal).Select(g => new Tally(g.Key, g.LongCount())).OrderBy(t => t.Key, StringComparer.Ordinal).ToList();

    private static string Month(DateOnly day) => day.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private static IEnumerable<string> Months(DateOnly from, DateOnly to)
    {
        for (var month = new DateOnly(from.Year, from.Month, 1); month <= to && month.Year < 10000; month = month.AddMonths(1))
        {
            yield return Month(month);
        }
    }
}
