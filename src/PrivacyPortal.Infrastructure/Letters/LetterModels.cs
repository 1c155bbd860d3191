using PrivacyPortal.Domain.Controllers;
using PrivacyPortal.Domain.Deadlines;
using PrivacyPortal.Domain.Fees;
using PrivacyPortal.Domain.Requests;

namespace PrivacyPortal.Infrastructure.Letters;

/// <summary>What an acknowledgement letter says: who writes, to whom, about which request, and when to expect the answer.</summary>
public sealed record AcknowledgementLetter(
    DataControllerProfile Controller, ProcedureProfile Profile, string RequesterName, string Reference, DateOnly LetterDate,
    IReadOnlyList<RequestType> Types, Deadline Deadline);

/// <summary>The fee request (APPI Art. 38): the amount, how to pay and by when.</summary>
public sealed record FeeRequestLetter(
    DataControllerProfile Controller, ProcedureProfile Profile, string RequesterName, string Reference, DateOnly LetterDate,
    Money Amount, DateOnly? PayBy, string? Basis = null, string? Reasons = null);

/// <summary>
/// A notice for a requester who hears by post: more documents needed (what, and where to send them), withdrawn, or
/// ended because the fee was not paid.
/// </summary>
public sealed record NoticeLetter(
    DataControllerProfile Controller, ProcedureProfile Profile, string RequesterName, string Reference, DateOnly LetterDate,
    Domain.Notices.NoticeKind Subject, string? Detail)
{
    /// <summary>For the notice of an agent's request: who filed it, as they described themselves.</summary>
    public Agent? Agent { get; init; }

    /// <summary>What the request asks for.</summary>
    public IReadOnlyList<RequestType> Types { get; init; } = [];
}

/// <summary>GDPR Art. 12(3): the period is extended by two further months, with the reasons and the new date.</summary>
public sealed record ExtensionLetter(
    DataControllerProfile Controller, ProcedureProfile Profile, string RequesterName, string Reference, DateOnly LetterDate,
    string Reasons, Deadline Deadline);

/// <summary>One request type's answer as the letter states it, with the notice the statute requires for it.</summary>
public sealed record DecidedItem(RequestType Type, RequestItem Item, ItemDecision Decision, IReadOnlyList<DecisionGround> Grounds, string? NoticeArticle)
{
    /// <summary>The method the requester designated, for a disclosure.</summary>
    public string? RequestedMethod => Item.Details.GetValueOrDefault("method");
}

/// <summary>The answer to a request: each item's outcome, grounds and reasons, and where to complain.</summary>
public sealed record DecisionLetter(
    DataControllerProfile Controller, ProcedureProfile Profile, string RequesterName, string Reference, DateOnly LetterDate,
    DateOnly ReceivedOn, IReadOnlyList<DecidedItem> Items, DecisionOutcome Outcome, IReadOnlyList<ComplaintRoute> Complaints)
{
    /// <summary>The disclosed data the answer delivers, none when it carries nothing.</summary>
    public IReadOnlyList<DisclosedFile> Files { get; init; } = [];

    public int DownloadDays { get; init; } = DeliverySettings.DefaultDownloadDays;

    /// <summary>The requester hears by post and has no status page: whatever is delivered is enclosed.</summary>
    public bool ByPost { get; init; }

    /// <summary>The data goes with the letter: the requester chose paper, paper was decided instead, or the letter is posted.</summary>
    public bool OnPaper => ByPost || Items.Any(i => i.Type.Family == RequestFamily.Disclosure && (i.Decision.Method == "paper" || (i.Decision.Method is null && i.RequestedMethod == "paper")));

    /// <summary>The letter for a decided request, from the profile version it was filed under.</summary>
    public static DecisionLetter For(PrivacyRequest request, DataControllerProfile controller, ProcedureProfile profile, DateOnly letterDate)
    {
        ArgumentNullException.ThrowIfNull(request);
        var cited = DecisionGround.Cited(profile, request.Items.Select(i => i.TypeId));
        var items = request.Items
            .Select(i => (Item: i, Type: i.Type, Decision: request.DecisionOf(i)))
            .Where(x => x.Type is not null && x.Decision is not null)
            .Select(x => Item(x.Type!, x.Item, x.Decision!, cited))
            .ToList();
        return Of(controller, profile, request.Requester.FullName, request.Reference ?? string.Empty, letterDate, request.ReceivedOn ?? letterDate, items, request.Outcome ?? DecisionOutcome.Fulfilled)
            with { Files = request.DisclosedFiles, DownloadDays = profile.Delivery.DownloadDays };
    }

    public static DecidedItem Item(RequestType type, RequestItem item, ItemDecision decision, IReadOnlyList<DecisionGround> cited)
    {
        ArgumentNullException.ThrowIfNull(decision);
        return new(type, item, decision, cited.Where(g => decision.Grounds.Contains(g.Code)).ToList(), StatutoryNotice.Article(type, decision, item.Details.GetValueOrDefault("method")));
    }

    /// <summary>Complaint routes are named for the items not fully granted, "data not held" included (APPI Art. 40).</summary>
    public static DecisionLetter Of(
        DataControllerProfile controller, ProcedureProfile profile, string requesterName, string reference, DateOnly letterDate, DateOnly receivedOn,
        IReadOnlyList<DecidedItem> items, DecisionOutcome outcome) =>
        new(controller, profile, requesterName, reference, letterDate, receivedOn, items, outcome,
            ComplaintRoutes.For(profile, items.Where(i => i.Decision.Outcome != DecisionOutcome.Fulfilled || i.Decision.Method is not null).Select(i => i.Type.Id)));
}
