using PrivacyPortal.Domain.Audit;
using PrivacyPortal.Domain.Common;
using PrivacyPortal.Domain.Controllers;
using PrivacyPortal.Domain.Deadlines;
using PrivacyPortal.Domain.Requests;
using PrivacyPortal.Domain.Tests.Audit;
using PrivacyPortal.Domain.Tests.Controllers;
using PrivacyPortal.Domain.Tests.Requests;

namespace PrivacyPortal.Domain.Tests.Cases;

/// <summary>Each request type is answered on its own, with the grounds its article allows (LEGAL.md, "Grounds belong to an article and a type").</summary>
public sealed class ItemDecisionTests
{
    private static readonly DateTime Now = new(2026, 11, 24, 1, 0, 0, DateTimeKind.Utc);
    private static readonly IdentityCheck GoodCheck = new("passport", true, true, true, true, null);

    private static readonly ProcedureProfile Profile = ProfileBuilder.Appi() with
    {
        Regimes = ["appi", "gdpr"],
        RequestTypes = [.. RequestType.All.Select(t => ProfileBuilder.Offer(t.Id))],
    };

    private static readonly DeadlineRules Rules = DeadlineRules.For(Profile);

    private static PrivacyRequest InReview(Dictionary<string, Dictionary<string, string>>? details = null, params string[] types) =>
        (PrivacyRequestBuilder.For(Profile).WithTypes(types).FiledAt(Now) with
        {
            Details = details?.ToDictionary(d => d.Key, d => (IReadOnlyDictionary<string, string>)d.Value, StringComparer.Ordinal) ?? [],
        }).InReview(GoodCheck);

    private static void Refused(string code, Action action) =>
        Assert.Equal(code, Assert.Throws<DomainException>(action).Code);

    private static ItemAnswer Answer(DecisionOutcome outcome, string[]? grounds = null, string? reasons = null, string? changes = null) =>
        new(outcome, grounds ?? [], reasons, changes);

    [Fact]
    public void ACombinedRequest_IsDecidedItemByItem_AndIsDecidedWithItsLastItem()
    {
        var request = InReview(null, "disclosure", "correction", "stop-provision");

        request.Decide("o", "disclosure", Answer(DecisionOutcome.Fulfilled), Profile, Rules, Now);
        Assert.Equal(RequestStatus.InReview, request.Status);
        Assert.Null(request.DecisionLetter);
        Assert.Equal("item-decided", request.AuditEvents[^1].Action);
        Assert.Equal(AuditDetail.Of("item-decided", "disclosure", "Fulfilled", string.Empty), AuditDetail.Parse(request.AuditEvents[^1].Detail), AuditDetailComparer.Instance);
        Refused("decide.item-decided", () => request.Decide("o", "disclosure", Answer(DecisionOutcome.Fulfilled), Profile, Rules, Now));
        Refused("decide.item", () => request.Decide("o", "erasure", Answer(DecisionOutcome.Fulfilled), Profile, Rules, Now));

        // APPI Art. 34(3): the correction's notice states what was corrected.
        Refused("decide.changes", () => request.Decide("o", "correction", Answer(DecisionOutcome.Fulfilled), Profile, Rules, Now));
        request.Decide("o", "correction", Answer(DecisionOutcome.Fulfilled, changes: "Address changed to the one given."), Profile, Rules, Now);
        Assert.Equal("Address changed to the one given.", request.Items[1].Decision!.Changes);

        request.Decide("o", "stop-provision", Answer(DecisionOutcome.Refused, ["appi-35-3-not-met"], "No provision to third parties takes place."), Profile, Rules, Now);

        Assert.Equal((RequestStatus.Decided, DecisionOutcome.PartiallyFulfilled), (request.Status, request.Outcome));
        Assert.Equal(["appi-35-3-not-met"], request.DecisionGrounds);
        Assert.Single(request.Letters, l => l.Kind == LetterKind.Decision);
        Assert.Equal(["item-decided", "item-decided", "item-decided", "decided"], request.AuditEvents.Where(e => e.Action.Contains("decided", StringComparison.Ordinal)).Select(e => e.Action));
    }

    [Fact]
    public void EveryItemFulfilled_MakesTheRequestFulfilled()
    {
        var request = InReview(null, "disclosure", "purpose-notification");

        request.Decide("o", "purpose-notification", Answer(DecisionOutcome.Fulfilled), Profile, Rules, Now);
        request.Decide("o", "disclosure", Answer(DecisionOutcome.Fulfilled), Profile, Rules, Now);

        Assert.Equal(DecisionOutcome.Fulfilled, request.Outcome);
    }

