using PrivacyPortal.Domain.Common;
using PrivacyPortal.Domain.Notices;

namespace PrivacyPortal.Domain.Requests;

public enum LetterKind
{
    /// <summary>The answer: disclosure (full, partial, none), correction or suspension outcome, refusal with complaint routes.</summary>
    Decision,

    /// <summary>The request was received: reference and when to expect the answer.</summary>
    Acknowledgement,

    /// <summary>The fee asked for (APPI Art. 38): amount, how to pay, by when.</summary>
    FeeRequest,

    /// <summary>GDPR Art. 12(3): the period is extended, with the reasons and the new date.</summary>
    Extension,

    /// <summary>
    /// A notice that would have been an email, for a requester who gave no email address: documents needed, withdrawn,
    /// fee not paid. <see cref="RequestLetter.Subject"/> says which.
    /// </summary>
    Notice,
}

public enum LetterStatus
{
    /// <summary>Waiting for the worker to print it (or to retry after Chromium was unavailable).</summary>
    Pending,

    /// <summary>Printed and stored encrypted; its SHA-256 is on the audit trail.</summary>
    Ready,
}

/// <summary>
/// A PDF letter of a request. Printed by the worker, stored encrypted like identity documents, previewed by the
/// officer, then sent with the decision email and offered on the status page.
/// </summary>
public sealed class RequestLetter
{
    public const int MaxErrorLength = 500;

    private RequestLetter()
    {
    }

    public RequestLetter(Guid id, LetterKind kind, string language, DateTime createdAtUtc, NoticeKind? subject = null, string? detail = null, bool toPerson = false)
    {
        if ((kind == LetterKind.Notice) != (subject is not null))
        {
            throw new ArgumentException("A notice letter, and only a notice letter, names the notice it carries.", nameof(subject));
        }

        Id = id;
        Kind = kind;
        Language = language;
        CreatedAtUtc = createdAtUtc;
        Subject = subject;
        Detail = detail;
        ToPerson = toPerson;
    }

    public Guid Id { get; private set; }

    public LetterKind Kind { get; private set; }

    public string Language { get; private set; } = "ja";

    public LetterStatus Status { get; private set; }

    public string? StoredName { get; private set; }

    public string? Sha256 { get; private set; }

    public long Length { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public DateTime? PrintedAtUtc { get; private set; }

    public int Attempts { get; private set; }

    /// <summary>
    /// When the officer recorded it as posted. Letters are posted when the requester gave no email address
    /// (<see cref="Requests.PrivacyRequest.NoticesByPost"/>); contact details never change after filing.
    /// </summary>
    public DateTime? PostedAtUtc { get; private set; }

    /// <summary>
    /// Addressed and posted to the person the data is about rather than to the agent who filed: the notice of an
    /// agent's request, and an answer the profile sends to the person.
    /// </summary>
    public bool ToPerson { get; private set; }

    /// <summary>For a <see cref="LetterKind.Notice"/> letter: the notice it carries.</summary>
    public NoticeKind? Subject { get; private set; }

    /// <summary>For a <see cref="LetterKind.Notice"/> letter: what the officer wrote (the documents needed); erased with the letter.</summary>
    public string? Detail { get; private set; }

    public DateTime? NextAttemptAtUtc { get; private set; }

    /// <summary>Why the last print failed (e.g. Chromium missing); shown on the case.</summary>
    public string? LastError { get; private set; }

    internal void Printed(string storedName, string sha256, long length, DateTime nowUtc)
    {
        Status = LetterStatus.Ready;
        StoredName = storedName;
        Sha256 = sha256;
        Length = length;
        PrintedAtUtc = nowUtc;
        Attempts++;
        LastError = null;
        NextAttemptAtUtc = null;
    }

    internal void Posted(DateTime nowUtc) => PostedAtUtc = nowUtc;

    /// <summary>Retried after 1, 2, 4... minutes, at most an hour apart, until it prints.</summary>
    internal void Failed(string error, DateTime nowUtc)
    {
        Attempts++;
        LastError = RetryBackoff.Clip(error, MaxErrorLength);
        NextAttemptAtUtc = RetryBackoff.NextAttempt(nowUtc, Attempts, capMinutes: 60);
    }
}
