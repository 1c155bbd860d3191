using PrivacyPortal.Domain.Requests;

namespace PrivacyPortal.Domain.Deadlines;

public enum DeadlineKind
{
    /// <summary>When the answer is due: the internal target (APPI), the end of the month(s) (GDPR), day 45 or 90 (CCPA).</summary>
    Due,

    /// <summary>APPI: the last business day on or before the target; never rolled forward.</summary>
    SendBy,

    /// <summary>APPI: when the case is escalated internally.</summary>
    Escalation,

    /// <summary>APPI Art. 39: the first day the requester may sue.</summary>
    EarliestSuit,

    /// <summary>GDPR Art. 12(3), CCPA: by when an extension must be notified.</summary>
    ExtensionNoticeBy,

    /// <summary>CCPA: by when receipt must be confirmed.</summary>
    AcknowledgeBy,

    /// <summary>CCPA: by when an opt-out of sale or sharing must be honoured.</summary>
    OptOutBy,
}

/// <summary>A date and the steps that produced it.</summary>
public sealed record ComputedDate(DeadlineKind Kind, DateOnly Date, IReadOnlyList<ExplanationStep> Steps)
{
    public string Explain(string language) => ExplanationText.Sentence(Steps, language);
}

/// <summary>Every date a regime sets for one request, each with its explanation.</summary>
public sealed record Deadline(Regime Regime, DateOnly ReceivedOn, bool Extended, IReadOnlyList<ClockPause> Pauses, IReadOnlyList<ComputedDate> Dates)
{
    public ComputedDate Due => Get(DeadlineKind.Due);

    public DateOnly DueOn => Due.Date;

    public ComputedDate? Find(DeadlineKind kind) => Dates.FirstOrDefault(d => d.Kind == kind);

    public ComputedDate Get(DeadlineKind kind) =>
        Find(kind) ?? throw new InvalidOperationException($"{Regime} sets no {kind} date.");

    /// <summary>
    /// The due date's explanation, with the send-by date where the regime has one:
    /// "Received 2026-11-24; internal target 14 days; paused 3 days awaiting identity documents; due 2026-12-11; send by 2026-12-11".
    /// </summary>
    public string Explain(string language) =>
        ExplanationText.Sentence(Due.Steps.Concat(Find(DeadlineKind.SendBy)?.Steps ?? []), language);
}
