using PrivacyPortal.Domain.Common;

namespace PrivacyPortal.Domain.Deadlines;

public enum StepKind
{
    Received,
    ReceiptDayNotCounted,
    InternalTarget,
    EscalationAfter,
    Paused,
    PausedSoFar,
    PauseNotCounted,
    PauseTooLate,
    Months,
    MonthEndClamped,
    RolledForward,
    Due,

    /// <summary>APPI: the controller's own target date (回答予定日), never a legal deadline.</summary>
    TargetDate,

    /// <summary>GDPR extension: the first month's end the further months count from.</summary>
    FirstMonthEnds,
    FurtherMonths,
    SendBy,
    SendByPreviousBusinessDay,
    EscalateOn,
    TwoWeeksEnd,
    EarliestSuit,
    ExtensionNoticeBy,
    BusinessDaysCountingReceipt,
    CalendarDaysCountingReceipt,
}

/// <summary>One step of a computed date, kept as data so pages, letters and the CLI can show it in either language.</summary>
public sealed record ExplanationStep(
    StepKind Kind,
    DateOnly? Date = null,
    int? Days = null,
    DateOnly? From = null,
    PauseReason? Reason = null,
    LocalizedText? Because = null);
