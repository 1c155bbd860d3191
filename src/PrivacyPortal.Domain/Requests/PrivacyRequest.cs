using PrivacyPortal.Domain.Audit;
using PrivacyPortal.Domain.Calendars;
using PrivacyPortal.Domain.Cases;
using PrivacyPortal.Domain.Common;
using PrivacyPortal.Domain.Controllers;
using PrivacyPortal.Domain.Deadlines;
using PrivacyPortal.Domain.Fees;
using PrivacyPortal.Domain.Notices;
using PrivacyPortal.Domain.Retention;

namespace PrivacyPortal.Domain.Requests;

/// <summary>
/// A secret the requester receives as a link: only its hash is kept on the request; the link goes into one notice,
/// already encrypted by the caller (<see cref="ProtectedLink"/>), so no plain token is ever stored.
/// </summary>
public sealed record IssuedSecret(string Hash, string ProtectedLink);

/// <summary>What a requester filled in.</summary>
public sealed record NewRequest(
    string PolicyId,
    string Language,
    Requester Requester,
    Agent? Agent,
    IReadOnlyList<(string TypeId, IReadOnlyDictionary<string, string> Details)> Items,
    bool DocumentsByPost,
    string SubmissionKey);

/// <summary>
/// One privacy request: the aggregate every change goes through. Each verb checks the transition table, appends its
/// audit event and any notice, and is saved in one SaveChanges with them.
/// </summary>
public sealed class PrivacyRequest
{
    public const int MaxDocuments = 5;
    public const int MaxReferenceLength = 30;
    public const int MaxSubmissionKeyLength = 64;
    public static readonly TimeSpan ConfirmationLifetime = TimeSpan.FromHours(24);
    public static readonly TimeSpan StatusLinkLifetime = TimeSpan.FromDays(180);

    /// <summary>An unconfirmed draft gets one reminder with a new link after this long.</summary>
    public static readonly TimeSpan ReminderAfter = TimeSpan.FromHours(24);

    /// <summary>An unconfirmed draft is discarded, its personal data erased, after this long.</summary>
    public static readonly TimeSpan DraftLifetime = TimeSpan.FromDays(7);

    private readonly List<RequestItem> _items = [];
    private readonly List<RequestDocument> _documents = [];
    private readonly List<AuditEvent> _auditEvents = [];
    private readonly List<Notice> _notices = [];
    private readonly List<CaseNote> _notes = [];
    private readonly List<RequestLetter> _letters = [];
    private readonly List<DisclosedFile> _disclosedFiles = [];
    private List<ClockPause> _pauses = [];
    private List<string> _decisionGrounds = [];

    private PrivacyRequest()
    {
    }

    public Guid Id { get; private set; }

    public string PolicyId { get; private set; } = string.Empty;

    /// <summary>Denormalised from the policy: officers are assigned per controller and the queue filters by it.</summary>
    public string ControllerId { get; private set; } = string.Empty;

    /// <summary>The staff account working the case, if any.</summary>
    public string? AssignedTo { get; private set; }

    public DateTime? IdentityVerifiedAtUtc { get; private set; }

    public FeeState Fee { get; private set; } = new();

    /// <summary>GDPR Art. 12(3): extended by two further months, once.</summary>
    public bool Extended { get; private set; }

    public string? ExtensionReasons { get; private set; }

    public DecisionOutcome? Outcome { get; private set; }

    public string? DecisionReasons { get; private set; }

    public DateTime? DecidedAtUtc { get; private set; }

    /// <summary>When the request ended: answer sent, withdrawn, or deemed withdrawn. Retention counts from here.</summary>
    public DateTime? CompletedAtUtc { get; private set; }

    /// <summary>Kept past its retention while a dispute or an investigation needs it.</summary>
    public bool LegalHold { get; private set; }

    public string? LegalHoldReason { get; private set; }

    /// <summary>When the personal data was erased at the end of retention; the record of what happened stays.</summary>
    public DateTime? PurgedAtUtc { get; private set; }

    /// <summary>The profile version in force when the request was filed; later edits do not change it.</summary>
    public int ProfileVersion { get; private set; }

    public string Language { get; private set; } = "ja";

    public RequestChannel Channel { get; private set; } = RequestChannel.Web;

    public RequestStatus Status { get; private set; }

    /// <summary>Assigned when the email is confirmed, e.g. NTTSMC-2026-000123.</summary>
    public string? Reference { get; private set; }

    public Requester Requester { get; private set; } = new();

    public Agent? Agent { get; private set; }

    /// <summary>
    /// The hash of the person's own link, sent to the person an agent filed for, from which they can say they did not
    /// ask for the request. Null when no agent filed, when the person was told by post, and once the data is erased.
    /// </summary>
    public string? PersonTokenHash { get; private set; }

    /// <summary>When the person an agent filed for said they did not ask for the request.</summary>
    public DateTime? PersonObjectedAtUtc { get; private set; }

    /// <summary>
    /// The profile's rule in force when the request arrived (<see cref="AgentAnswerRule"/>): the answer is posted to the
    /// person, not sent to the agent who filed. Always false without an agent.
    /// </summary>
    public bool AnswerToPerson { get; private set; }

    public bool DocumentsByPost { get; private set; }

    /// <summary>Unique per form rendering: the same form posted twice makes one request.</summary>
    public string SubmissionKey { get; private set; } = string.Empty;

    public string? ConfirmationHash { get; private set; }

    public DateTime? ConfirmationExpiresAtUtc { get; private set; }

    public string StatusTokenHash { get; private set; } = string.Empty;

    public DateTime StatusTokenIssuedAtUtc { get; private set; }

