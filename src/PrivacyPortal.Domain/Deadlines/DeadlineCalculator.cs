using PrivacyPortal.Domain.Calendars;
using PrivacyPortal.Domain.Common;
using PrivacyPortal.Domain.Requests;

namespace PrivacyPortal.Domain.Deadlines;

/// <summary>
/// Derives a request's dates from facts: when it was received, the pauses, whether it was extended, the
/// controller's calendar. Pure: no clock, no I/O; <c>asOf</c> is only used to count an ongoing pause.
/// </summary>
public static class DeadlineCalculator
{
    // APPI Art. 39(1): suit only after two weeks from the day the request reached the business. Civil Code
    // Art. 140: the first day is not counted, so the period ends at the end of arrival + 14 days.
    private const int AppiWaitingPeriodDays = 14;

    /// <summary>The first day a suit may be filed, counted in days after the day the request arrived.</summary>
    public const int AppiEarliestSuitDaysAfterArrival = AppiWaitingPeriodDays + 1;

    // CCPA regulations (11 CCR 7021, 7026): confirm receipt within 10 business days, answer within 45 calendar
    // days, one extension of up to 45 more, opt-out within 15 business days; verification does not pause.
    private const int CcpaAcknowledgeBusinessDays = 10;
    private const int CcpaAnswerDays = 45;
    private const int CcpaExtensionDays = 45;
    private const int CcpaOptOutBusinessDays = 15;

    /// <summary>GDPR Art. 12(3): the answer may be extended by two further months where necessary.</summary>
    public const int GdprFurtherMonths = 2;

