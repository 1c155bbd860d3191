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

    public Notice(Guid id, Guid requestId, NoticeKind kind, string recipient, string language, string? reference, string? protectedLink, DateTime createdAtUtc)
    {
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

    public DateTime? SentAtUtc { get; private set; }

    public int Attempts { get; private set; }
}