    public static TheoryData<string, string[]> StatutoryGroundsByType => new()
    {
        { "purpose-notification", ["appi-32-2-1", "appi-32-2-2"] },
        { "disclosure", ["appi-33-2-1", "appi-33-2-2", "appi-33-2-3", "appi-33-4"] },
        { "third-party-records", ["appi-33-2-1", "appi-33-2-2", "appi-33-2-3", "appi-33-5-excluded"] },
        { "correction", ["appi-34-accurate", "appi-34-other-law"] },
        { "suspension", ["appi-35-1-not-met", "appi-35-2-alternative"] },
        { "stop-provision", ["appi-35-3-not-met", "appi-35-4-alternative"] },
        { "access", ["gdpr-12-5-b", "gdpr-15-4"] },
        { "rectification", ["gdpr-12-5-b", "gdpr-16-accurate"] },
        { "erasure", ["gdpr-12-5-b", "gdpr-17-1-not-met", "gdpr-17-3-a", "gdpr-17-3-b", "gdpr-17-3-c", "gdpr-17-3-d", "gdpr-17-3-e"] },
        { "restriction", ["gdpr-12-5-b", "gdpr-18-1-not-met"] },
        { "portability", ["gdpr-12-5-b", "gdpr-20-1-not-met", "gdpr-20-4"] },
        { "objection", ["gdpr-12-5-b", "gdpr-21-1"] },
        { "withdraw-consent", [] },
    };

    [Theory]
    [MemberData(nameof(StatutoryGroundsByType))]
    public void EachStatutoryGround_AnswersOnlyTheTypesItsArticleNames(string type, string[] expected)
    {
        Assert.Equal(expected.Order(StringComparer.Ordinal), DecisionGround.For(Profile, [type]).Select(g => g.Code).Order(StringComparer.Ordinal));
        Assert.All(DecisionGround.For(Profile, [type]), g => Assert.Equal(RequestType.Find(type)!.Regime, g.Regime));
    }

    [Fact]
    public void AGroundOfAnotherType_IsRefused()
    {
        var request = InReview(null, "correction");

        Refused("decide.unknown-ground", () => request.Decide("o", "correction", Answer(DecisionOutcome.Refused, ["appi-33-2-2"], "r"), Profile, Rules, Now));
    }

    [Fact]
    public void AnObjectionToDirectMarketing_HasNoCompellingGrounds_GdprArt21_3()
    {
        var marketing = InReview(new() { ["objection"] = new() { ["ground"] = "direct-marketing" } }, "objection");
        var situation = InReview(new() { ["objection"] = new() { ["ground"] = "particular-situation" } }, "objection");

        Assert.DoesNotContain(DecisionGround.For(Profile, marketing.Items[0]), g => g.Code == "gdpr-21-1");
        Assert.Contains(DecisionGround.For(Profile, situation.Items[0]), g => g.Code == "gdpr-21-1");
        Refused("decide.unknown-ground", () => marketing.Decide("o", "objection", Answer(DecisionOutcome.Refused, ["gdpr-21-1"], "We have a legitimate interest."), Profile, Rules, Now));
        situation.Decide("o", "objection", Answer(DecisionOutcome.Refused, ["gdpr-21-1"], "Fraud prevention outweighs the objection."), Profile, Rules, Now);
        Assert.Equal(DecisionOutcome.Refused, situation.Outcome);
    }

    [Fact]
    public void AWithdrawalOfConsent_CannotBeRefused_GdprArt7_3()
    {
        var request = InReview(null, "withdraw-consent");

        Refused("decide.no-ground-for-type", () => request.Decide("o", "withdraw-consent", Answer(DecisionOutcome.Refused, ["gdpr-12-5-b"], "Repeated."), Profile, Rules, Now));
        request.Decide("o", "withdraw-consent", Answer(DecisionOutcome.Fulfilled), Profile, Rules, Now);
    }

    [Fact]
    public void NotHeld_AnswersOnlyARequestToBeToldOrGivenData_WithReasons_AndIsTheArt33_3Notice()
    {
        var request = InReview(null, "disclosure", "correction");

        Refused("decide.not-held-type", () => request.Decide("o", "correction", Answer(DecisionOutcome.NotHeld, reasons: "r"), Profile, Rules, Now));
        Refused("decide.reasons", () => request.Decide("o", "disclosure", Answer(DecisionOutcome.NotHeld), Profile, Rules, Now));
        request.Decide("o", "disclosure", Answer(DecisionOutcome.NotHeld, reasons: "No account under this name and address."), Profile, Rules, Now);

        Assert.Equal("APPI Art. 33(3)", StatutoryNotice.Article(RequestType.Disclosure, request.Items[0].Decision!, "electronic"));
    }

