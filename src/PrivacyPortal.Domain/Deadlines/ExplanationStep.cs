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
