using PrivacyPortal.Domain.Audit;
using PrivacyPortal.Domain.Common;
using PrivacyPortal.Domain.Notices;

namespace PrivacyPortal.Domain.Requests;

/// <summary>Correspondence: where notices and letters go, the outbox of emails, the letters printed and posted.</summary>
public sealed partial class PrivacyRequest
{
    private readonly List<Notice> _notices = [];
    private readonly List<RequestLetter> _letters = [];

    public IReadOnlyList<Notice> Notices => _notices.AsReadOnly();

    public IReadOnlyList<RequestLetter> Letters => _letters.AsReadOnly();

    /// <summary>The decision letter, once decided.</summary>
    public RequestLetter? DecisionLetter => _letters.LastOrDefault(l => l.Kind == LetterKind.Decision);

    /// <summary>Where notices go: the agent when one files, else the requester. Empty when neither gave an address.</summary>
    public string ContactEmail => Agent is not null ? Agent.Email : Requester.Email;

    /// <summary>No email address to write to (a request registered from a letter or a call): every notice goes by post.</summary>
    public bool NoticesByPost => string.IsNullOrEmpty(ContactEmail);

    /// <summary>Where posted letters go: the agent when one files, else the requester.</summary>
    public (string Name, string PostalCode, string Address) PostalAddressee => Agent is { } agent
        ? (agent.FullName, agent.PostalCode, agent.Address)
        : (Requester.FullName, Requester.PostalCode, Requester.Address);

    /// <summary>Where a letter goes: the person's address for a letter to the person, else <see cref="PostalAddressee"/>.</summary>
    public (string Name, string PostalCode, string Address) AddresseeOf(RequestLetter letter)
    {
        ArgumentNullException.ThrowIfNull(letter);
        return letter.ToPerson ? (Requester.FullName, Requester.PostalCode, Requester.Address) : PostalAddressee;
    }

    /// <summary>
    /// Whether the letter is posted: every letter of a request without an email address, and a letter to the person
    /// an agent filed for (the notice of the request when the person gave no email, an answer the profile sends to the person).
    /// </summary>
    public bool IsPosted(RequestLetter letter)
    {
        ArgumentNullException.ThrowIfNull(letter);
        return NoticesByPost || letter.ToPerson;
    }

    /// <summary>Letters printed for post and not yet recorded as posted; the answer letter once the answer is sent.</summary>
    public IEnumerable<RequestLetter> LettersToPost() => _letters.Where(l => PostRefusal(l) is null);

    /// <summary>The officer posted a printed letter to a requester who hears by post.</summary>
    public void MarkLetterPosted(string actor, Guid letterId, DateTime nowUtc)
    {
        var letter = _letters.SingleOrDefault(l => l.Id == letterId) ?? throw new DomainException("letter.unknown", "No such letter on this request.");
        Guard.ThrowIfRefused(PostRefusal(letter));
        letter.Posted(nowUtc);
        Touch();
        Record(nowUtc, actor, "letter-posted", Status, Status, AuditDetail.Of("letter-posted", letter.Subject is { } subject ? subject.ToString() : letter.Kind.ToString(), letter.Language, letter.Sha256));
    }

    /// <summary>
    /// The worker printed a letter: its hash goes on the audit trail, so the letter sent can be proven. Not a change of
    /// the case (the version stays), so an officer editing it meanwhile is not told someone else changed it.
    /// </summary>
    public void LetterPrinted(Guid letterId, string storedName, string sha256, long length, DateTime nowUtc)
    {
        var letter = _letters.SingleOrDefault(l => l.Id == letterId) ?? throw new DomainException("letter.unknown", "No such letter on this request.");
        letter.Printed(storedName, sha256, length, nowUtc);
        Record(nowUtc, "system", "letter-printed", Status, Status, AuditDetail.Of("letter-printed", letter.Kind, letter.Language, length, sha256));
    }

    /// <summary>Printing failed (Chromium missing or broken): said on the case, retried later. Not a change of the case.</summary>
    public void LetterFailed(Guid letterId, string error, DateTime nowUtc)
    {
        var letter = _letters.SingleOrDefault(l => l.Id == letterId) ?? throw new DomainException("letter.unknown", "No such letter on this request.");
        letter.Failed(error, nowUtc);
        if (letter.Attempts == 1)
        {
            Record(nowUtc, "system", "letter-failed", Status, Status, AuditDetail.Of("letter-failed", letter.LastError));
        }
    }

    /// <summary>The case page offers "posted" while some letter can be recorded as posted (<see cref="PostRefusal"/>).</summary>
    private DomainException? MarkPostedRefusal() =>
        LettersToPost().Any() ? null : new DomainException("post.none", "No printed letter is waiting to be posted.");

    /// <summary>
    /// A letter can be recorded as posted when it is posted at all, printed, not posted yet, and (the decision letter)
    /// the answer it carries has been sent; a decision letter an identity refusal replaced is never posted.
    /// </summary>
    private DomainException? PostRefusal(RequestLetter letter) =>
        !IsPosted(letter) ? new DomainException("post.not-for-post", "This letter is not sent by post.")
        : letter.PostedAtUtc is not null ? new DomainException("post.already", "This letter has already been recorded as posted.")
        : letter.Status != LetterStatus.Ready ? new DomainException("post.not-printed", "The letter has not been printed yet.")
        : letter.Kind == LetterKind.Decision && Status is not (RequestStatus.Answered or RequestStatus.Closed)
            ? new DomainException("post.answer-not-sent", "Send the answer before posting the decision letter.")
        : letter.Kind == LetterKind.Decision && letter != DecisionLetter ? new DomainException("post.superseded", "A later decision letter replaced this one.")
        : null;

    /// <summary>
    /// An email to the requester, carrying the link to their request unless it carries a link of its own. A requester
    /// who gave no email address hears by post instead: the kinds that have a letter of their own (acknowledgement, fee
    /// request, extension, answer) are posted as that letter; the others become a notice letter.
    /// </summary>
    private void Notify(NoticeKind kind, string? protectedLink, DateTime nowUtc, string? detail = null)
    {
        if (NoticesByPost)
        {
            if (kind is NoticeKind.DocumentsNeeded or NoticeKind.Withdrawn or NoticeKind.FeeExpired)
            {
                _letters.Add(new RequestLetter(Guid.NewGuid(), LetterKind.Notice, Language, nowUtc, subject: kind, detail: kind == NoticeKind.DocumentsNeeded ? detail : null));
            }

            return;
        }

        var link = protectedLink ?? (kind is NoticeKind.EmailConfirmation or NoticeKind.ConfirmationReminder or NoticeKind.DraftDiscarded ? null : StatusLinkProtected);
        _notices.Add(new Notice(Guid.NewGuid(), Id, kind, ContactEmail, Language, Reference, link, nowUtc, detail));
    }

    private void AddLetter(LetterKind kind, DateTime nowUtc) =>
        _letters.Add(new RequestLetter(Guid.NewGuid(), kind, Language, nowUtc, toPerson: kind == LetterKind.Decision && AnswerToPerson));
}
