using PrivacyPortal.Domain.Controllers;
using PrivacyPortal.Domain.Deadlines;
using PrivacyPortal.Domain.Requests;

namespace PrivacyPortal.Web.Areas.Staff.Pages.Cases;

/// <summary>
/// What the case page shows of a request, read once from the aggregate: values only, so no view can change the
/// request or depend on what the database context tracks. One group of members per part of the request
/// (see <c>Domain/Requests/README.md</c>), each rendered by that part's partial in <c>Cases/&lt;Part&gt;/</c>.
/// </summary>
public sealed record CaseView
{
    // Root
    public required Guid Id { get; init; }

    public required int Version { get; init; }

    public required string? Reference { get; init; }

    public required RequestStatus Status { get; init; }

    public required bool IsOpen { get; init; }

    public required RequestChannel Channel { get; init; }

    // Intake
    public required Requester Requester { get; init; }

    public required Agent? Agent { get; init; }

    public required bool AnswerToPerson { get; init; }

    public required DateTime? PersonObjectedAtUtc { get; init; }

    public required IReadOnlyList<CaseItemView> Items { get; init; }

    // Identity
    public required bool IdentityVerified { get; init; }

    public required bool DocumentsByPost { get; init; }

    public required IReadOnlyList<CaseDocumentView> Documents { get; init; }

    // Fee
    public required FeeState Fee { get; init; }

    public required IReadOnlyList<string> SetFeeBases { get; init; }

    // Clock
    public required DateOnly? DueOn { get; init; }

    public required IReadOnlyList<ClockPause> Pauses { get; init; }

    public required bool Extended { get; init; }

    public required string? ExtensionReasons { get; init; }

    // Decision
    public required DecisionOutcome? Outcome { get; init; }

    // Delivery
    public required bool CarriesData { get; init; }

    public required IReadOnlyList<CaseFileView> DisclosedFiles { get; init; }

    public required DateOnly? DeliveryEndsOn { get; init; }

    public required DateTime? DisclosedFilesDeletedAtUtc { get; init; }

    // Correspondence
    public required bool NoticesByPost { get; init; }

    public required CaseLetterView? DecisionLetter { get; init; }

    /// <summary>The letters listed apart from the decision: every other letter, and a decision letter that is posted.</summary>
    public required IReadOnlyList<CaseLetterView> OtherLetters { get; init; }

    // Casework
    public required string? AssignedTo { get; init; }

    public required bool LegalHold { get; init; }

    public required string? LegalHoldReason { get; init; }

    public required DateTime? PurgedAtUtc { get; init; }

    public required IReadOnlyList<CaseNoteView> Notes { get; init; }

    /// <summary>Reads what the case page shows from the request, with the profile it was filed under.</summary>
    public static CaseView Of(PrivacyRequest request, ProcedureProfile profile)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(profile);
        var toPost = request.LettersToPost().Select(l => l.Id).ToHashSet();
        CaseLetterView Letter(RequestLetter l) =>
            new(l.Id, l.Kind, l.Subject, l.Status, l.Sha256, l.LastError, l.Attempts, l.ToPerson, l.PostedAtUtc, request.IsPosted(l), toPost.Contains(l.Id));
        return new CaseView
        {
            Id = request.Id,
            Version = request.Version,
            Reference = request.Reference,
            Status = request.Status,
            IsOpen = request.IsOpen,
            Channel = request.Channel,
            Requester = request.Requester,
            Agent = request.Agent,
            AnswerToPerson = request.AnswerToPerson,
            PersonObjectedAtUtc = request.PersonObjectedAtUtc,
            Items = request.Items.Select(i => new CaseItemView(i.TypeId, i.Type, i.Details.ToDictionary(StringComparer.Ordinal), request.DecisionOf(i), DecisionGround.For(profile, i))).ToList(),
            IdentityVerified = request.IdentityVerified,
            DocumentsByPost = request.DocumentsByPost,
            Documents = request.Documents.Select(d => new CaseDocumentView(d.Id, d.FileName, d.ContentType, d.Length, d.Party)).ToList(),
            Fee = request.Fee,
            SetFeeBases = request.SetFeeBases(profile),
            DueOn = request.DueOn,
            Pauses = request.Pauses.ToList(),
            Extended = request.Extended,
            ExtensionReasons = request.ExtensionReasons,
            Outcome = request.Outcome,
            CarriesData = request.CarriesData,
            DisclosedFiles = request.DisclosedFiles.Select(f => new CaseFileView(f.Id, f.FileName, f.ContentType, f.Length, f.Sha256)).ToList(),
            DeliveryEndsOn = request.DeliveryEndsOn,
            DisclosedFilesDeletedAtUtc = request.DisclosedFilesDeletedAtUtc,
            NoticesByPost = request.NoticesByPost,
            DecisionLetter = request.DecisionLetter is { } decision ? Letter(decision) : null,
            OtherLetters = request.Letters.Where(l => l.Kind != LetterKind.Decision || request.IsPosted(l)).Select(Letter).ToList(),
            AssignedTo = request.AssignedTo,
            LegalHold = request.LegalHold,
            LegalHoldReason = request.LegalHoldReason,
            PurgedAtUtc = request.PurgedAtUtc,
            Notes = request.Notes.OrderBy(n => n.AtUtc).Select(n => new CaseNoteView(n.Author, n.Text, n.AtUtc)).ToList(),
        };
    }
}

/// <summary>One request type of the request, what the person wrote for it, its decision, and the grounds it may cite.</summary>
public sealed record CaseItemView(string TypeId, RequestType? Type, IReadOnlyDictionary<string, string> Details, ItemDecision? Decision, IReadOnlyList<DecisionGround> Grounds);

/// <summary>An identity document as the list shows it.</summary>
public sealed record CaseDocumentView(Guid Id, string FileName, string ContentType, long Length, DocumentParty Party);

/// <summary>A disclosed file as the list shows it.</summary>
public sealed record CaseFileView(Guid Id, string FileName, string ContentType, long Length, string Sha256);

/// <summary>A letter as the case shows it, with whether it goes by post and whether it waits to be posted now.</summary>
public sealed record CaseLetterView(Guid Id, LetterKind Kind, PrivacyPortal.Domain.Notices.NoticeKind? Subject, LetterStatus Status, string? Sha256, string? LastError, int Attempts, bool ToPerson, DateTime? PostedAtUtc, bool IsPosted, bool ToPost);

/// <summary>A case note.</summary>
public sealed record CaseNoteView(string Author, string Text, DateTime AtUtc);
