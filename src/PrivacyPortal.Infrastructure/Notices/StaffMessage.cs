using PrivacyPortal.Domain.Common;

namespace PrivacyPortal.Infrastructure.Notices;

/// <summary>
/// An email to staff (a daily digest, an escalation), in the same outbox discipline as requesters' notices. Its
/// <see cref="Key"/> is unique, so a job that runs twice writes it once. It names cases by reference and links to
/// them; it never carries a requester's personal data.
/// </summary>
public sealed class StaffMessage
{
    public const int MaxKeyLength = 200;
    public const int MaxSubjectLength = 300;
    public const int MaxBodyLength = 20_000;

    private StaffMessage()
    {
    }

    public StaffMessage(string key, string recipient, string language, string subject, string body, DateTime createdAtUtc)
    {
        Id = Guid.NewGuid();
        Key = key;
        Recipient = recipient;
        Language = language;
        Subject = subject.Length <= MaxSubjectLength ? subject : subject[..MaxSubjectLength];
        Body = body.Length <= MaxBodyLength ? body : body[..MaxBodyLength];
        CreatedAtUtc = createdAtUtc;
    }

    public Guid Id { get; private set; }

    public string Key { get; private set; } = string.Empty;

    public string Recipient { get; private set; } = string.Empty;

    public string Language { get; private set; } = "ja";

    public string Subject { get; private set; } = string.Empty;

    public string Body { get; private set; } = string.Empty;

    public DateTime CreatedAtUtc { get; private set; }

    public DateTime? SentAtUtc { get; private set; }

    public int Attempts { get; private set; }

    public DateTime? NextAttemptAtUtc { get; private set; }

    public DateTime? FailedAtUtc { get; private set; }

    public string? LastError { get; private set; }

    public string MessageId => $"<{Id:N}@privacyportal>";

    public void MarkSent(DateTime nowUtc)
    {
        SentAtUtc = nowUtc;
        Attempts++;
        LastError = null;
    }

    public void MarkAttemptFailed(string error, DateTime nowUtc, int maxAttempts)
    {
        Attempts++;
        LastError = RetryBackoff.Clip(error, 500);
        if (Attempts >= maxAttempts)
        {
            FailedAtUtc = nowUtc;
            NextAttemptAtUtc = null;
            return;
        }

        NextAttemptAtUtc = RetryBackoff.NextAttempt(nowUtc, Attempts);
    }
}