    /// <param name="earliestSuit">APPI: whether the Art. 39 date applies (a type it covers, not refused).</param>
    public static Deadline Compute(DeadlineRules rules, Regime regime, DateOnly receivedOn, IReadOnlyList<ClockPause> pauses, bool extended, DateOnly asOf, bool earliestSuit = true)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(pauses);
        CheckPauses(receivedOn, pauses);
        var dates = regime switch
        {
            Regime.Appi => Appi(rules, receivedOn, pauses, asOf, earliestSuit),
            Regime.Gdpr => Gdpr(rules, receivedOn, pauses, extended, asOf),
            Regime.Ccpa => Ccpa(receivedOn, pauses, extended),
        };
        return new Deadline(regime, receivedOn, extended, pauses, dates);
    }

    private static List<ComputedDate> Appi(DeadlineRules rules, DateOnly received, IReadOnlyList<ClockPause> pauses, DateOnly asOf, bool earliestSuit)
    {
        var pauseSteps = pauses.Select(p => PauseStep(p, asOf)).ToList();
        var pausedDays = pauses.Sum(p => p.DaysAsOf(asOf));

        // DESIGN: internal target in calendar days from receipt (default 14), so the answer precedes the Art. 39 date.
        var target = received.AddDays(rules.Targets.InternalTargetDays + pausedDays);
        List<ExplanationStep> dueSteps =
        [
            new(StepKind.Received, Date: received),
            new(StepKind.InternalTarget, Days: rules.Targets.InternalTargetDays),
            .. pauseSteps,
            new(StepKind.TargetDate, Date: target),
        ];

        // A target on a closed day is never rolled forward: the answer goes out on the previous business day.
        var sendBy = rules.Office.PreviousOpenOnOrBefore(target);
        ExplanationStep sendByStep = sendBy == target
            ? new(StepKind.SendBy, Date: sendBy)
            : new(StepKind.SendByPreviousBusinessDay, Date: sendBy, From: target, Because: rules.Office.ClosedBecause(target));

        var escalation = received.AddDays(rules.Targets.EscalationDays + pausedDays);
        var twoWeeksEnd = received.AddDays(AppiWaitingPeriodDays);
        List<ComputedDate> dates =
        [
            new(DeadlineKind.Due, target, dueSteps),
            new(DeadlineKind.SendBy, sendBy, [sendByStep]),
            new(DeadlineKind.Escalation, escalation,
            [
                new(StepKind.Received, Date: received), new(StepKind.EscalationAfter, Days: rules.Targets.EscalationDays), .. pauseSteps,
                new(StepKind.EscalateOn, Date: escalation),
            ]),
        ];
        if (earliestSuit)
        {
            dates.Add(new(DeadlineKind.EarliestSuit, twoWeeksEnd.AddDays(1),
            [
                new(StepKind.Received, Date: received), new(StepKind.ReceiptDayNotCounted),
                new(StepKind.TwoWeeksEnd, Date: twoWeeksEnd), new(StepKind.EarliestSuit, Date: twoWeeksEnd.AddDays(1)),
            ]));
        }

        return dates;
    }

    private static List<ComputedDate> Gdpr(DeadlineRules rules, DateOnly received, IReadOnlyList<ClockPause> pauses, bool extended, DateOnly asOf)
    {
        // EDPB 01/2022: only an identity request made without undue delay suspends the period; nothing else does.
        var pauseSteps = new List<ExplanationStep>();
        var pausedDays = 0;
        foreach (var pause in pauses)
        {
            if (pause.Reason != PauseReason.AwaitingIdentityDocuments)
            {
                pauseSteps.Add(new(StepKind.PauseNotCounted, Reason: pause.Reason));
            }
            else if (pause.From > received.AddDays(DeadlineRules.GdprIdentityRequestWindowDays))
            {
                pauseSteps.Add(new(StepKind.PauseTooLate, From: pause.From, Days: DeadlineRules.GdprIdentityRequestWindowDays));
            }
            else
            {
                pauseSteps.Add(PauseStep(pause, asOf));
                pausedDays += pause.DaysAsOf(asOf);
            }
        }

        var oneMonth = MonthsLater(rules, received, 1, pauseSteps, pausedDays);
        var dates = new List<ComputedDate>
        {
            // GDPR Art. 12(3): extendable by two further months. LEGAL.md's reading (the earlier where they differ):
            // two months from the end of the first month, by the same month rule, then rolled to a working day.
            extended ? Extended(rules, oneMonth) : oneMonth with { Kind = DeadlineKind.Due },
        };

        // GDPR Art. 12(3): the extension and its reasons are notified within the first month.
        dates.Add(new ComputedDate(DeadlineKind.ExtensionNoticeBy, oneMonth.Date,
            [.. oneMonth.Steps.Take(oneMonth.Steps.Count - 1), new ExplanationStep(StepKind.ExtensionNoticeBy, Date: oneMonth.Date)]));
        return dates;
    }

    /// <summary>The extended end: two further months from the first month's end before any roll-forward.</summary>
    private static ComputedDate Extended(DeadlineRules rules, ComputedDate oneMonth)
    {
        var firstEnd = UnrolledEnd(oneMonth);
        var end = firstEnd.AddMonths(GdprFurtherMonths);
        var steps = oneMonth.Steps.Where(s => s.Kind is not (StepKind.RolledForward or StepKind.Due)).ToList();
        steps.Add(new(StepKind.FirstMonthEnds, Date: firstEnd));
        steps.Add(new(StepKind.FurtherMonths, Date: end, Days: GdprFurtherMonths));
        if (end.Day != firstEnd.Day)
        {
            steps.Add(new(StepKind.MonthEndClamped, Date: end));
        }

        var rolled = rules.Gdpr.NextOpenOnOrAfter(end);
        if (rolled != end)
        {
            steps.Add(new(StepKind.RolledForward, Date: rolled, From: end, Because: rules.Gdpr.ClosedBecause(end)));
        }

        steps.Add(new(StepKind.Due, Date: rolled));
        return new ComputedDate(DeadlineKind.Due, rolled, steps);
    }

    /// <summary>The first month's end as counted, before a closed day rolled it forward.</summary>
    private static DateOnly UnrolledEnd(ComputedDate oneMonth) =>
        oneMonth.Steps.FirstOrDefault(s => s.Kind == StepKind.RolledForward)?.From ?? oneMonth.Date;

    /// <summary>Reg. 1182/71 Art. 3: the day of receipt is not counted; the period ends on the same date N months later
    /// (or that month's last day); a period ending on a closed day ends on the next working day.</summary>
    private static ComputedDate MonthsLater(DeadlineRules rules, DateOnly received, int months, List<ExplanationStep> pauseSteps, int pausedDays)
    {
        var steps = new List<ExplanationStep>
        {
            new(StepKind.Received, Date: received),
            new(StepKind.ReceiptDayNotCounted),
        };
        var end = received.AddMonths(months);
        steps.Add(new(StepKind.Months, Date: end, Days: months));
        if (end.Day != received.Day)
        {
            steps.Add(new(StepKind.MonthEndClamped, Date: end));
        }

        if (pausedDays > 0 || pauseSteps.Count > 0)
        {
            steps.AddRange(pauseSteps);
            end = end.AddDays(pausedDays);
        }

        var rolled = rules.Gdpr.NextOpenOnOrAfter(end);
        if (rolled != end)
        {
            steps.Add(new(StepKind.RolledForward, Date: rolled, From: end, Because: rules.Gdpr.ClosedBecause(end)));
        }

        steps.Add(new(StepKind.Due, Date: rolled));
        return new ComputedDate(DeadlineKind.Due, rolled, steps);
    }

    private static List<ComputedDate> Ccpa(DateOnly received, IReadOnlyList<ClockPause> pauses, bool extended)
    {
        // Where the first-day convention is unclear the earlier date is used: the day of receipt is day 1.
        var calendar = BusinessCalendar.WeekendsOnly;
        var ignored = pauses.Select(p => new ExplanationStep(StepKind.PauseNotCounted, Reason: p.Reason)).ToList();
        var answerDays = CcpaAnswerDays + (extended ? CcpaExtensionDays : 0);
        var due = received.AddDays(answerDays - 1);
        var noticeBy = received.AddDays(CcpaAnswerDays - 1);
        var acknowledgeBy = NthBusinessDayCountingReceipt(calendar, received, CcpaAcknowledgeBusinessDays);
        var optOutBy = NthBusinessDayCountingReceipt(calendar, received, CcpaOptOutBusinessDays);
        return
        [
            new(DeadlineKind.Due, due,
            [
                new(StepKind.Received, Date: received), .. ignored,
                new(StepKind.CalendarDaysCountingReceipt, Days: answerDays, Date: due), new(StepKind.Due, Date: due),
            ]),
            new(DeadlineKind.ExtensionNoticeBy, noticeBy,
            [
                new(StepKind.Received, Date: received),
                new(StepKind.CalendarDaysCountingReceipt, Days: CcpaAnswerDays, Date: noticeBy), new(StepKind.ExtensionNoticeBy, Date: noticeBy),
            ]),
            new(DeadlineKind.AcknowledgeBy, acknowledgeBy,
            [
                new(StepKind.Received, Date: received),
                new(StepKind.BusinessDaysCountingReceipt, Days: CcpaAcknowledgeBusinessDays, Date: acknowledgeBy),
            ]),
            new(DeadlineKind.OptOutBy, optOutBy,
            [
                new(StepKind.Received, Date: received),
                new(StepKind.BusinessDaysCountingReceipt, Days: CcpaOptOutBusinessDays, Date: optOutBy),
            ]),
        ];
    }

    private static DateOnly NthBusinessDayCountingReceipt(BusinessCalendar calendar, DateOnly received, int n) =>
        calendar.IsOpen(received) ? calendar.AddBusinessDays(received, n - 1) : calendar.AddBusinessDays(received, n);

    private static ExplanationStep PauseStep(ClockPause pause, DateOnly asOf) => pause.IsOngoing
        ? new(StepKind.PausedSoFar, Days: pause.DaysAsOf(asOf), From: pause.From, Reason: pause.Reason)
        : new(StepKind.Paused, Days: pause.DaysAsOf(asOf), Reason: pause.Reason);

    private static void CheckPauses(DateOnly received, IReadOnlyList<ClockPause> pauses)
    {
        ClockPause? previous = null;
        foreach (var pause in pauses.OrderBy(p => p.From))
        {
            if (pause.From < received)
            {
                throw new DomainException("pause.before-receipt", $"A pause cannot start ({pause.From:yyyy-MM-dd}) before the request was received ({received:yyyy-MM-dd}).");
            }

            if (previous is not null && (previous.To is null || previous.To > pause.From))
            {
                throw new DomainException("pause.overlap", $"Pauses overlap: one starting {previous.From:yyyy-MM-dd} and one starting {pause.From:yyyy-MM-dd}.");
            }

            previous = pause;
        }
    }
}