    /// <summary>
    /// The current status link, encrypted by the caller (<see cref="IssuedSecret.ProtectedLink"/>), so that every later
    /// email can carry the same link; replaced when a new link is issued, erased with the personal data.
    /// </summary>
    public string? StatusLinkProtected { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public DateTime? ConfirmationRemindedAtUtc { get; private set; }

    public DateTime? ReceivedAtUtc { get; private set; }

    /// <summary>The day the request reached the business, in Japan: the clock starts here.</summary>
    public DateOnly? ReceivedOn { get; private set; }

    /// <summary>Denormalised from <see cref="DeadlineCalculator"/> for queue queries; refreshed by every verb that changes a fact.</summary>
    public DateOnly? DueOn { get; private set; }

    /// <summary>Optimistic concurrency: bumped by every verb.</summary>
    public int Version { get; private set; }

    public IReadOnlyList<RequestItem> Items => _items.AsReadOnly();

    public IReadOnlyList<RequestDocument> Documents => _documents.AsReadOnly();

    public IReadOnlyList<AuditEvent> AuditEvents => _auditEvents.AsReadOnly();

    public IReadOnlyList<Notice> Notices => _notices.AsReadOnly();

    public IReadOnlyList<CaseNote> Notes => _notes.AsReadOnly();

    public IReadOnlyList<RequestLetter> Letters => _letters.AsReadOnly();

    /// <summary>The disclosed data the answer delivers; the record stays after the files are deleted.</summary>
    public IReadOnlyList<DisclosedFile> DisclosedFiles => _disclosedFiles.AsReadOnly();

    /// <summary>The last day the requester can download the disclosed files, set when the answer is sent.</summary>
    public DateOnly? DeliveryEndsOn { get; private set; }

    /// <summary>When the disclosed files were deleted, their download period over.</summary>
    public DateTime? DisclosedFilesDeletedAtUtc { get; private set; }

    /// <summary>Whether the answer can carry data: disclosure, third-party records, GDPR access or portability.</summary>
    public bool CarriesData => _items.Any(i => i.TypeId is "disclosure" or "third-party-records" or "access" or "portability");

    /// <summary>The decision letter, once decided.</summary>
    public RequestLetter? DecisionLetter => _letters.LastOrDefault(l => l.Kind == LetterKind.Decision);

    /// <summary>Periods the clock stood still because the business was waiting for the requester.</summary>
    public IReadOnlyList<ClockPause> Pauses => _pauses.AsReadOnly();

    public IReadOnlyList<string> DecisionGrounds => _decisionGrounds.AsReadOnly();

    public bool IdentityVerified => IdentityVerifiedAtUtc is not null;

    /// <summary>Where notices go: the agent when one files, else the requester. Empty when neither gave an address.</summary>
    public string ContactEmail => Agent is not null ? Agent.Email : Requester.Email;

    /// <summary>No email address to write to (a request registered from a letter or a call): every notice goes by post.</summary>
    public bool NoticesByPost => string.IsNullOrEmpty(ContactEmail);

    /// <summary>Where posted letters go: the agent when one files, else the requester.</summary>
    public (string Name, string PostalCode, string Address) PostalAddressee => Agent is { } agent
        ? (agent.FullName, agent.PostalCode, agent.Address)
        : (Requester.FullName, Requester.PostalCode, Requester.Address);

    /// <summary>Where a letter goes: the person's address for a letter to the person, else <see cref="PostalAddressee"/>.</summary>
    public (string Name, string PostalCode, string Address) AddresseeOf(RequestLetter letter) => letter.ToPerson
        ? (Requester.FullName, Requester.PostalCode, Requester.Address)
        : PostalAddressee;

    /// <summary>
    /// Whether the letter is posted: every letter of a request without an email address, and a letter to the person
    /// an agent filed for (the notice of the request when the person gave no email, an answer the profile sends to the person).
    /// </summary>
    public bool IsPosted(RequestLetter letter) => NoticesByPost || letter.ToPerson;

    /// <summary>Letters printed for post and not yet recorded as posted; the answer letter once the answer is sent.</summary>
    public IEnumerable<RequestLetter> LettersToPost() =>
        _letters.Where(l => IsPosted(l) && l.PostedAtUtc is null && l.Status == LetterStatus.Ready && (l.Kind != LetterKind.Decision || (l == DecisionLetter && Status is RequestStatus.Answered or RequestStatus.Closed)));

    /// <summary>The person an agent filed for hears by email: they gave an address that is not the agent's.</summary>
    public bool PersonToldByEmail => Agent is { } agent && !string.IsNullOrEmpty(Requester.Email) && !string.Equals(Requester.Email, agent.Email, StringComparison.OrdinalIgnoreCase);

    public bool IsOpen => RequestTransitions.IsOpen(Status);

    public static PrivacyRequest File(NewRequest request, ProcedureProfile profile, int profileVersion, IssuedSecret confirmation, IssuedSecret statusLink, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(confirmation);
        ArgumentNullException.ThrowIfNull(statusLink);
        CheckNew(request, profile, JapanTime.DateOf(new DateTimeOffset(nowUtc, TimeSpan.Zero)));

        var created = new PrivacyRequest
        {
            Id = Guid.NewGuid(),
            PolicyId = request.PolicyId,
            ControllerId = profile.ControllerId,
            ProfileVersion = profileVersion,
            Language = request.Language == "en" ? "en" : "ja",
            Status = RequestStatus.Draft,
            Requester = request.Requester,
            Agent = request.Agent,
            DocumentsByPost = request.DocumentsByPost,
            AnswerToPerson = request.Agent is not null && profile.Identity.AnswerTo.SendTo == AnswerRecipient.Person,
            SubmissionKey = request.SubmissionKey,
            ConfirmationHash = confirmation.Hash,
            ConfirmationExpiresAtUtc = nowUtc + ConfirmationLifetime,
            StatusTokenHash = statusLink.Hash,
            StatusTokenIssuedAtUtc = nowUtc,
            CreatedAtUtc = nowUtc,
        };
        created._items.AddRange(request.Items.Select(i => new RequestItem(i.TypeId, i.Details)));
        created.Record(nowUtc, "requester", "filed", null, RequestStatus.Draft, string.Join(",", request.Items.Select(i => i.TypeId)));
        created.Notify(NoticeKind.EmailConfirmation, confirmation.ProtectedLink, nowUtc);
        return created;
    }

    /// <summary>
    /// An officer records a request that reached the business by post, email, phone or in person (APPI Art. 37(1): the
    /// business sets how requests are received, and one that reached it is received). It is received on the day it
    /// arrived (到達日), which starts the clock; the reference is assigned at once. A requester with an email address
    /// gets the acknowledgement with a link to the request; one without hears by post.
    /// </summary>
    public static PrivacyRequest Register(
        NewRequest request, RequestChannel channel, DateOnly arrivedOn, string actor, ProcedureProfile profile, int profileVersion,
        string reference, DeadlineRules rules, IssuedSecret? statusLink, DateTime nowUtc, IssuedSecret? personLink = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(rules);
        if (channel == RequestChannel.Web)
        {
            throw new DomainException("register.web", "A request made on the online form is filed by the requester, not registered.");
        }

        var today = JapanTime.DateOf(new DateTimeOffset(nowUtc, TimeSpan.Zero));
        if (arrivedOn > today)
        {
            throw new DomainException("register.arrival-future", "The day the request arrived cannot be in the future.");
        }

        if (profile.Policy.Dated is { } dated && arrivedOn < dated)
        {
            throw new DomainException("register.arrival-before-policy", $"The request cannot have arrived before the policy it was made under ({dated:yyyy-MM-dd}).");
        }

        CheckNew(request, profile, today);

        var created = new PrivacyRequest
        {
            Id = Guid.NewGuid(),
            PolicyId = request.PolicyId,
            ControllerId = profile.ControllerId,
            ProfileVersion = profileVersion,
            Language = request.Language == "en" ? "en" : "ja",
            Channel = channel,
            Status = RequestStatus.Received,
            Requester = request.Requester,
            Agent = request.Agent,
            DocumentsByPost = request.DocumentsByPost,
            AnswerToPerson = request.Agent is not null && profile.Identity.AnswerTo.SendTo == AnswerRecipient.Person,
            SubmissionKey = request.SubmissionKey,
            // Without an email there is no link; the hash of a fresh random value keeps the column unique and unusable.
            StatusTokenHash = statusLink?.Hash ?? Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Guid.NewGuid().ToByteArray())),
            StatusLinkProtected = statusLink?.ProtectedLink,
            StatusTokenIssuedAtUtc = nowUtc,
            CreatedAtUtc = nowUtc,
            // LEGAL.md, receipt: received when it reached the business, the day the officer records as its arrival.
            ReceivedAtUtc = nowUtc,
            ReceivedOn = arrivedOn,
            Reference = reference,
        };
        if (created.NoticesByPost != statusLink is null)
        {
            throw new ArgumentException("A status link goes with an email address, and only with one.", nameof(statusLink));
        }

