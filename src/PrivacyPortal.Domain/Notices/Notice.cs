using PrivacyPortal.Domain.Common;

namespace PrivacyPortal.Domain.Notices;

public enum NoticeKind
{
    /// <summary>Confirm your email address (with the single-use link).</summary>
    EmailConfirmation,

    /// <summary>Received: the reference number and the status link.</summary>
    Acknowledgement,

    /// <summary>A new status link, asked for from the "link does not work" page.</summary>
    StatusLink,

    /// <summary>The request was withdrawn.</summary>
    Withdrawn,

    /// <summary>The email was not confirmed within 24 hours: a new confirmation link.</summary>
    ConfirmationReminder,

    /// <summary>The draft was never confirmed and has been discarded after 7 days.</summary>
    DraftDiscarded,

    /// <summary>The officer needs more to confirm identity; <see cref="Notice.Detail"/> says what.</summary>
    DocumentsNeeded,

    /// <summary>A fee is due: <see cref="Notice.Detail"/> is "amount currency pay-by".</summary>
    FeeDue,

    /// <summary>The fee was not paid in the window and the request is deemed not made.</summary>
    FeeExpired,

    /// <summary>GDPR Art. 12(3): the period is extended by two months; <see cref="Notice.Detail"/> gives the reasons.</summary>
    Extended,

    /// <summary>The request has been decided; the answer is on the status page.</summary>
    DecisionAvailable,

    /// <summary>
    /// To the person an agent filed for: the request was made in their name; their own link lets them say they did not ask.
    /// </summary>
    AgentFiled,

    /// <summary>To the agent, when the profile sends the answer to the person: the answer letter was posted to the person.</summary>
    AnswerPostedToPerson,
}

/// <summary>
/// An email waiting to be sent: written to the outbox in the same transaction as the change it reports, sent later
/// by the worker, never from inside a web request. A link carrying a secret token is stored only encrypted
/// (<see cref="ProtectedLink"/>) and cleared once sent.
/// </summary>
public sealed class Notice
{
    private Notice()
    {
    }

    public Notice(Guid id, Guid requestId, NoticeKind kind, string recipient, string language, string? reference, string? protectedLink, DateTime createdAtUtc, string? detail = null)
    {
        Detail = detail;
        Id = id;
        RequestId = requestId;
        Kind = kind;
        Recipient = recipient;
        Language = language;
        Reference = reference;
        ProtectedLink = protectedLink;
        CreatedAtUtc = createdAtUtc;
    }

    public Guid Id { get; private set; }

    public Guid RequestId { get; private set; }

    public NoticeKind Kind { get; private set; }

    public string Recipient { get; private set; } = string.Empty;

    /// <summary>"ja" or "en": the language the requester used.</summary>
    public string Language { get; private set; } = "ja";

    public string? Reference { get; private set; }

    public string? ProtectedLink { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    /// <summary>The variable part of the message (a reason, an amount and date); never a secret.</summary>
    public string? Detail { get; private set; }

    public const int MaxDetailLength = 2000;

    public DateTime? SentAtUtc { get; private set; }

    public int Attempts { get; private set; }

    /// <summary>Not before this instant: the back-off after a failed attempt. Null: as soon as possible.</summary>
    public DateTime? NextAttemptAtUtc { get; private set; }

    /// <summary>Set when the notice is given up after too many attempts; shown to administrators.</summary>
    public DateTime? FailedAtUtc { get; private set; }

    public string? LastError { get; private set; }

    public const int MaxErrorLength = 500;

    /// <summary>The same for every attempt, so a message sent twice after a crash is recognisable as one.</summary>
    public string MessageId => $"<{Id:N}@privacyportal>";

    public bool IsPending => SentAtUtc is null && FailedAtUtc is null;

    /// <summary>Sent: the secret link is no longer needed and is dropped.</summary>
    /// <summary>What stands in <see cref="Recipient"/> once the request's personal data is erased.</summary>
    public const string ErasedRecipient = "-";

    public void MarkSent(DateTime nowUtc)
    {
        SentAtUtc = nowUtc;
        Attempts++;
        ProtectedLink = null;
        LastError = null;
    }

    /// <summary>
    /// A failed attempt: retried after 1, 2, 4, 8... minutes; after <paramref name="maxAttempts"/> the notice is given
    /// up and its secret link dropped.
    /// </summary>
    public void MarkAttemptFailed(string error, DateTime nowUtc, int maxAttempts)
    {
        Attempts++;
        LastError = RetryBackoff.Clip(error, MaxErrorLength);
        if (Attempts >= maxAttempts)
        {
            FailedAtUtc = nowUtc;
            NextAttemptAtUtc = null;
            ProtectedLink = null;
            return;
        }

        NextAttemptAtUtc = RetryBackoff.NextAttempt(nowUtc, Attempts);
    }
}