    [Fact]
    public void PaperInsteadOfTheDesignatedMethod_NeedsReasons_AndIsTheArt33_3Notice()
    {
        var request = InReview(new() { ["disclosure"] = new() { ["data"] = "all", ["method"] = "electronic" } }, "disclosure");

        Refused("decide.method-reasons", () => request.Decide("o", "disclosure", new ItemAnswer(DecisionOutcome.Fulfilled, [], null, Method: "paper"), Profile, Rules, Now));
        Refused("decide.method", () => request.Decide("o", "disclosure", new ItemAnswer(DecisionOutcome.Fulfilled, [], null, Method: "fax", MethodReasons: "r"), Profile, Rules, Now));
        request.Decide("o", "disclosure", new ItemAnswer(DecisionOutcome.Fulfilled, [], null, Method: "paper", MethodReasons: "The records exist only as bound ledgers."), Profile, Rules, Now);

        var decision = request.Items[0].Decision!;
        Assert.Equal(("paper", "The records exist only as bound ledgers."), (decision.Method, decision.MethodReasons));
        Assert.Equal("APPI Art. 33(3)", StatutoryNotice.Article(RequestType.Disclosure, decision, "electronic"));
        Assert.Null(StatutoryNotice.Article(RequestType.Disclosure, decision with { Method = null }, "electronic"));
        Assert.Equal(["paper", "electronic"], AuditDetail.Parse(request.AuditEvents.Last(e => e.Action == "item-decided").Detail)!.Values.TakeLast(2));
    }

    [Fact]
    public void TheCorrectionAndStopNotices_AreDueWhateverTheOutcome_APPIArts34_3And35_7()
    {
        var done = new ItemDecision(DecisionOutcome.Fulfilled, [], null, "c", null, null, Now);

        Assert.Equal("APPI Art. 34(3)", StatutoryNotice.Article(RequestType.Correction, done, null));
        Assert.Equal("APPI Art. 35(7)", StatutoryNotice.Article(RequestType.StopProvision, done, null));
        Assert.Null(StatutoryNotice.Article(RequestType.Access, done, null));
        Assert.Equal("GDPR Art. 12(4)", StatutoryNotice.Article(RequestType.Access, done with { Outcome = DecisionOutcome.Refused }, null));
    }

    [Fact]
    public void AGdprRefusal_IsPossibleOnlyWithinOneMonthOfReceipt_GdprArt12_4()
    {
        var late = InReview(null, "access");
        var inTime = InReview(null, "access");
        var afterTheMonth = Now.AddDays(31);

        Refused("decide.gdpr-late", () => late.Decide("o", "access", Answer(DecisionOutcome.Refused, ["gdpr-12-5-b"], "Fourth identical request this month."), Profile, Rules, afterTheMonth));
        late.Decide("o", "access", Answer(DecisionOutcome.Fulfilled), Profile, Rules, afterTheMonth);
        inTime.Decide("o", "access", Answer(DecisionOutcome.Refused, ["gdpr-12-5-b"], "Fourth identical request this month."), Profile, Rules, Now.AddDays(29));
        Assert.Equal(DecisionOutcome.Refused, inTime.Outcome);
    }

    [Fact]
    public void TheArt39Date_AppliesOnlyToTheTypesArt39Covers_AndGoesOnceRefused()
    {
        var purpose = InReview(null, "purpose-notification");
        var disclosure = InReview(null, "disclosure");

        Assert.Null(purpose.Deadlines(Rules, DateOnly.FromDateTime(Now)).Single().Find(DeadlineKind.EarliestSuit));
        Assert.NotNull(disclosure.Deadlines(Rules, DateOnly.FromDateTime(Now)).Single().Find(DeadlineKind.EarliestSuit));

        disclosure.Decide("o", "disclosure", Answer(DecisionOutcome.Refused, ["appi-33-2-2"], "Ongoing investigation."), Profile, Rules, Now);

        // Art. 39(1) proviso: after a refusal there is no wait before suing.
        Assert.Null(disclosure.Deadlines(Rules, DateOnly.FromDateTime(Now)).Single().Find(DeadlineKind.EarliestSuit));
    }

    [Fact]
    public void RefusingForUnconfirmedIdentity_DecidesEveryItem_WithItsRegimesGround()
    {
        var request = PrivacyRequestBuilder.For(Profile).WithTypes("purpose-notification", "access").FiledAt(Now)
            .WithDetails("purpose-notification", new Dictionary<string, string>())
            .WithDetails("access", new Dictionary<string, string>())
            .Received();

        request.RefuseUnconfirmedIdentity("o", "The documents never arrived.", Rules, Now);

        Assert.Equal(["appi-37-1-identity"], request.Items[0].Decision!.Grounds);
        Assert.Equal(["gdpr-12-6-identity"], request.Items[1].Decision!.Grounds);
        Assert.All(request.Items, i => Assert.Equal(DecisionOutcome.Refused, i.Decision!.Outcome));
    }
}