        created._items.AddRange(request.Items.Select(i => new RequestItem(i.TypeId, i.Details)));
        created.RefreshDueOn(rules);
        created.Record(nowUtc, actor, "registered", null, RequestStatus.Received, $"{channel}, arrived {arrivedOn:yyyy-MM-dd}, {string.Join(",", request.Items.Select(i => i.TypeId))}");
        created.Notify(NoticeKind.Acknowledgement, null, nowUtc);
        created.AddLetter(LetterKind.Acknowledgement, nowUtc);
        created.TellPerson(personLink, nowUtc);
        return created;
    }

    /// <summary>The officer posted a printed letter to a requester who hears by post.</summary>
    public void MarkLetterPosted(string actor, Guid letterId, DateTime nowUtc)
    {
        var letter = _letters.SingleOrDefault(l => l.Id == letterId) ?? throw new DomainException("letter.unknown", "No such letter on this request.");
        if (!IsPosted(letter))
        {
            throw new DomainException("post.not-for-post", "This letter is not sent by post.");
        }

        if (letter.PostedAtUtc is not null)
        {
            throw new DomainException("post.already", "This letter has already been recorded as posted.");
        }

        if (letter.Status != LetterStatus.Ready)
        {
            throw new DomainException("post.not-printed", "The letter has not been printed yet.");
        }

        if (letter.Kind == LetterKind.Decision && Status is not (RequestStatus.Answered or RequestStatus.Closed))
        {
            throw new DomainException("post.answer-not-sent", "Send the answer before posting the decision letter.");
        }

        letter.Posted(nowUtc);
        Touch();
        Record(nowUtc, actor, "letter-posted", Status, Status, $"{(letter.Subject is { } subject ? $"{letter.Kind}:{subject}" : letter.Kind.ToString())} ({letter.Language}), sha256 {letter.Sha256}");
    }

    /// <summary>
    /// The requester proved the address through the single-use link: the request is received, the clock starts,
    /// the reference is assigned and a fresh status link goes out with the acknowledgement.
    /// </summary>
    public void ConfirmEmail(string confirmationHash, string reference, DeadlineRules rules, IssuedSecret statusLink, DateTime nowUtc, IssuedSecret? personLink = null)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(statusLink);
        if (Status != RequestStatus.Draft || ConfirmationHash is null)
        {
            throw new DomainException("confirm.already", "This request has already been confirmed.");
        }

        if (!string.Equals(ConfirmationHash, confirmationHash, StringComparison.Ordinal))
        {
            throw new DomainException("confirm.invalid", "This confirmation link is not valid.");
        }

        if (nowUtc > ConfirmationExpiresAtUtc)
        {
            throw new DomainException("confirm.expired", "This confirmation link has expired.");
        }

        var from = Status;
        Move(RequestStatus.Received);
        ConfirmationHash = null;
        // LEGAL.md, receipt: the request was received when it reached the business (到達), i.e. when it was submitted;
        // confirming the address comes after receipt and does not move it.
        ReceivedAtUtc = CreatedAtUtc;
        ReceivedOn = JapanTime.DateOf(new DateTimeOffset(CreatedAtUtc, TimeSpan.Zero));
        Reference = reference;
        RefreshDueOn(rules);
        RotateStatusLink(statusLink, nowUtc);
        Record(nowUtc, "requester", "email-confirmed", from, Status, reference);
        Notify(NoticeKind.Acknowledgement, statusLink.ProtectedLink, nowUtc);
        AddLetter(LetterKind.Acknowledgement, nowUtc);
        TellPerson(personLink, nowUtc);
    }

    /// <summary>
    /// An agent's request is received: the person it is made for is told, at the contact the agent gave for them, so
    /// that someone acting without authority (APPI Art. 37(3) admits only a legal representative or an appointed
    /// agent) is found out before the answer goes out. By email with the person's own link when they gave an address
    /// of their own; by a letter to their address when they gave none. A representative who shares the person's
    /// address (a parent writing for a child) is not written to twice.
    /// </summary>
    private void TellPerson(IssuedSecret? personLink, DateTime nowUtc)
    {
        if (Agent is null)
        {
            return;
        }

        if (PersonToldByEmail)
        {
            if (personLink is null)
            {
                throw new ArgumentException("The person an agent filed for is told by email, with a link of their own.", nameof(personLink));
            }

            PersonTokenHash = personLink.Hash;
            _notices.Add(new Notice(Guid.NewGuid(), Id, NoticeKind.AgentFiled, Requester.Email, Language, Reference, personLink.ProtectedLink, nowUtc));
            Record(nowUtc, "system", "person-told", Status, Status, "by email");
        }
        else if (string.IsNullOrEmpty(Requester.Email))
        {
            _letters.Add(new RequestLetter(Guid.NewGuid(), LetterKind.Notice, Language, nowUtc, subject: NoticeKind.AgentFiled, toPerson: true));
            Record(nowUtc, "system", "person-told", Status, Status, "by post");
        }
        else
        {
            Record(nowUtc, "system", "person-not-told", Status, Status, "the person's email address is the representative's");
        }
    }

    /// <summary>
    /// The person an agent filed for says they did not ask for it: from their own link, or through the desk (the
    /// officer records how). The agent's authority is then in doubt, so the answer cannot go to the agent until the
    /// request is refused for want of it (APPI Art. 37(1)); see <see cref="SendAnswer"/>.
    /// </summary>
    public void RecordPersonObjection(string actor, string how, DateTime nowUtc)
    {
        var text = Required(how, "reason.required", "Say how the person told the company.");
        if (Agent is null)
        {
            throw new DomainException("person.no-agent", "This request was made by the person themselves.");
        }

        if (PurgedAtUtc is not null)
        {
            throw new DomainException("person.erased", "This request's personal data has been erased.");
        }

        if (PersonObjectedAtUtc is not null)
        {
            throw new DomainException("person.already", "It is already recorded that the person did not ask for this request.");
        }

        PersonObjectedAtUtc = nowUtc;
        Touch();
        Record(nowUtc, actor, "person-objected", Status, Status, text);
    }

    public bool ConfirmationExpired(DateTime nowUtc) => ConfirmationExpiresAtUtc is { } expires && nowUtc > expires;

    /// <summary>
    /// The status link works while the request is open and for <see cref="StatusLinkLifetime"/> after it ended (or after
    /// it was issued, if later), until a new one is asked for or the personal data is erased; every email says so.
    /// </summary>
    public bool StatusLinkExpired(DateTime nowUtc) => PurgedAtUtc is not null || (StatusLinkExpiresAtUtc is { } expires && nowUtc > expires);

    /// <summary>Null while the request is open: the link lives as long as the request does.</summary>
    public DateTime? StatusLinkExpiresAtUtc => Status == RequestStatus.Draft
        ? StatusTokenIssuedAtUtc + DraftLifetime
        : CompletedAtUtc is { } completed ? (completed > StatusTokenIssuedAtUtc ? completed : StatusTokenIssuedAtUtc) + StatusLinkLifetime : null;

    /// <summary>A document the requester uploaded, or (<paramref name="actor"/> an officer) a scan of one that came by post.</summary>
    public void AddDocument(RequestDocument document, DeadlineRules rules, DateTime nowUtc, string actor = "requester")
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(rules);
        if (!IsOpen)
        {
            throw new DomainException("document.closed", "Documents can no longer be added to this request.");
        }

        if (_documents.Count >= MaxDocuments)
        {
            throw new DomainException("document.too-many", $"A request can have at most {MaxDocuments} documents.", MaxDocuments);
        }

        if (document.Party == DocumentParty.Agent && Agent is null)
        {
            throw new DomainException("document.no-agent", "This request has no agent.");
        }

        _documents.Add(document);
        Touch();
        var from = Status;
        if (Status == RequestStatus.AwaitingIdentity)
        {
            // The answer to "more needed" has arrived: the clock runs again from today and the officer looks again.
            EndPause(PauseReason.AwaitingIdentityDocuments, Today(nowUtc));
            Move(RequestStatus.InReview);
            RefreshDueOn(rules);
        }

        Record(nowUtc, actor, actor == "requester" ? "document-added" : "document-scanned", from, Status, $"{document.ContentType}, {document.Length} bytes, sha256 {document.Sha256}");
    }

    public void Withdraw(string actor, DateTime nowUtc, string? reason = null)
    {
        var from = Status;
        Move(RequestStatus.Withdrawn);
        CompletedAtUtc = nowUtc;
        EndOngoingPauses(Today(nowUtc));
        Touch();
        Record(nowUtc, actor, "withdrawn", from, Status, null, reason);
        Notify(NoticeKind.Withdrawn, null, nowUtc);
    }

    /// <summary>Every applicable box of the identity checklist is ticked: the person is verified and the case goes to review.</summary>
    public void VerifyIdentity(string actor, IdentityCheck check, ProcedureProfile profile, DeadlineRules rules, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(check);
        ArgumentNullException.ThrowIfNull(rules);
        if (IdentityVerified)
        {
            throw new DomainException("identity.already", "Identity has already been verified on this request.");
        }

        if (Status is not (RequestStatus.Received or RequestStatus.AwaitingIdentity or RequestStatus.InReview or RequestStatus.AwaitingFee))
        {
            throw RequestTransitions.Refusal(Status, RequestStatus.InReview);
        }

        var summary = check.Confirm(profile, Agent is not null);
        var from = Status;
        EndPause(PauseReason.AwaitingIdentityDocuments, Today(nowUtc));
        // Verified while the fee is awaited, the case stays there; already in review, it stays in review.
        if (Status is RequestStatus.Received or RequestStatus.AwaitingIdentity)
        {
            Move(RequestStatus.InReview);
        }

        IdentityVerifiedAtUtc = nowUtc;
        Changed(rules, nowUtc, actor, "identity-verified", from, summary);
    }

    /// <summary>
    /// The documents do not prove identity yet: the requester is told what is missing and the clock stops from today
    /// (APPI: the period a business waits for the requester is not its delay; GDPR: EDPB 01/2022, only within 3 days).
    /// </summary>
    public void RequestMoreIdentity(string actor, string reason, DeadlineRules rules, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var text = Required(reason, "reason.required", "Say what is missing, so the requester knows what to send.");
        if (IdentityVerified)
        {
            throw new DomainException("identity.already", "Identity has already been verified on this request.");
        }

        if (Status is not (RequestStatus.Received or RequestStatus.InReview))
        {
            throw RequestTransitions.Refusal(Status, RequestStatus.AwaitingIdentity);
        }

        var from = Status;
        Move(RequestStatus.AwaitingIdentity);
        _pauses = [.. _pauses, new ClockPause(Today(nowUtc), null, PauseReason.AwaitingIdentityDocuments)];
        Changed(rules, nowUtc, actor, "identity-more-needed", from, null, text);
        Notify(NoticeKind.DocumentsNeeded, null, nowUtc, text);
    }

    /// <summary>
    /// Asks for the fee the policy publishes (APPI Art. 38); the clock stops until it is paid or waived. Where the
    /// policy leaves the payment period to the company ("within the period we designate"), the officer sets it.
    /// </summary>
    public void RequestFee(string actor, FeeQuote quote, DeadlineRules rules, DateTime nowUtc, DateOnly? designatedPayBy = null)
    {
        ArgumentNullException.ThrowIfNull(quote);
        ArgumentNullException.ThrowIfNull(rules);
        if (quote.Outcome != FeeOutcome.Charged || quote.Total is not { } total)
        {
            throw new DomainException("fee.none", "This company publishes no fee amount for this request, so none can be asked for.");
        }

        FeeCanBeAskedOrThrow();

        var today = Today(nowUtc);
        var published = quote.PaymentDueOn(today);
        if (published is not null && designatedPayBy is not null && designatedPayBy != published)
        {
            throw new DomainException("fee.window-published", $"The policy sets the payment window: pay by {published:yyyy-MM-dd}.");
        }

        if (designatedPayBy is { } designated && designated <= today)
        {
            throw new DomainException("fee.pay-by", "The last day to pay must be after today.");
        }

        if (published is null && designatedPayBy is null)
        {
            // A fee request a person can act on names its last day: the policy's window, or the day the company sets.
            throw new DomainException("fee.pay-by-required", "The policy leaves the payment period to the company: enter the last day to pay.");
        }

        var state = new FeeState { Status = FeeStatus.Requested, AmountMinor = total.Minor, Currency = total.Currency, RequestedOn = today, PayBy = published ?? designatedPayBy };
        AskForFee(actor, "fee-requested", state, $"{total.Minor} {total.Currency} {state.PayBy?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "-"}", null, rules, nowUtc);
    }

    /// <summary>
    /// A fee the officer sets for this request, with the reasons the requester is told: where the policy says a fee
    /// may be charged but publishes no amount (APPI Art. 38, a reasonable amount within actual cost), or where the
    /// profile charges the fees the GDPR allows (Art. 12(5)(a) manifestly unfounded or excessive; Art. 15(3) further
    /// copies). The officer always sets the last day to pay.
    /// </summary>
    public void SetFee(string actor, string basis, Money amount, string reasons, DateOnly payBy, ProcedureProfile profile, DeadlineRules rules, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(rules);
        var text = Required(reasons, "fee.reasons", "Give the reasons for the fee and its amount; the requester is told them.");
        if (!SetFeeBases(profile).Contains(basis))
        {
            throw new DomainException("fee.basis", "No fee can be set on this request on that basis.");
        }

        if (amount.Minor <= 0)
        {
            throw new DomainException("fee.amount", "Enter an amount above zero.");
        }

        FeeCanBeAskedOrThrow();

        var today = Today(nowUtc);
        if (payBy <= today)
        {
            throw new DomainException("fee.pay-by", "The last day to pay must be after today.");
        }

        var state = new FeeState
        {
            Status = FeeStatus.Requested, AmountMinor = amount.Minor, Currency = amount.Currency, RequestedOn = today, PayBy = payBy,
            Basis = basis, Reasons = text,
        };
        AskForFee(actor, "fee-set", state, $"{amount.Minor} {amount.Currency} {payBy.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)} ({FeeBases.Article(basis)})", text, rules, nowUtc);
    }

    /// <summary>
    /// The officer's actions this request allows today, as its verbs' own preconditions read: the case page offers
    /// exactly these. A verb may still refuse on the input (a missing reason, a ground of another type).
    /// </summary>
    public IReadOnlySet<CaseAction> AvailableActions(ProcedureProfile profile, DeadlineRules rules, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(rules);
        var today = Today(nowUtc);
        var actions = new HashSet<CaseAction>();
        void When(bool condition, CaseAction action)
        {
            if (condition)
            {
                actions.Add(action);
            }
        }

        var unverified = !IdentityVerified;
        var feeOpen = Fee.Status == FeeStatus.NotRequested && Status is RequestStatus.Received or RequestStatus.InReview;
        var quote = FeeQuote.For(profile, _items.Select(i => i.TypeId));
        When(unverified && Status is RequestStatus.Received or RequestStatus.AwaitingIdentity or RequestStatus.InReview or RequestStatus.AwaitingFee, CaseAction.Verify);
        var objected = PersonObjectedAtUtc is not null;
        When((unverified || objected) && Status is RequestStatus.Received or RequestStatus.AwaitingIdentity or RequestStatus.InReview, CaseAction.RefuseIdentity);
        When(objected && Status == RequestStatus.Decided && !RefusedForIdentity && _disclosedFiles.Count == 0, CaseAction.RefuseIdentity);
        When(unverified && Status is RequestStatus.Received or RequestStatus.InReview, CaseAction.AskForMore);
        When(feeOpen && quote.Outcome == FeeOutcome.Charged, CaseAction.RequestFee);
        When(feeOpen && SetFeeBases(profile).Count > 0, CaseAction.SetFee);
        var awaitingFee = Status == RequestStatus.AwaitingFee && Fee.Status == FeeStatus.Requested;
        When(awaitingFee, CaseAction.RecordPayment);
        When(awaitingFee, CaseAction.WaiveFee);
        When(FeeExpires(profile, today), CaseAction.ExpireFee);
        When(CarriesData && !AnswerToPerson && Status == RequestStatus.InReview, CaseAction.AttachData);
        When(Status == RequestStatus.InReview && !unverified && Fee.IsSettled && _items.Any(i => i.Decision is null), CaseAction.Decide);
        When(Status == RequestStatus.Decided && DecisionLetter is { Status: LetterStatus.Ready } && !(objected && !AnswerToPerson && !RefusedForIdentity), CaseAction.SendAnswer);
        When(Agent is not null && !objected && PurgedAtUtc is null, CaseAction.RecordPersonObjection);
        When(Status == RequestStatus.Answered, CaseAction.Close);
        When(IsOpen && Status != RequestStatus.Draft && !Extended && _items.Any(i => i.Type?.Regime == Regime.Gdpr)
            && today <= DeadlineCalculator.Compute(rules, Regime.Gdpr, ReceivedOn!.Value, _pauses, extended: false, today).Get(DeadlineKind.ExtensionNoticeBy).Date, CaseAction.Extend);
        When(IsOpen, CaseAction.Withdraw);
        When(!LegalHold && PurgedAtUtc is null, CaseAction.Hold);
        When(LegalHold, CaseAction.ReleaseHold);
        When(Status is not (RequestStatus.Draft or RequestStatus.Discarded), CaseAction.Note);
        When(Status is not (RequestStatus.Draft or RequestStatus.Discarded), CaseAction.Assign);
        When(IsOpen && _documents.Count < MaxDocuments, CaseAction.ScanDocument);
        When(LettersToPost().Any(), CaseAction.MarkPosted);
        return actions;
    }

    /// <summary>Whether the profile ends this request when its fee is not paid in the window ("deemed not made").</summary>
    public bool UnpaidMeansDeemedNotMade(ProcedureProfile profile) =>
        FeeQuote.For(profile, _items.Select(i => i.TypeId)).UnpaidMeansDeemedNotMade;

    /// <summary>The fee is awaited, its window has passed, and the profile deems the request not made: <see cref="ExpireFee"/> applies.</summary>
    public bool FeeExpires(ProcedureProfile profile, DateOnly today) =>
        Status == RequestStatus.AwaitingFee && Fee.Status == FeeStatus.Requested && Fee.PayBy is { } payBy && today > payBy && UnpaidMeansDeemedNotMade(profile);

    /// <summary>The bases on which an officer may set a fee on this request under its profile.</summary>
    public IReadOnlyList<string> SetFeeBases(ProcedureProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var bases = new List<string>();
        var appiTypes = _items.Select(i => i.Type).OfType<RequestType>().Where(t => t.Regime == Regime.Appi && t.FeeAllowedByLaw).Select(t => t.Id).ToList();
        if (appiTypes.Count > 0 && FeeQuote.For(profile, appiTypes).Outcome == FeeOutcome.AmountNotPublished)
        {
            bases.Add(FeeBases.AppiUnpublished);
        }

        if (profile.GdprFees.ManifestlyUnfoundedOrExcessive && _items.Any(i => i.Type?.Regime == Regime.Gdpr))
        {
            bases.Add(FeeBases.GdprExcessive);
        }

        if (profile.GdprFees.FurtherCopies && _items.Any(i => i.TypeId == RequestType.Access.Id))
        {
            bases.Add(FeeBases.GdprFurtherCopies);
        }

        return bases;
    }

    public void RecordPayment(string actor, string method, DateOnly paidOn, string receiptNumber, DeadlineRules rules, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var methodText = Required(method, "fee.method", "Say how the fee was paid.");
        var receipt = Required(receiptNumber, "fee.receipt", "Enter the receipt number.");
        AwaitingFeeOrThrow();
        if (paidOn > Today(nowUtc) || paidOn < Fee.RequestedOn)
        {
            throw new DomainException("fee.paid-on", "The payment date must be between the day the fee was asked for and today.");
        }

        var from = Status;
        Move(RequestStatus.InReview);
        Fee = Fee with { Status = FeeStatus.Paid, PaidOn = paidOn, PaymentMethod = methodText, ReceiptNumber = receipt };
        EndPause(PauseReason.AwaitingFee, paidOn);
        Changed(rules, nowUtc, actor, "fee-paid", from, $"paid on {paidOn:yyyy-MM-dd}", $"{methodText}, receipt {receipt}");
    }

    public void WaiveFee(string actor, string reason, DeadlineRules rules, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var text = Required(reason, "reason.required", "Give the reason for waiving the fee.");
        AwaitingFeeOrThrow();
        var from = Status;
        Move(RequestStatus.InReview);
        Fee = Fee with { Status = FeeStatus.Waived, WaiverReason = text };
        EndPause(PauseReason.AwaitingFee, Today(nowUtc));
        Changed(rules, nowUtc, actor, "fee-waived", from, null, text);
    }

    /// <summary>
    /// The payment window has passed. Only where the policy of this request's profile version says an unpaid request
    /// is deemed not made (APPI Art. 38 leaves the consequence to the business's published procedure) does the request
    /// end here; otherwise the officer must decide or the requester withdraw.
    /// </summary>
    public void ExpireFee(string actor, ProcedureProfile profile, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(profile);
        AwaitingFeeOrThrow();
        var today = Today(nowUtc);
        if (Fee.PayBy is not { } payBy || today <= payBy)
        {
            throw new DomainException("fee.window-open", "The payment window has not passed yet.");
        }

        if (!UnpaidMeansDeemedNotMade(profile))
        {
            throw new DomainException("fee.not-deemed", "This company's policy does not say an unpaid request is deemed not made.");
        }

        var from = Status;
        Move(RequestStatus.DeemedWithdrawn);
        CompletedAtUtc = nowUtc;
        Fee = Fee with { Status = FeeStatus.Expired };
        EndOngoingPauses(today);
        Touch();
        Record(nowUtc, actor, "fee-expired", from, Status, $"unpaid after {payBy:yyyy-MM-dd}");
        Notify(NoticeKind.FeeExpired, null, nowUtc);
    }

    /// <summary>
    /// The answer to one request type within the request. Anything short of doing what was asked carries grounds of
    /// that type's article and reasons in words: the notice is a duty (APPI Art. 32(3), 33(3), 34(3), 35(7); GDPR
    /// Art. 12(4)), the reasons a best-efforts duty (APPI Art. 36) the portal makes mandatory. The request is decided
    /// when its last item is, and the decision letter states each item.
    /// </summary>
    public void Decide(string actor, string typeId, ItemAnswer answer, ProcedureProfile profile, DeadlineRules rules, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentNullException.ThrowIfNull(answer.Grounds);
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(rules);
        if (Status != RequestStatus.InReview)
        {
            throw RequestTransitions.Refusal(Status, RequestStatus.Decided);
        }

        if (!IdentityVerified)
        {
            throw new DomainException("decide.identity", "Verify the requester's identity before deciding.");
        }

        if (!Fee.IsSettled)
        {
            throw new DomainException("decide.fee", "The fee must be paid or waived before deciding.");
        }

        var item = _items.FirstOrDefault(i => i.TypeId == typeId) ?? throw new DomainException("decide.item", "This request has no such item to decide.");
        if (item.Decision is not null)
        {
            throw new DomainException("decide.item-decided", "This item has already been decided.");
        }

        var type = item.Type ?? throw new DomainException("decide.item", "This request has no such item to decide.");
        var allowed = DecisionGround.For(profile, item);
        var grounds = answer.Grounds.Distinct(StringComparer.Ordinal).ToList();
        var limited = answer.Outcome is DecisionOutcome.PartiallyFulfilled or DecisionOutcome.Refused;
        if (limited && allowed.Count == 0)
        {
            // GDPR Art. 7(3): consent can be withdrawn at any time; no article lets the controller refuse it.
            throw new DomainException("decide.no-ground-for-type", "The law gives no ground for refusing this request, in whole or in part.");
        }

        if (limited && grounds.Count == 0)
        {
            throw new DomainException("decide.grounds", "Choose at least one ground for not acting in full.");
        }

        if (!limited && grounds.Count > 0)
        {
            throw new DomainException("decide.no-grounds", "Grounds are only given when the request is refused or partly fulfilled.");
        }

        var unknown = grounds.FirstOrDefault(code => allowed.All(g => g.Code != code));
        if (unknown is not null)
        {
            throw new DomainException("decide.unknown-ground", $"'{unknown}' is not a ground that applies to this request.");
        }

        if (answer.Outcome == DecisionOutcome.NotHeld && !type.CanBeNotHeld)
        {
            throw new DomainException("decide.not-held-type", "\"We hold no such data\" answers only a request to be told or given data.");
        }

        var reasons = Optional(answer.Reasons);
        if ((limited || answer.Outcome == DecisionOutcome.NotHeld) && reasons is null)
        {
            throw new DomainException("decide.reasons", "Explain the decision in words; the requester is told these reasons.");
        }

        // APPI Art. 34(3): the notice of a correction states its content.
        var changes = type.CorrectsData && answer.Outcome is DecisionOutcome.Fulfilled or DecisionOutcome.PartiallyFulfilled ? Optional(answer.Changes) : null;
        if (type.CorrectsData && answer.Outcome is DecisionOutcome.Fulfilled or DecisionOutcome.PartiallyFulfilled && changes is null)
        {
            throw new DomainException("decide.changes", "Say what was corrected, added or deleted; the requester is told it.");
        }

        // GDPR Art. 20(1): the data is received in a structured, commonly used and machine-readable format.
        if (type.Id == RequestType.Portability.Id && answer.Outcome is DecisionOutcome.Fulfilled or DecisionOutcome.PartiallyFulfilled && !_disclosedFiles.Any(f => f.IsMachineReadable))
        {
            throw new DomainException("decide.portability-format", "Attach the data in a machine-readable format (CSV or JSON) before answering a portability request.");
        }

        var (method, methodReasons) = DisclosureMethod(item, answer);
        if (type.Regime == Regime.Gdpr && limited)
        {
            // GDPR Art. 12(4): a decision not to act is told within one month of receipt, not after an extension.
            var firstMonth = DeadlineCalculator.Compute(rules, Regime.Gdpr, ReceivedOn!.Value, _pauses, extended: false, Today(nowUtc)).Get(DeadlineKind.ExtensionNoticeBy).Date;
            if (Today(nowUtc) > firstMonth)
            {
                throw new DomainException("decide.gdpr-late", $"A refusal had to be notified by {firstMonth:yyyy-MM-dd}, within one month of receipt (GDPR Art. 12(4)).");
            }
        }

        item.Decide(new ItemDecision(answer.Outcome, grounds, reasons, changes, method, methodReasons, nowUtc));
        var detail = grounds.Count == 0 ? $"{type.Id}: {answer.Outcome}" : $"{type.Id}: {answer.Outcome}: {string.Join(", ", grounds)}";
        if (method is not null)
        {
            detail += $" (by {method} instead of {item.Details.GetValueOrDefault("method")})";
        }

        if (_items.Any(i => i.Decision is null))
        {
            Touch();
            Record(nowUtc, actor, "item-decided", Status, Status, detail);
            return;
        }

        Record(nowUtc, actor, "item-decided", Status, Status, detail);
        var from = Status;
        Move(RequestStatus.Decided);
        var outcomes = _items.Select(i => i.Decision!.Outcome).Distinct().ToList();
        Outcome = outcomes.Count == 1 ? outcomes[0] : DecisionOutcome.PartiallyFulfilled;
        _decisionGrounds = [.. _items.SelectMany(i => i.Decision!.Grounds).Distinct(StringComparer.Ordinal)];
        DecisionReasons = null;
        DecidedAtUtc = nowUtc;
        Changed(rules, nowUtc, actor, "decided", from, _decisionGrounds.Count == 0 ? Outcome.ToString() : $"{Outcome}: {string.Join(", ", _decisionGrounds)}");

        // The answer goes out as a letter: printed by the worker, previewed by the officer, then sent (SendAnswer).
        AddLetter(LetterKind.Decision, nowUtc);
    }

    /// <summary>
    /// APPI Art. 33(2): disclosure is by the method the requester designated, or on paper where that method is very
    /// costly or difficult; then the person is told, with the reasons (Art. 33(3), 36).
    /// </summary>
    private static (string? Method, string? Reasons) DisclosureMethod(RequestItem item, ItemAnswer answer)
    {
        var requested = item.Details.GetValueOrDefault("method");
        if (string.IsNullOrEmpty(answer.Method) || answer.Method == requested)
        {
            return (null, null);
        }

        if (item.TypeId != RequestType.Disclosure.Id || answer.Method != "paper" || answer.Outcome is not (DecisionOutcome.Fulfilled or DecisionOutcome.PartiallyFulfilled))
        {
            throw new DomainException("decide.method", "Only a disclosure can be made on paper instead of the method the requester designated.");
        }

        var reasons = Optional(answer.MethodReasons)
            ?? throw new DomainException("decide.method-reasons", "Say why the designated method is very costly or difficult; the requester is told it.");
        return ("paper", reasons);
    }

    /// <summary>
    /// The decision on one item. A request decided before each item was decided on its own carries the request's
    /// outcome, grounds and reasons on every item, as its letter said.
    /// </summary>
    public ItemDecision? DecisionOf(RequestItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.Decision
            ?? (Outcome is { } outcome && DecidedAtUtc is { } at && _items.All(i => i.Decision is null)
                ? new ItemDecision(outcome, _decisionGrounds, DecisionReasons, null, null, null, at)
                : null);
    }

    /// <summary>The items not decided yet, in the order they were filed.</summary>
    public IReadOnlyList<RequestItem> UndecidedItems() => _items.Where(i => i.Decision is null).ToList();

    /// <summary>
    /// The person's identity, or the agent's authority, could not be confirmed (APPI Art. 37(1); GDPR Art. 12(2),
    /// (6)): the request is refused on that ground with reasons in words, any pause ends today (so a GDPR identity
    /// pause no longer moves the due date), and the decision letter goes out like any other.
    /// </summary>
    public void RefuseUnconfirmedIdentity(string actor, string reasons, DeadlineRules rules, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var text = Required(reasons, "reason.required", "Say why identity could not be confirmed; the requester is told these reasons.");
        // The person saying they did not ask puts the agent's authority back in doubt, even after it was checked and
        // even after a decision on the merits that has not been sent.
        var objected = PersonObjectedAtUtc is not null;
        if (IdentityVerified && !objected)
        {
            throw new DomainException("identity.verified-decide", "Identity has been verified on this request: decide it on its merits instead.");
        }

        if (Status is not (RequestStatus.Received or RequestStatus.AwaitingIdentity or RequestStatus.InReview) && !(objected && Status == RequestStatus.Decided))
        {
            throw RequestTransitions.Refusal(Status, RequestStatus.Decided);
        }

        if (_disclosedFiles.Count > 0)
        {
            throw new DomainException("identity.refuse-files", "Remove the disclosed files before refusing the request.");
        }

        var from = Status;
        if (Status != RequestStatus.Decided)
        {
            Move(RequestStatus.Decided);
        }

        EndOngoingPauses(Today(nowUtc));
        Outcome = DecisionOutcome.Refused;
        _decisionGrounds = [.. DecisionGround.IdentityNotConfirmedFor(_items.Select(i => i.TypeId)).Select(g => g.Code)];
        foreach (var item in _items)
        {
            var ground = DecisionGround.IdentityNotConfirmedFor([item.TypeId]).Select(g => g.Code).ToList();
            item.Decide(new ItemDecision(DecisionOutcome.Refused, ground, text, null, null, null, nowUtc));
        }

        DecisionReasons = text;
        DecidedAtUtc = nowUtc;
        Changed(rules, nowUtc, actor, "refused-identity-not-confirmed", from, $"{DecisionOutcome.Refused}: {string.Join(", ", _decisionGrounds)}");
        AddLetter(LetterKind.Decision, nowUtc);
    }

    /// <summary>
    /// The worker printed a letter: its hash goes on the audit trail, so the letter sent can be proven. Not a change of
    /// the case (the version stays), so an officer editing it meanwhile is not told someone else changed it.
    /// </summary>
    public void LetterPrinted(Guid letterId, string storedName, string sha256, long length, DateTime nowUtc)
    {
        var letter = _letters.SingleOrDefault(l => l.Id == letterId) ?? throw new DomainException("letter.unknown", "No such letter on this request.");
        letter.Printed(storedName, sha256, length, nowUtc);
        Record(nowUtc, "system", "letter-printed", Status, Status, $"{letter.Kind} ({letter.Language}), {length} bytes, sha256 {sha256}");
    }

    /// <summary>Printing failed (Chromium missing or broken): said on the case, retried later. Not a change of the case.</summary>
    public void LetterFailed(Guid letterId, string error, DateTime nowUtc)
    {
        var letter = _letters.SingleOrDefault(l => l.Id == letterId) ?? throw new DomainException("letter.unknown", "No such letter on this request.");
        letter.Failed(error, nowUtc);
        if (letter.Attempts == 1)
        {
            Record(nowUtc, "system", "letter-failed", Status, Status, letter.LastError);
        }
    }

    /// <summary>
    /// The officer attaches a file of the disclosed data while the request is in review, so the decision letter lists
    /// exactly what is delivered. Up to <see cref="DisclosedFile.MaxBytesPerRequest"/> per request.
    /// </summary>
    public void AttachDisclosedFile(string actor, DisclosedFile file, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (!CarriesData)
        {
            throw new DomainException("deliver.no-data", "Only a disclosure, an access or a portability answer carries data.");
        }

        if (AnswerToPerson)
        {
            // The profile posts the answer to the person: a download would hand the data to the agent instead.
            throw new DomainException("deliver.to-person", "This answer is posted to the person: enclose the data with the letter.");
        }

        if (Status != RequestStatus.InReview)
        {
            throw new DomainException("deliver.not-in-review", "Files are attached while the request is in review, before it is decided.");
        }

        if (_disclosedFiles.Count >= DisclosedFile.MaxFilesPerRequest)
        {
            throw new DomainException("deliver.too-many", $"An answer can carry at most {DisclosedFile.MaxFilesPerRequest} files.");
        }

        if (_disclosedFiles.Sum(f => f.Length) + file.Length > DisclosedFile.MaxBytesPerRequest)
        {
            throw new DomainException("deliver.too-large", $"The files of one answer can weigh at most {DisclosedFile.MaxMegabytesPerRequest} MB together.");
        }

        _disclosedFiles.Add(file);
        Touch();
        Record(nowUtc, actor, "disclosed-file-attached", Status, Status, $"{file.ContentType}, {file.Length} bytes, sha256 {file.Sha256}");
    }

    /// <summary>Takes an attached file off again, before the decision; the caller deletes its bytes.</summary>
    public DisclosedFile RemoveDisclosedFile(string actor, Guid fileId, DateTime nowUtc)
    {
        var file = _disclosedFiles.SingleOrDefault(f => f.Id == fileId) ?? throw new DomainException("deliver.unknown", "No such file on this request.");
        if (Status != RequestStatus.InReview)
        {
            throw new DomainException("deliver.not-in-review", "Files are attached while the request is in review, before it is decided.");
        }

        _disclosedFiles.Remove(file);
        Touch();
        Record(nowUtc, actor, "disclosed-file-removed", Status, Status, $"sha256 {file.Sha256}");
        return file;
    }

    /// <summary>Whether the requester can download the disclosed files today.</summary>
    public bool DisclosedFilesAvailable(DateTime nowUtc) =>
        Status is RequestStatus.Answered or RequestStatus.Closed && DisclosedFilesDeletedAtUtc is null && DeliveryEndsOn is { } end && Today(nowUtc) <= end && _disclosedFiles.Count > 0;

    /// <summary>The requester downloads a disclosed file: on the record, not a change of the case.</summary>
    public DisclosedFile RecordDownload(Guid fileId, DateTime nowUtc)
    {
        var file = _disclosedFiles.SingleOrDefault(f => f.Id == fileId) ?? throw new DomainException("deliver.unknown", "No such file on this request.");
        if (!DisclosedFilesAvailable(nowUtc))
        {
            throw new DomainException("deliver.expired", "These files can no longer be downloaded.");
        }

        Record(nowUtc, "requester", "disclosed-file-downloaded", Status, Status, $"sha256 {file.Sha256}");
        return file;
    }

    /// <summary>
    /// The download period is over: the files go (the caller deletes the bytes), their record stays. Returns the
    /// stored names to delete; none when nothing is due.
    /// </summary>
    public IReadOnlyList<string> ExpireDisclosedFiles(DateTime nowUtc)
    {
        if (DisclosedFilesDeletedAtUtc is not null || DeliveryEndsOn is not { } end || Today(nowUtc) <= end || _disclosedFiles.Count == 0)
        {
            return [];
        }

        DisclosedFilesDeletedAtUtc = nowUtc;
        Touch();
        Record(nowUtc, "system", "disclosed-files-deleted", Status, Status, $"{_disclosedFiles.Count} file(s) deleted after the download period ended on {end:yyyy-MM-dd}");
        return _disclosedFiles.Select(f => f.StoredName).ToList();
    }

    /// <summary>
    /// The officer has previewed the decision letter and sends the answer: the requester gets the decision email with
    /// the letter attached, and the status page offers it (APPI Art. 33(3), 34(3), 35(7): the decision is notified).
    /// </summary>
    public void SendAnswer(string actor, DateTime nowUtc, int downloadDays = DeliverySettings.DefaultDownloadDays)
    {
        if (Status != RequestStatus.Decided)
        {
            throw RequestTransitions.Refusal(Status, RequestStatus.Answered);
        }

        if (DecisionLetter is not { Status: LetterStatus.Ready } letter)
        {
            throw new DomainException("answer.letter", "The decision letter has not been printed yet; preview it before sending.");
        }

        if (PersonObjectedAtUtc is not null && !AnswerToPerson && !RefusedForIdentity)
        {
            throw new DomainException("answer.person-objected", "The person says they did not ask for this request: refuse it because the agent's authority is not confirmed, rather than send the answer to the agent.");
        }

        Move(RequestStatus.Answered);
        CompletedAtUtc = nowUtc;
        if (_disclosedFiles.Count > 0)
        {
            DeliveryEndsOn = Today(nowUtc).AddDays(downloadDays);
        }

        Touch();
        Record(nowUtc, actor, "answer-sent", RequestStatus.Decided, Status, $"letter sha256 {letter.Sha256}");
        // The profile's rule for agents: the answer letter is posted to the person, and the agent only hears that it was.
        Notify(AnswerToPerson ? NoticeKind.AnswerPostedToPerson : NoticeKind.DecisionAvailable, null, nowUtc, AnswerToPerson ? null : letter.Id.ToString());
    }

    /// <summary>The decision is the refusal for an identity or authority that could not be confirmed.</summary>
    private bool RefusedForIdentity => _decisionGrounds.Count > 0 && _decisionGrounds.All(code => DecisionGround.IdentityNotConfirmed.Any(g => g.Code == code));

    /// <summary>
    /// Nothing more is owed on an answered request (the data was collected or its download period ended, or the
    /// requester confirmed the answer): the officer closes the case. Retention still counts from the answer.
    /// </summary>
    public void Close(string actor, DateTime nowUtc)
    {
        var from = Status;
        Move(RequestStatus.Closed);
        Touch();
        Record(nowUtc, actor, "closed", from, Status, null);
    }

    /// <summary>GDPR Art. 12(3): two further months, once, told with reasons within the first month.</summary>
    public void Extend(string actor, string reasons, DeadlineRules rules, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var text = Required(reasons, "reason.required", "Give the reasons for the extension; the requester is told them.");
        if (!_items.Any(i => RequestType.Find(i.TypeId)?.Regime == Regime.Gdpr))
        {
            throw new DomainException("extend.not-gdpr", "Only a GDPR request can be extended; APPI has no extension.");
        }

        if (Extended)
        {
            throw new DomainException("extend.once", "This request has already been extended; it can be extended only once.");
        }

        if (!IsOpen || Status == RequestStatus.Draft)
        {
            throw new DomainException("extend.closed", "Only an open request can be extended.");
        }

        var today = Today(nowUtc);
        var noticeBy = DeadlineCalculator.Compute(rules, Regime.Gdpr, ReceivedOn!.Value, _pauses, extended: false, today)
            .Dates.First(d => d.Kind == DeadlineKind.ExtensionNoticeBy).Date;
        if (today > noticeBy)
        {
            throw new DomainException("extend.too-late", $"The extension had to be notified by {noticeBy:yyyy-MM-dd}, within the first month.");
        }

        Extended = true;
        ExtensionReasons = text;
        Changed(rules, nowUtc, actor, "extended", Status, null, text);
        Notify(NoticeKind.Extended, null, nowUtc, text);
        AddLetter(LetterKind.Extension, nowUtc);
    }

    public void AddNote(string actor, string text, DateTime nowUtc)
    {
        var note = Required(text, "note.required", "Write the note.");
        if (Status is RequestStatus.Draft or RequestStatus.Discarded)
        {
            throw new DomainException("note.draft", "Notes can be added only to received requests.");
        }

        _notes.Add(new CaseNote(Guid.NewGuid(), actor, note, nowUtc));
        Touch();
        Record(nowUtc, actor, "note-added", Status, Status, null);
    }

    /// <summary>Gives the case to a staff account, or takes it back (null).</summary>
    public void Assign(string actor, string? assignee, DateTime nowUtc)
    {
        if (Status is RequestStatus.Draft or RequestStatus.Discarded)
        {
            throw new DomainException("assign.draft", "Only received requests can be assigned.");
        }

        if (string.Equals(AssignedTo, assignee, StringComparison.Ordinal))
        {
            return;
        }

        var before = AssignedTo;
        AssignedTo = assignee;
        Touch();
        Record(nowUtc, actor, "assigned", Status, Status, $"{before ?? "-"} -> {assignee ?? "-"}");
    }

    /// <summary>
    /// Data minimisation (LEGAL.md, EDPB 01/2022: record "ID checked" rather than keep copies): once identity is
    /// verified, the identity documents leave the request unless the profile keeps them; the caller deletes the files.
    /// </summary>
    public IReadOnlyList<RequestDocument> PurgeIdentityDocuments(ProcedureProfile profile, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (!IdentityVerified || _documents.Count == 0 || profile.Identity.KeepDocumentImagesAfterVerification)
        {
            return [];
        }

        var purged = _documents.ToList();
        _documents.Clear();
        Touch();
        Record(nowUtc, "system", "documents-purged", Status, Status, $"{purged.Count} identity document(s) deleted after verification");
        return purged;
    }

    public void PlaceLegalHold(string actor, string reason, DateTime nowUtc)
    {
        var text = Required(reason, "reason.required", "Give the reason for the legal hold.");
        if (LegalHold)
        {
            throw new DomainException("hold.already", "This request is already on legal hold.");
        }

        if (PurgedAtUtc is not null)
        {
            throw new DomainException("hold.purged", "This request's personal data has already been erased.");
        }

        LegalHold = true;
        LegalHoldReason = text;
        Touch();
        Record(nowUtc, actor, "legal-hold-placed", Status, Status, null, text);
    }

    public void ReleaseLegalHold(string actor, DateTime nowUtc)
    {
        if (!LegalHold)
        {
            throw new DomainException("hold.none", "This request is not on legal hold.");
        }

        LegalHold = false;
        LegalHoldReason = null;
        Touch();
        Record(nowUtc, actor, "legal-hold-released", Status, Status, null);
    }

    /// <summary>
    /// The retention period of this request's profile version, counted from the day it was completed; null while it is
    /// open, or where the policy publishes no period (its records are then kept until one is set).
    /// </summary>
    public RetentionPeriod? Retention(ProcedureProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return CompletedAtUtc is { } completed ? RetentionPeriod.For(profile.Retention, Today(completed)) : null;
    }

    /// <summary>Retention has run: the request is completed, not on legal hold, not yet erased, and today is its disposal day or later.</summary>
    public bool RetentionEnded(ProcedureProfile profile, DateTime nowUtc) =>
        PurgedAtUtc is null && !LegalHold && !IsOpen && Retention(profile) is { } period && Today(nowUtc) >= period.DisposeFrom;

    /// <summary>
    /// The end of retention (the profile's period from completion): what identifies the person is erased, documents
    /// and letters leave the request for the caller to delete, notes go. The reference, the dates, the decision and
    /// the audit trail stay, as the record that the request was handled. Never while on legal hold, never before the
    /// period has run.
    /// </summary>
    public (IReadOnlyList<RequestDocument> Documents, IReadOnlyList<RequestLetter> Letters, IReadOnlyList<string> DisclosedFiles) PurgePersonalData(ProcedureProfile profile, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (IsOpen || Status == RequestStatus.Draft || CompletedAtUtc is null)
        {
            throw new DomainException("purge.open", "Only a completed request can be purged.");
        }

        if (LegalHold)
        {
            throw new DomainException("purge.hold", "This request is on legal hold.");
        }

        if (PurgedAtUtc is not null)
        {
            return ([], [], []);
        }

        if (!RetentionEnded(profile, nowUtc))
        {
            throw new DomainException("purge.retention", "This request's retention period has not ended.");
        }

        Requester = new Requester { FullName = "-", PostalCode = "-", Address = "-", Email = "-" };
        Agent = null;
        PersonTokenHash = null;
        foreach (var item in _items)
        {
            item.Details.Clear();
            item.EraseDecisionText();
        }

        var documents = _documents.ToList();
        var letters = _letters.ToList();
        // Files still downloadable go with the rest; their record stays as what was delivered.
        IReadOnlyList<string> disclosed = DisclosedFilesDeletedAtUtc is null ? [.. _disclosedFiles.Select(f => f.StoredName)] : [];
        if (disclosed.Count > 0)
        {
            DisclosedFilesDeletedAtUtc = nowUtc;
        }

        foreach (var file in _disclosedFiles)
        {
            file.EraseName();
        }

        _documents.Clear();
        _letters.Clear();
        _notes.Clear();
        DecisionReasons = null;
        ExtensionReasons = null;
        Fee = Fee with { WaiverReason = null, PaymentMethod = null, ReceiptNumber = null, Reasons = null };
        LegalHoldReason = null;
        StatusLinkProtected = null;
        PurgedAtUtc = nowUtc;
        Touch();
        Record(nowUtc, "system", "purged", Status, Status, disclosed.Count == 0
            ? $"retention ended: {documents.Count} document(s), {letters.Count} letter(s) deleted"
            : $"retention ended: {documents.Count} document(s), {letters.Count} letter(s), {disclosed.Count} disclosed file(s) deleted");
        return (documents, letters, disclosed);
    }

    /// <summary>A staff read of personal data on this request: recorded, but not a change (no version bump).</summary>
    public void RecordRead(string actor, string what, DateTime nowUtc) =>
        Record(nowUtc, actor, "viewed", Status, Status, what);

    /// <summary>An auditor asked to see the personal data, with a reason: recorded, not a change.</summary>
    public void RecordUnmasked(string actor, string reason, DateTime nowUtc) =>
        Record(nowUtc, actor, "unmasked", Status, Status, "personal data shown to an auditor", reason);

    /// <summary>An unconfirmed draft, old enough for its one reminder and not yet old enough to be discarded.</summary>
    public bool DueForReminder(DateTime nowUtc) =>
        Status == RequestStatus.Draft && ConfirmationRemindedAtUtc is null && nowUtc >= CreatedAtUtc + ReminderAfter && !DueForDiscard(nowUtc);

    /// <summary>An unconfirmed draft past <see cref="DraftLifetime"/>: what was typed is kept no longer (data minimisation).</summary>
    public bool DueForDiscard(DateTime nowUtc) => Status == RequestStatus.Draft && nowUtc >= CreatedAtUtc + DraftLifetime;

    /// <summary>
    /// The email was not confirmed in time: one reminder with a new single-use link, valid another 24 hours.
    /// </summary>
    public void RemindToConfirm(IssuedSecret confirmation, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(confirmation);
        if (!DueForReminder(nowUtc))
        {
            throw new DomainException("draft.no-reminder", "Only an unconfirmed draft gets a reminder, once, before it is discarded.");
        }

        ConfirmationHash = confirmation.Hash;
        ConfirmationExpiresAtUtc = nowUtc + ConfirmationLifetime;
        ConfirmationRemindedAtUtc = nowUtc;
        Touch();
        Record(nowUtc, "system", "confirmation-reminded", Status, Status, null);
        Notify(NoticeKind.ConfirmationReminder, confirmation.ProtectedLink, nowUtc);
    }

    /// <summary>
    /// A draft never confirmed is discarded: the person is told, and what they typed is erased (data minimisation);
    /// the documents leave the aggregate so the caller can delete their files. The audit trail keeps only the fact.
    /// </summary>
    public IReadOnlyList<RequestDocument> Discard(DateTime nowUtc)
    {
        if (Status == RequestStatus.Draft && !DueForDiscard(nowUtc))
        {
            throw new DomainException("draft.too-young", "This draft is still kept for its requester to confirm.");
        }

        var from = Status;
        Move(RequestStatus.Discarded);
        Notify(NoticeKind.DraftDiscarded, null, nowUtc);
        ConfirmationHash = null;
        Requester = new Requester { FullName = "-", PostalCode = "-", Address = "-", Email = "-" };
        Agent = null;
        foreach (var item in _items)
        {
            item.Details.Clear();
        }

        var documents = _documents.ToList();
        _documents.Clear();
        Touch();
        Record(nowUtc, "system", "discarded", from, Status, $"{documents.Count} document(s) deleted");
        return documents;
    }

    /// <summary>A new status link, asked for when the old one was lost or expired; the old one stops working.</summary>
    public void IssueStatusLink(IssuedSecret statusLink, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(statusLink);
        RotateStatusLink(statusLink, nowUtc);
        Record(nowUtc, "requester", "status-link-issued", Status, Status, null);
        Notify(NoticeKind.StatusLink, statusLink.ProtectedLink, nowUtc);
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

    private void RefreshDueOn(DeadlineRules rules) =>
        DueOn = Deadlines(rules, ReceivedOn ?? default).Select(d => (DateOnly?)d.DueOn).FirstOrDefault();

    private void RotateStatusLink(IssuedSecret link, DateTime nowUtc)
    {
        StatusTokenHash = link.Hash;
        StatusLinkProtected = link.ProtectedLink;
        StatusTokenIssuedAtUtc = nowUtc;
        Touch();
    }

    private void Touch() => Version++;

    /// <summary>
    /// APPI Art. 39(1): the earliest-suit date applies while some item of a type Art. 39 covers stands unrefused; a
    /// refusal lifts the wait (the proviso), and purpose notification never had one.
    /// </summary>
    public bool Art39Applies => _items.Any(i => i.Type?.Art39Applies == true && DecisionOf(i)?.Outcome != DecisionOutcome.Refused);

    /// <summary>The one way the status changes: checked against the one transition table.</summary>
    private void Move(RequestStatus to)
    {
        RequestTransitions.Check(Status, to);
        Status = to;
    }

    private static DateOnly Today(DateTime nowUtc) => JapanTime.DateOf(new DateTimeOffset(nowUtc, TimeSpan.Zero));

    /// <summary>The common tail of an officer's verb: new version, fresh due date, audit event.</summary>
    private void Changed(DeadlineRules rules, DateTime nowUtc, string actor, string action, RequestStatus from, string? detail, string? personalText = null)
    {
        Touch();
        RefreshDueOn(rules);
        Record(nowUtc, actor, action, from, Status, detail, personalText);
    }

    private void EndPause(PauseReason reason, DateOnly on) =>
        _pauses = [.. _pauses.Select(p => p.IsOngoing && p.Reason == reason ? new ClockPause(p.From, on < p.From ? p.From : on, p.Reason) : p)];

    private void EndOngoingPauses(DateOnly on)
    {
        foreach (var reason in Enum.GetValues<PauseReason>())
        {
            EndPause(reason, on);
        }
    }

    private void FeeCanBeAskedOrThrow()
    {
        if (Fee.Status != FeeStatus.NotRequested)
        {
            throw new DomainException("fee.already", "A fee has already been asked for on this request.");
        }

        if (Status is not (RequestStatus.Received or RequestStatus.InReview))
        {
            throw RequestTransitions.Refusal(Status, RequestStatus.AwaitingFee);
        }
    }

    /// <summary>The common tail of asking for a fee: the clock stops until it is paid or waived; notice and letter go out.</summary>
    private void AskForFee(string actor, string action, FeeState state, string detail, string? personalText, DeadlineRules rules, DateTime nowUtc)
    {
        var from = Status;
        Move(RequestStatus.AwaitingFee);
        Fee = state;
        _pauses = [.. _pauses, new ClockPause(state.RequestedOn!.Value, null, PauseReason.AwaitingFee)];
        Changed(rules, nowUtc, actor, action, from, detail, personalText);
        Notify(NoticeKind.FeeDue, null, nowUtc, new FeeDueDetail(state.AmountMinor!.Value, state.Currency!, state.PayBy, state.Basis).ToJson());
        AddLetter(LetterKind.FeeRequest, nowUtc);
    }

    private void AwaitingFeeOrThrow()
    {
        if (Status != RequestStatus.AwaitingFee || Fee.Status != FeeStatus.Requested)
        {
            throw new DomainException("fee.not-awaited", "No fee is awaited on this request.");
        }
    }

    private static string? Optional(string? text)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        return trimmed.Length > CaseNote.MaxTextLength
            ? throw new DomainException("text.too-long", $"Write at most {CaseNote.MaxTextLength} characters.")
            : trimmed;
    }

    private static string Required(string? text, string code, string message)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            throw new DomainException(code, message);
        }

        if (trimmed.Length > CaseNote.MaxTextLength)
        {
            throw new DomainException("text.too-long", $"Write at most {CaseNote.MaxTextLength} characters.");
        }

        return trimmed;
    }

    /// <summary>Appends the audit event; <paramref name="personalText"/> is what a person typed, kept apart from the chain.</summary>
    private void Record(DateTime nowUtc, string actor, string action, RequestStatus? from, RequestStatus? to, string? detail, string? personalText = null) =>
        _auditEvents.Add(new AuditEvent(Id, nowUtc, actor, action, from?.ToString(), to?.ToString(), detail, personalText));

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

    /// <summary>What any new request must satisfy, filed or registered: types and details the policy takes, an agent it accepts, a real birth date.</summary>
    private static void CheckNew(NewRequest request, ProcedureProfile profile, DateOnly today)
    {
        CheckItems(request, profile);
        CheckAgent(request.Agent, profile);
        if (request.Requester.BirthDate > today)
        {
            throw new DomainException("request.birth-date-future", "The date of birth cannot be in the future.");
        }

        if (request.DocumentsByPost && !AcceptsDocumentsByPost(profile))
        {
            throw new DomainException("request.no-post", "This company does not accept documents by post.");
        }
    }

    /// <summary>Copies may be sent by post where the policy takes requests by post.</summary>
    public static bool AcceptsDocumentsByPost(ProcedureProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return profile.AcceptedTypes().Any(t => t.Offer.Channels.Contains("mail"));
    }

    private static void CheckItems(NewRequest request, ProcedureProfile profile)
    {
        if (request.Items.Count == 0)
        {
            throw new DomainException("request.no-type", "Choose at least one kind of request.");
        }

        if (request.Items.Select(i => i.TypeId).Distinct(StringComparer.Ordinal).Count() != request.Items.Count)
        {
            throw new DomainException("request.type-twice", "Each kind of request can be chosen once.");
        }

        foreach (var (typeId, details) in request.Items)
        {
            if (RequestType.Find(typeId) is null || profile.Offer(typeId) is not { Accepted: true })
            {
                throw new DomainException("request.type-not-accepted", $"This company does not accept the request type '{typeId}'.", RequestType.Find(typeId)?.Name ?? (object)typeId);
            }

            foreach (var field in RequestFields.For(typeId))
            {
                var value = details.GetValueOrDefault(field.Id);
                if (field.Required && string.IsNullOrWhiteSpace(value))
                {
                    throw new DomainException("request.field-required", $"'{field.Label.En}' is required for {typeId}.", field.Label);
                }

                if (field.Kind == FieldKind.Choice && !string.IsNullOrEmpty(value) && RequestFields.ChoicesFor(field, profile.Offer(typeId)).All(c => c.Id != value))
                {
                    throw new DomainException("request.not-a-choice", $"'{value}' is not a choice for '{field.Label.En}'.", field.Label);
                }
            }

            var unknown = details.Keys.Except(RequestFields.For(typeId).Select(f => f.Id), StringComparer.Ordinal).FirstOrDefault();
            if (unknown is not null)
            {
                throw new DomainException("request.unknown-field", $"'{unknown}' is not a field of {typeId}.", unknown);
            }
        }
    }

    private static void CheckAgent(Agent? agent, ProcedureProfile profile)
    {
        if (agent is null)
        {
            return;
        }

        var party = agent.IsLegalRepresentative ? profile.Identity.LegalRepresentative : profile.Identity.AppointedAgent;
        if (party.Accepted == false)
        {
            throw new DomainException("request.agent-kind", "This company does not accept requests from this kind of representative.");
        }
    }
}
