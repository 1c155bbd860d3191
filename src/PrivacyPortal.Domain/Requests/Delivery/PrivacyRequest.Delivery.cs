using PrivacyPortal.Domain.Audit;
using PrivacyPortal.Domain.Common;
using PrivacyPortal.Domain.Controllers;
using PrivacyPortal.Domain.Notices;

namespace PrivacyPortal.Domain.Requests;

/// <summary>Delivery: the disclosed data the answer carries, sending the answer, its download window, closing.</summary>
public sealed partial class PrivacyRequest
{
    private readonly List<DisclosedFile> _disclosedFiles = [];

    /// <summary>The disclosed data the answer delivers; the record stays after the files are deleted.</summary>
    public IReadOnlyList<DisclosedFile> DisclosedFiles => _disclosedFiles.AsReadOnly();

    /// <summary>The last day the requester can download the disclosed files, set when the answer is sent.</summary>
    public DateOnly? DeliveryEndsOn { get; private set; }

    /// <summary>When the disclosed files were deleted, their download period over.</summary>
    public DateTime? DisclosedFilesDeletedAtUtc { get; private set; }

    /// <summary>Whether the answer can carry data: disclosure, third-party records, GDPR access or portability.</summary>
    public bool CarriesData => _items.Any(i => i.TypeId is "disclosure" or "third-party-records" or "access" or "portability");

    /// <summary>
    /// The officer attaches a file of the disclosed data while the request is in review, so the decision letter lists
    /// exactly what is delivered. Up to <see cref="DisclosedFile.MaxBytesPerRequest"/> per request.
    /// </summary>
    public void AttachDisclosedFile(string actor, DisclosedFile file, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(file);
        Guard.ThrowIfRefused(AttachRefusal());
        if (_disclosedFiles.Sum(f => f.Length) + file.Length > DisclosedFile.MaxBytesPerRequest)
        {
            throw new DomainException("deliver.too-large", $"The files of one answer can weigh at most {DisclosedFile.MaxMegabytesPerRequest} MB together.");
        }

        _disclosedFiles.Add(file);
        Touch();
        Record(nowUtc, actor, "disclosed-file-attached", Status, Status, AuditDetail.Of("file", file.ContentType, file.Length, file.Sha256));
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
        Record(nowUtc, actor, "disclosed-file-removed", Status, Status, AuditDetail.Of("sha256", file.Sha256));
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

        Record(nowUtc, "requester", "disclosed-file-downloaded", Status, Status, AuditDetail.Of("sha256", file.Sha256));
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
        Record(nowUtc, "system", "disclosed-files-deleted", Status, Status, AuditDetail.Of("disclosed-files-deleted", _disclosedFiles.Count, end));
        return _disclosedFiles.Select(f => f.StoredName).ToList();
    }

    /// <summary>
    /// The officer has previewed the decision letter and sends the answer: the requester gets the decision email with
    /// the letter attached, and the status page offers it (APPI Art. 33(3), 34(3), 35(7): the decision is notified).
    /// </summary>
    public void SendAnswer(string actor, DateTime nowUtc, int downloadDays = DeliverySettings.DefaultDownloadDays)
    {
        Guard.ThrowIfRefused(SendAnswerRefusal());
        var letter = DecisionLetter!;
        Move(RequestStatus.Answered);
        CompletedAtUtc = nowUtc;
        if (_disclosedFiles.Count > 0)
        {
            DeliveryEndsOn = Today(nowUtc).AddDays(downloadDays);
        }

        Touch();
        Record(nowUtc, actor, "answer-sent", RequestStatus.Decided, Status, AuditDetail.Of("sha256", letter.Sha256));
        // The profile's rule for agents: the answer letter is posted to the person, and the agent only hears that it was.
        Notify(AnswerToPerson ? NoticeKind.AnswerPostedToPerson : NoticeKind.DecisionAvailable, null, nowUtc, AnswerToPerson ? null : letter.Id.ToString());
    }

    /// <summary>
    /// Nothing more is owed on an answered request (the data was collected or its download period ended, or the
    /// requester confirmed the answer): the officer closes the case. Retention still counts from the answer.
    /// </summary>
    public void Close(string actor, DateTime nowUtc)
    {
        Guard.ThrowIfRefused(CloseRefusal());
        var from = Status;
        Move(RequestStatus.Closed);
        Touch();
        Record(nowUtc, actor, "closed", from, Status, null);
    }

    private DomainException? AttachRefusal() =>
        !CarriesData ? new DomainException("deliver.no-data", "Only a disclosure, an access or a portability answer carries data.")
        // The profile posts the answer to the person: a download would hand the data to the agent instead.
        : AnswerToPerson ? new DomainException("deliver.to-person", "This answer is posted to the person: enclose the data with the letter.")
        : Status != RequestStatus.InReview ? new DomainException("deliver.not-in-review", "Files are attached while the request is in review, before it is decided.")
        : _disclosedFiles.Count >= DisclosedFile.MaxFilesPerRequest ? new DomainException("deliver.too-many", $"An answer can carry at most {DisclosedFile.MaxFilesPerRequest} files.")
        : null;

    private DomainException? SendAnswerRefusal() =>
        Status != RequestStatus.Decided ? RequestTransitions.Refusal(Status, RequestStatus.Answered)
        : DecisionLetter is not { Status: LetterStatus.Ready } ? new DomainException("answer.letter", "The decision letter has not been printed yet; preview it before sending.")
        : PersonObjectedAtUtc is not null && !AnswerToPerson && !RefusedForIdentity
            ? new DomainException("answer.person-objected", "The person says they did not ask for this request: refuse it because the agent's authority is not confirmed, rather than send the answer to the agent.")
        : null;

    private DomainException? CloseRefusal() => MoveRefusal(RequestStatus.Closed);
}
