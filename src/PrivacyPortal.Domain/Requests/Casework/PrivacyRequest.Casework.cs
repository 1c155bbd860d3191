using PrivacyPortal.Domain.Audit;
using PrivacyPortal.Domain.Common;
using PrivacyPortal.Domain.Controllers;
using PrivacyPortal.Domain.Notices;
using PrivacyPortal.Domain.Retention;

namespace PrivacyPortal.Domain.Requests;

/// <summary>What erasing a request's personal data hands back for the caller to delete: stored documents, letters and disclosed files.</summary>
public sealed record ErasedFiles(IReadOnlyList<RequestDocument> Documents, IReadOnlyList<RequestLetter> Letters, IReadOnlyList<string> DisclosedFiles);

/// <summary>
/// Casework: who works the case, notes, withdrawal, legal hold, and the end of the request's personal data (a draft
/// never confirmed, or a completed request whose retention has run), both through one erasure routine.
/// </summary>
public sealed partial class PrivacyRequest
{
    /// <summary>An unconfirmed draft is discarded, its personal data erased, after this long.</summary>
    public static readonly TimeSpan DraftLifetime = TimeSpan.FromDays(7);

    private readonly List<CaseNote> _notes = [];

    /// <summary>The staff account working the case, if any.</summary>
    public string? AssignedTo { get; private set; }

    public IReadOnlyList<CaseNote> Notes => _notes.AsReadOnly();

    /// <summary>When the request ended: answer sent, withdrawn, or deemed withdrawn. Retention counts from here.</summary>
    public DateTime? CompletedAtUtc { get; private set; }

    /// <summary>Kept past its retention while a dispute or an investigation needs it.</summary>
    public bool LegalHold { get; private set; }

    public string? LegalHoldReason { get; private set; }

    /// <summary>When the personal data was erased at the end of retention; the record of what happened stays.</summary>
    public DateTime? PurgedAtUtc { get; private set; }

    public void Withdraw(string actor, DateTime nowUtc, string? reason = null)
    {
        Guard.ThrowIfRefused(WithdrawRefusal());
        var from = Status;
        Move(RequestStatus.Withdrawn);
        CompletedAtUtc = nowUtc;
        EndOngoingPauses(Today(nowUtc));
        Touch();
        Record(nowUtc, actor, "withdrawn", from, Status, null, reason);
        Notify(NoticeKind.Withdrawn, null, nowUtc);
    }

    public void AddNote(string actor, string text, DateTime nowUtc)
    {
        var note = Required(text, "note.required", "Write the note.");
        Guard.ThrowIfRefused(NoteRefusal());
        _notes.Add(new CaseNote(Guid.NewGuid(), actor, note, nowUtc));
        Touch();
        Record(nowUtc, actor, "note-added", Status, Status, null);
    }

    /// <summary>Gives the case to a staff account, or takes it back (null).</summary>
    public void Assign(string actor, string? assignee, DateTime nowUtc)
    {
        Guard.ThrowIfRefused(AssignRefusal());
        if (string.Equals(AssignedTo, assignee, StringComparison.Ordinal))
        {
            return;
        }

        var before = AssignedTo;
        AssignedTo = assignee;
        Touch();
        Record(nowUtc, actor, "assigned", Status, Status, AuditDetail.Of("assigned", before, assignee));
    }

    public void PlaceLegalHold(string actor, string reason, DateTime nowUtc)
    {
        var text = Required(reason, "reason.required", "Give the reason for the legal hold.");
        Guard.ThrowIfRefused(HoldRefusal());
        LegalHold = true;
        LegalHoldReason = text;
        Touch();
        Record(nowUtc, actor, "legal-hold-placed", Status, Status, null, text);
    }

    public void ReleaseLegalHold(string actor, DateTime nowUtc)
    {
        Guard.ThrowIfRefused(ReleaseHoldRefusal());
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
    public ErasedFiles PurgePersonalData(ProcedureProfile profile, DateTime nowUtc)
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
            return new ErasedFiles([], [], []);
        }

        if (!RetentionEnded(profile, nowUtc))
        {
            throw new DomainException("purge.retention", "This request's retention period has not ended.");
        }

        var erased = ErasePersonalData(nowUtc);
        PurgedAtUtc = nowUtc;
        Touch();
        Record(nowUtc, "system", "purged", Status, Status, AuditDetail.Of("purged", erased.Documents.Count, erased.Letters.Count, erased.DisclosedFiles.Count));
        return erased;
    }

    /// <summary>An unconfirmed draft past <see cref="DraftLifetime"/>: what was typed is kept no longer (data minimisation).</summary>
    public bool DueForDiscard(DateTime nowUtc) => Status == RequestStatus.Draft && nowUtc >= CreatedAtUtc + DraftLifetime;

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
        // The notice goes to the address before it is erased; the worker sends it, then it is erased with the rest.
        Notify(NoticeKind.DraftDiscarded, null, nowUtc);
        ConfirmationHash = null;
        var erased = ErasePersonalData(nowUtc);
        Touch();
        Record(nowUtc, "system", "discarded", from, Status, AuditDetail.Of("discarded", erased.Documents.Count));
        return erased.Documents;
    }

    /// <summary>
    /// The one erasure routine: what identifies the person or was typed about them leaves the request; documents,
    /// letters and still-downloadable disclosed files are handed back for the caller to delete. What happened, when,
    /// and on what ground stays.
    /// </summary>
    private ErasedFiles ErasePersonalData(DateTime nowUtc)
    {
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
        return new ErasedFiles(documents, letters, disclosed);
    }

    private DomainException? WithdrawRefusal() => MoveRefusal(RequestStatus.Withdrawn);

    private DomainException? HoldRefusal() =>
        LegalHold ? new DomainException("hold.already", "This request is already on legal hold.")
        : PurgedAtUtc is not null ? new DomainException("hold.purged", "This request's personal data has already been erased.")
        : null;

    private DomainException? ReleaseHoldRefusal() => LegalHold ? null : new DomainException("hold.none", "This request is not on legal hold.");

    private DomainException? NoteRefusal() =>
        Status is RequestStatus.Draft or RequestStatus.Discarded ? new DomainException("note.draft", "Notes can be added only to received requests.") : null;

    private DomainException? AssignRefusal() =>
        Status is RequestStatus.Draft or RequestStatus.Discarded ? new DomainException("assign.draft", "Only received requests can be assigned.") : null;
}
