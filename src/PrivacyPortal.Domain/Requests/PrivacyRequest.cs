using PrivacyPortal.Domain.Audit;
using PrivacyPortal.Domain.Calendars;
using PrivacyPortal.Domain.Common;
using PrivacyPortal.Domain.Controllers;
using PrivacyPortal.Domain.Deadlines;
using PrivacyPortal.Domain.Notices;

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

    private PrivacyRequest()
    {
    }

    public Guid Id { get; private set; }

    public string PolicyId { get; private set; } = string.Empty;

    /// <summary>The profile version in force when the request was filed; later edits do not change it.</summary>
    public int ProfileVersion { get; private set; }

    public string Language { get; private set; } = "ja";

    public RequestStatus Status { get; private set; }

    /// <summary>Assigned when the email is confirmed, e.g. NTTSMC-2026-000123.</summary>
    public string? Reference { get; private set; }

    public Requester Requester { get; private set; } = new();

    public Agent? Agent { get; private set; }

    public bool DocumentsByPost { get; private set; }

    /// <summary>Unique per form rendering: the same form posted twice makes one request.</summary>
    public string SubmissionKey { get; private set; } = string.Empty;

    public string? ConfirmationHash { get; private set; }

    public DateTime? ConfirmationExpiresAtUtc { get; private set; }

    public string StatusTokenHash { get; private set; } = string.Empty;

    public DateTime StatusTokenIssuedAtUtc { get; private set; }

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

    /// <summary>Where notices go: the agent when one files, else the requester.</summary>
    public string ContactEmail => Agent?.Email ?? Requester.Email;

    public bool IsOpen => RequestTransitions.IsOpen(Status);

    public static PrivacyRequest File(NewRequest request, ProcedureProfile profile, int profileVersion, IssuedSecret confirmation, IssuedSecret statusLink, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(confirmation);
        ArgumentNullException.ThrowIfNull(statusLink);
        CheckItems(request, profile);
        CheckAgent(request.Agent, profile);
        if (request.Requester.BirthDate > JapanTime.DateOf(new DateTimeOffset(nowUtc, TimeSpan.Zero)))
        {
            throw new DomainException("The date of birth cannot be in the future.");
        }

        if (request.DocumentsByPost && !AcceptsDocumentsByPost(profile))
        {
            throw new DomainException("This company does not accept documents by post.");
        }

        var created = new PrivacyRequest
        {
            Id = Guid.NewGuid(),
            PolicyId = request.PolicyId,
            ProfileVersion = profileVersion,
            Language = request.Language == "en" ? "en" : "ja",
            Status = RequestStatus.Draft,
            Requester = request.Requester,
            Agent = request.Agent,
            DocumentsByPost = request.DocumentsByPost,
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
    /// The requester proved the address through the single-use link: the request is received, the clock starts,
    /// the reference is assigned and a fresh status link goes out with the acknowledgement.
    /// </summary>
    public void ConfirmEmail(string confirmationHash, string reference, DeadlineRules rules, IssuedSecret statusLink, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(statusLink);
        if (Status != RequestStatus.Draft || ConfirmationHash is null)
        {
            throw new DomainException("This request has already been confirmed.");
        }

        if (!string.Equals(ConfirmationHash, confirmationHash, StringComparison.Ordinal))
        {
            throw new DomainException("This confirmation link is not valid.");
        }

        if (nowUtc > ConfirmationExpiresAtUtc)
        {
            throw new DomainException("This confirmation link has expired.");
        }

        RequestTransitions.Check(Status, RequestStatus.Received);
        var from = Status;
        Status = RequestStatus.Received;
        ConfirmationHash = null;
        ReceivedAtUtc = nowUtc;
        ReceivedOn = JapanTime.DateOf(new DateTimeOffset(nowUtc, TimeSpan.Zero));
        Reference = reference;
        RefreshDueOn(rules);
        RotateStatusLink(statusLink.Hash, nowUtc);
        Record(nowUtc, "requester", "email-confirmed", from, Status, reference);
        Notify(NoticeKind.Acknowledgement, statusLink.ProtectedLink, nowUtc);
    }

    public bool ConfirmationExpired(DateTime nowUtc) => ConfirmationExpiresAtUtc is { } expires && nowUtc > expires;

    public bool StatusLinkExpired(DateTime nowUtc) => nowUtc > StatusTokenIssuedAtUtc + StatusLinkLifetime;

    public void AddDocument(RequestDocument document, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (!IsOpen)
        {
            throw new DomainException("Documents can no longer be added to this request.");
        }

        if (_documents.Count >= MaxDocuments)
        {
            throw new DomainException($"A request can have at most {MaxDocuments} documents.");
        }

        if (document.Party == DocumentParty.Agent && Agent is null)
        {
            throw new DomainException("This request has no agent.");
        }

        _documents.Add(document);
        Touch();
        Record(nowUtc, "requester", "document-added", Status, Status, $"{document.ContentType}, {document.Length} bytes, sha256 {document.Sha256}");
    }

    public void Withdraw(string actor, DateTime nowUtc)
    {
        RequestTransitions.Check(Status, RequestStatus.Withdrawn);
        var from = Status;
        Status = RequestStatus.Withdrawn;
        Touch();
        Record(nowUtc, actor, "withdrawn", from, Status, null);
        Notify(NoticeKind.Withdrawn, null, nowUtc);
    }

    /// <summary>
    /// The email was not confirmed in time: one reminder with a new single-use link, valid another 24 hours.
    /// </summary>
    public void RemindToConfirm(IssuedSecret confirmation, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(confirmation);
        if (Status != RequestStatus.Draft || ConfirmationRemindedAtUtc is not null)
        {
            throw new DomainException("Only an unconfirmed draft gets a reminder, and only once.");
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
        RequestTransitions.Check(Status, RequestStatus.Discarded);
        Notify(NoticeKind.DraftDiscarded, null, nowUtc);
        var from = Status;
        Status = RequestStatus.Discarded;
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
        RotateStatusLink(statusLink.Hash, nowUtc);
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
            .Select(regime => DeadlineCalculator.Compute(rules, regime, received, [], extended: false, asOf))
            .OrderBy(d => d.DueOn)
            .ToList();
    }

    private void RefreshDueOn(DeadlineRules rules) =>
        DueOn = Deadlines(rules, ReceivedOn ?? default).Select(d => (DateOnly?)d.DueOn).FirstOrDefault();

    private void RotateStatusLink(string hash, DateTime nowUtc)
    {
        StatusTokenHash = hash;
        StatusTokenIssuedAtUtc = nowUtc;
        Touch();
    }

    private void Touch() => Version++;

    private void Record(DateTime nowUtc, string actor, string action, RequestStatus? from, RequestStatus? to, string? detail) =>
        _auditEvents.Add(new AuditEvent(Id, nowUtc, actor, action, from?.ToString(), to?.ToString(), detail));

    private void Notify(NoticeKind kind, string? protectedLink, DateTime nowUtc) =>
        _notices.Add(new Notice(Guid.NewGuid(), Id, kind, ContactEmail, Language, Reference, protectedLink, nowUtc));

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
            throw new DomainException("Choose at least one kind of request.");
        }

        if (request.Items.Select(i => i.TypeId).Distinct(StringComparer.Ordinal).Count() != request.Items.Count)
        {
            throw new DomainException("Each kind of request can be chosen once.");
        }

        foreach (var (typeId, details) in request.Items)
        {
            if (RequestType.Find(typeId) is null || profile.Offer(typeId) is not { Accepted: true })
            {
                throw new DomainException($"This company does not accept the request type '{typeId}'.");
            }

            foreach (var field in RequestFields.For(typeId))
            {
                var value = details.GetValueOrDefault(field.Id);
                if (field.Required && string.IsNullOrWhiteSpace(value))
                {
                    throw new DomainException($"'{field.Label.En}' is required for {typeId}.");
                }

                if (field.Kind == FieldKind.Choice && !string.IsNullOrEmpty(value) && RequestFields.ChoicesFor(field, profile.Offer(typeId)).All(c => c.Id != value))
                {
                    throw new DomainException($"'{value}' is not a choice for '{field.Label.En}'.");
                }
            }

            var unknown = details.Keys.Except(RequestFields.For(typeId).Select(f => f.Id), StringComparer.Ordinal).FirstOrDefault();
            if (unknown is not null)
            {
                throw new DomainException($"'{unknown}' is not a field of {typeId}.");
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
            throw new DomainException("This company does not accept requests from this kind of representative.");
        }
    }
}
