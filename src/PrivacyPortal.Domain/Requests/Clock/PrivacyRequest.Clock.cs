using PrivacyPortal.Domain.Common;
using PrivacyPortal.Domain.Deadlines;
using PrivacyPortal.Domain.Notices;

namespace PrivacyPortal.Domain.Requests;

/// <summary>Clock: when the request was received, the pauses, the GDPR extension, and the dates derived from them.</summary>
public sealed partial class PrivacyRequest
{
    private List<ClockPause> _pauses = [];

    public DateTime? ReceivedAtUtc { get; private set; }

    /// <summary>The day the request reached the business, in Japan: the clock starts here.</summary>
    public DateOnly? ReceivedOn { get; private set; }

    /// <summary>Denormalised from <see cref="DeadlineCalculator"/> for queue queries; refreshed by every verb that changes a fact.</summary>
    public DateOnly? DueOn { get; private set; }

    /// <summary>GDPR Art. 12(3): extended by two further months, once.</summary>
    public bool Extended { get; private set; }

    public string? ExtensionReasons { get; private set; }

    /// <summary>Periods the clock stood still because the business was waiting for the requester.</summary>
    public IReadOnlyList<ClockPause> Pauses => _pauses.AsReadOnly();

    /// <summary>
    /// APPI Art. 39(1): the earliest-suit date applies while some item of a type Art. 39 covers stands unrefused; a
    /// refusal lifts the wait (the proviso), and purpose notification never had one.
    /// </summary>
    public bool Art39Applies => _items.Any(i => i.Type?.Art39Applies == true && DecisionOf(i)?.Outcome != DecisionOutcome.Refused);

    /// <summary>GDPR Art. 12(3): two further months, once, told with reasons within the first month.</summary>
    public void Extend(string actor, string reasons, DeadlineRules rules, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var text = Required(reasons, "reason.required", "Give the reasons for the extension; the requester is told them.");
        Guard.ThrowIfRefused(ExtendRefusal(rules, Today(nowUtc)));
        Extended = true;
        ExtensionReasons = text;
        Changed(rules, nowUtc, actor, "extended", Status, null, text);
        Notify(NoticeKind.Extended, null, nowUtc, text);
        AddLetter(LetterKind.Extension, nowUtc);
    }

    /// <summary>The dates every regime of this request's types sets, from the facts; null while a draft.</summary>
    public IReadOnlyList<Deadline> Deadlines(DeadlineRules rules, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(rules);
        if (ReceivedOn is not { } received)
        {
            return [];
        }

        return _items
            .Select(i => RequestType.Find(i.TypeId)?.Regime ?? Regime.Appi)
            .Distinct()
            .Select(regime => DeadlineCalculator.Compute(rules, regime, received, _pauses, Extended && regime != Regime.Appi, asOf, earliestSuit: Art39Applies))
            .OrderBy(d => d.DueOn)
            .ToList();
    }

    /// <summary>GDPR Art. 12(3), (4): the last day an extension, or a decision not to act, can be told: one month from receipt.</summary>
    private DateOnly GdprFirstMonthEnds(DeadlineRules rules, DateOnly today) =>
        DeadlineCalculator.Compute(rules, Regime.Gdpr, ReceivedOn!.Value, _pauses, extended: false, today).Get(DeadlineKind.ExtensionNoticeBy).Date;

    private DomainException? ExtendRefusal(DeadlineRules rules, DateOnly today)
    {
        if (!_items.Any(i => RequestType.Find(i.TypeId)?.Regime == Regime.Gdpr))
        {
            return new DomainException("extend.not-gdpr", "Only a GDPR request can be extended; APPI has no extension.");
        }

        if (Extended)
        {
            return new DomainException("extend.once", "This request has already been extended; it can be extended only once.");
        }

        if (!IsOpen || Status == RequestStatus.Draft)
        {
            return new DomainException("extend.closed", "Only an open request can be extended.");
        }

        var noticeBy = GdprFirstMonthEnds(rules, today);
        return today > noticeBy ? new DomainException("extend.too-late", $"The extension had to be notified by {noticeBy:yyyy-MM-dd}, within the first month.") : null;
    }

    private void RefreshDueOn(DeadlineRules rules) =>
        DueOn = Deadlines(rules, ReceivedOn ?? default).Select(d => (DateOnly?)d.DueOn).FirstOrDefault();

    private void EndPause(PauseReason reason, DateOnly on) =>
        _pauses = [.. _pauses.Select(p => p.IsOngoing && p.Reason == reason ? new ClockPause(p.From, on < p.From ? p.From : on, p.Reason) : p)];

    private void EndOngoingPauses(DateOnly on)
    {
        foreach (var reason in Enum.GetValues<PauseReason>())
        {
            EndPause(reason, on);
        }
    }
}
