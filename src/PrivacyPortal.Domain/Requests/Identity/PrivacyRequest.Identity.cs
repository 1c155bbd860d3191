using PrivacyPortal.Domain.Audit;
using PrivacyPortal.Domain.Common;
using PrivacyPortal.Domain.Controllers;
using PrivacyPortal.Domain.Deadlines;
using PrivacyPortal.Domain.Notices;

namespace PrivacyPortal.Domain.Requests;

/// <summary>Identity: the documents given, the officer's check, asking for more, refusing when it cannot be confirmed.</summary>
public sealed partial class PrivacyRequest
{
    public const int MaxDocuments = 5;

    private readonly List<RequestDocument> _documents = [];

    public DateTime? IdentityVerifiedAtUtc { get; private set; }

    public bool IdentityVerified => IdentityVerifiedAtUtc is not null;

    public IReadOnlyList<RequestDocument> Documents => _documents.AsReadOnly();

    /// <summary>A document the requester uploaded, or (<paramref name="actor"/> an officer) a scan of one that came by post.</summary>
    public void AddDocument(RequestDocument document, DeadlineRules rules, DateTime nowUtc, string actor = "requester")
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(rules);
        Guard.ThrowIfRefused(AddDocumentRefusal());
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

        Record(nowUtc, actor, actor == "requester" ? "document-added" : "document-scanned", from, Status, AuditDetail.Of("file", document.ContentType, document.Length, document.Sha256));
    }

    /// <summary>Every applicable box of the identity checklist is ticked: the person is verified and the case goes to review.</summary>
    public void VerifyIdentity(string actor, IdentityCheck check, ProcedureProfile profile, DeadlineRules rules, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(check);
        ArgumentNullException.ThrowIfNull(rules);
        Guard.ThrowIfRefused(VerifyRefusal());
        check.Confirm(profile, Agent is not null);
        var from = Status;
        EndPause(PauseReason.AwaitingIdentityDocuments, Today(nowUtc));
        // Verified while the fee is awaited, the case stays there; already in review, it stays in review.
        if (Status is RequestStatus.Received or RequestStatus.AwaitingIdentity)
        {
            Move(RequestStatus.InReview);
        }

        IdentityVerifiedAtUtc = nowUtc;
        Changed(rules, nowUtc, actor, "identity-verified", from, AuditDetail.Of(Agent is null ? "identity-checked" : "identity-checked-agent", check.DocumentKind));
    }

    /// <summary>
    /// The documents do not prove identity yet: the requester is told what is missing and the clock stops from today
    /// (APPI: the period a business waits for the requester is not its delay; GDPR: EDPB 01/2022, only within 3 days).
    /// </summary>
    public void RequestMoreIdentity(string actor, string reason, DeadlineRules rules, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var text = Required(reason, "reason.required", "Say what is missing, so the requester knows what to send.");
        Guard.ThrowIfRefused(AskForMoreRefusal());
        var from = Status;
        Move(RequestStatus.AwaitingIdentity);
        _pauses = [.. _pauses, new ClockPause(Today(nowUtc), null, PauseReason.AwaitingIdentityDocuments)];
        Changed(rules, nowUtc, actor, "identity-more-needed", from, null, text);
        Notify(NoticeKind.DocumentsNeeded, null, nowUtc, text);
    }

    /// <summary>
    /// The person's identity, or the agent's authority, could not be confirmed (APPI Art. 37(1); GDPR Art. 12(2),
    /// (6)): the request is refused on that ground with reasons in words, any pause ends today (so a GDPR identity
    /// pause no longer moves the due date), and the decision letter goes out like any other.
    /// </summary>
    public void RefuseUnconfirmedIdentity(string actor, string reasons, DeadlineRules rules, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var text = Required(reasons, "reason.required", "Say why identity could not be confirmed; the requester is told these reasons.");
        Guard.ThrowIfRefused(RefuseIdentityRefusal());
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
        Changed(rules, nowUtc, actor, "refused-identity-not-confirmed", from, AuditDetail.Of("outcome-grounds", DecisionOutcome.Refused, string.Join(",", _decisionGrounds)));
        AddLetter(LetterKind.Decision, nowUtc);
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
        Record(nowUtc, "system", "documents-purged", Status, Status, AuditDetail.Of("documents-purged", purged.Count));
        return purged;
    }

    private DomainException? AddDocumentRefusal() =>
        !IsOpen ? new DomainException("document.closed", "Documents can no longer be added to this request.")
        : _documents.Count >= MaxDocuments ? new DomainException("document.too-many", $"A request can have at most {MaxDocuments} documents.", MaxDocuments)
        : null;

    private DomainException? VerifyRefusal() =>
        IdentityVerified ? new DomainException("identity.already", "Identity has already been verified on this request.")
        : Status is not (RequestStatus.Received or RequestStatus.AwaitingIdentity or RequestStatus.InReview or RequestStatus.AwaitingFee) ? RequestTransitions.Refusal(Status, RequestStatus.InReview)
        : null;

    private DomainException? AskForMoreRefusal() =>
        IdentityVerified ? new DomainException("identity.already", "Identity has already been verified on this request.")
        : Status is not (RequestStatus.Received or RequestStatus.InReview) ? RequestTransitions.Refusal(Status, RequestStatus.AwaitingIdentity)
        : null;

    /// <summary>
    /// The person saying they did not ask puts the agent's authority back in doubt, even after it was checked and even
    /// after a decision on the merits that has not been sent; a decision that is already this refusal is not made again.
    /// </summary>
    private DomainException? RefuseIdentityRefusal()
    {
        var objected = PersonObjectedAtUtc is not null;
        if (IdentityVerified && !objected)
        {
            return new DomainException("identity.verified-decide", "Identity has been verified on this request: decide it on its merits instead.");
        }

        if (Status is not (RequestStatus.Received or RequestStatus.AwaitingIdentity or RequestStatus.InReview) && !(objected && Status == RequestStatus.Decided && !RefusedForIdentity))
        {
            return RequestTransitions.Refusal(Status, RequestStatus.Decided);
        }

        return _disclosedFiles.Count > 0 ? new DomainException("identity.refuse-files", "Remove the disclosed files before refusing the request.") : null;
    }
}
