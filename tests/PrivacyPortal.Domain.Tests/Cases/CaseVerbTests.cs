using PrivacyPortal.Domain.Audit;
using PrivacyPortal.Domain.Calendars;
using PrivacyPortal.Domain.Common;
using PrivacyPortal.Domain.Controllers;
using PrivacyPortal.Domain.Deadlines;
using PrivacyPortal.Domain.Fees;
using PrivacyPortal.Domain.Notices;
using PrivacyPortal.Domain.Requests;
using PrivacyPortal.Domain.Tests.Audit;
using PrivacyPortal.Domain.Tests.Controllers;
using PrivacyPortal.Domain.Tests.Requests;

namespace PrivacyPortal.Domain.Tests.Cases;

/// <summary>The officers' verbs on the request aggregate: each allowed move, each refused one and its message.</summary>
public sealed class CaseVerbTests
{
    // Tuesday 2026-11-24, 10:00 in Tokyo.
    private static readonly DateTime Now = new(2026, 11, 24, 1, 0, 0, DateTimeKind.Utc);
    private static readonly IdentityCheck GoodCheck = new("passport", true, true, true, true, null);

    private static readonly FeeSchedule Fee = ProfileBuilder.PublishedFee(1000) with
    {
        Payment = new PaymentTerms { Status = PublicationStatus.Published, WindowDays = 14, WhenUnpaid = "deemed-not-made" },
    };

    private static readonly ProcedureProfile Profile = ProfileBuilder.Appi(Fee);
    private static readonly DeadlineRules Rules = DeadlineRules.For(Profile);

    private static readonly ProcedureProfile GdprProfile = Profile with
    {
        Regimes = ["appi", "gdpr"],
        RequestTypes = [.. Profile.RequestTypes, ProfileBuilder.Offer("access"), ProfileBuilder.Offer("erasure")],
    };

    private static PrivacyRequest Received(ProcedureProfile? profile = null, Agent? agent = null, params string[] types) =>
        PrivacyRequestBuilder.For(profile ?? Profile).WithAgent(agent).WithTypes(types).FiledAt(Now).Received();

    private static readonly Agent Agent = new()
    {
        Kind = AgentKind.AppointedAgent, FullName = "Taro Dairi", Email = "agent@example.jp", PostalCode = "100-0001", Address = "Tokyo",
    };

    /// <summary>An agent's request, identity and authority checked, decided on the merits and printed.</summary>
    private static PrivacyRequest DecidedForAnAgent()
    {
        var request = Received(agent: Agent);
        request.VerifyIdentity("o", GoodCheck with { AgentAuthorityShown = true }, Profile, Rules, Now);
        request.Decide("o", "disclosure", new ItemAnswer(DecisionOutcome.Fulfilled, [], null), Profile, Rules, Now);
        return Printed(request);
    }

    private static PrivacyRequest Verified()
    {
        var request = Received();
        request.VerifyIdentity("officer", GoodCheck, Profile, Rules, Now);
        return request;
    }

    private static void Refused(string code, Action action) =>
        Assert.Equal(code, Assert.Throws<DomainException>(action).Code);

    [Fact]
    public void Verifying_MovesToReview_WithTheChecklistOnTheTimeline()
    {
        var request = Received();
        var version = request.Version;

        request.VerifyIdentity("officer@example.jp", GoodCheck, Profile, Rules, Now);

        Assert.Equal(RequestStatus.InReview, request.Status);
        Assert.True(request.IdentityVerified);
        Assert.True(request.Version > version);
        var e = request.AuditEvents[^1];
        Assert.Equal(("officer@example.jp", "identity-verified", "Received", "InReview"), (e.Actor, e.Action, e.FromStatus, e.ToStatus));
        Assert.Equal(AuditDetail.Of("identity-checked", "passport"), AuditDetail.Parse(e.Detail), AuditDetailComparer.Instance);
    }

    [Theory]
    [InlineData("drivers-licence", true, true, true, true, "identity.kind")]
    [InlineData("passport", false, true, true, true, "identity.mismatch")]
    [InlineData("passport", true, false, true, true, "identity.mismatch")]
    [InlineData("passport", true, true, false, true, "identity.expired")]
    [InlineData("passport", true, true, true, false, "identity.unmasked")]
    public void AnUntickedBox_RefusesVerification_AndChangesNothing(string kind, bool name, bool address, bool valid, bool masked, string code)
    {
        var request = Received();
        var events = request.AuditEvents.Count;

        Refused(code, () => request.VerifyIdentity("officer", new IdentityCheck(kind, name, address, valid, masked, null), Profile, Rules, Now));

        Assert.Equal(RequestStatus.Received, request.Status);
        Assert.Equal(events, request.AuditEvents.Count);
    }

    [Fact]
    public void AnAgentsRequest_NeedsTheAgentsAuthority()
    {
        var profile = Profile with { Identity = Profile.Identity with { AppointedAgent = Profile.Identity.AppointedAgent with { Accepted = true } } };
        var request = Received(profile, new Agent { Kind = AgentKind.AppointedAgent, FullName = "Agent", Email = "agent@example.jp" });

        Refused("identity.agent", () => request.VerifyIdentity("officer", GoodCheck, profile, Rules, Now));
        request.VerifyIdentity("officer", GoodCheck with { AgentAuthorityShown = true }, profile, Rules, Now);

        Assert.Equal(RequestStatus.InReview, request.Status);
    }

    [Fact]
    public void VerifyingTwice_IsRefused() =>
        Refused("identity.already", () => Verified().VerifyIdentity("officer", GoodCheck, Profile, Rules, Now));

    [Fact]
    public void MoreNeeded_PausesTheClock_TellsTheRequester_AndADocumentResumesIt()
    {
        var request = Received();
        var dueBefore = request.DueOn;

        request.RequestMoreIdentity("officer", "The passport copy is unreadable.", Rules, Now);

        Assert.Equal(RequestStatus.AwaitingIdentity, request.Status);
        var pause = Assert.Single(request.Pauses);
        Assert.Equal((new DateOnly(2026, 11, 24), (DateOnly?)null, PauseReason.AwaitingIdentityDocuments), (pause.From, pause.To, pause.Reason));
        var notice = request.Notices[^1];
        Assert.Equal((NoticeKind.DocumentsNeeded, "The passport copy is unreadable."), (notice.Kind, notice.Detail));

        // Five days later the requester uploads a new copy: five days paused, the due date moves by five.
        request.AddDocument(new RequestDocument(Guid.NewGuid(), DocumentParty.Requester, "id.pdf", "application/pdf", 10, "x", "sha", Now.AddDays(5)), Rules, Now.AddDays(5));

        Assert.Equal(RequestStatus.InReview, request.Status);
        Assert.Equal(new DateOnly(2026, 11, 29), request.Pauses[0].To);
        Assert.Equal(dueBefore!.Value.AddDays(5), request.Deadlines(Rules, new DateOnly(2026, 11, 29)).Single().DueOn);
        Assert.Equal(dueBefore.Value.AddDays(5), request.DueOn);
    }

    [Fact]
    public void MoreNeeded_NeedsAReason_AndIsRefusedOnceVerifiedOrWhileWaiting()
    {
        Refused("reason.required", () => Received().RequestMoreIdentity("officer", "  ", Rules, Now));
        Refused("identity.already", () => Verified().RequestMoreIdentity("officer", "x", Rules, Now));
        var waiting = Received();
        waiting.RequestMoreIdentity("officer", "x", Rules, Now);
        Refused("status.refused", () => waiting.RequestMoreIdentity("officer", "again", Rules, Now));
    }

    [Fact]
    public void RequestingTheFee_PausesTheClock_WithAmountAndWindowInTheNotice()
    {
        var request = Verified();

        request.RequestFee("officer", FeeQuote.For(Profile, ["disclosure"]), Rules, Now);

        Assert.Equal(RequestStatus.AwaitingFee, request.Status);
        Assert.Equal((FeeStatus.Requested, 1100L, new DateOnly(2026, 12, 8)), (request.Fee.Status, request.Fee.AmountMinor!.Value, request.Fee.PayBy!.Value));
        Assert.Equal(PauseReason.AwaitingFee, Assert.Single(request.Pauses).Reason);
        Assert.Equal((NoticeKind.FeeDue, new FeeDueDetail(1100, "JPY", new DateOnly(2026, 12, 8), null)), (request.Notices[^1].Kind, FeeDueDetail.Parse(request.Notices[^1].Detail)));
    }

    [Fact]
    public void AFee_IsRefusedWhenNoneIsPublished_OrAskedTwice()
    {
        Refused("fee.none", () => Verified().RequestFee("officer", FeeQuote.For(ProfileBuilder.Appi(), ["disclosure"]), Rules, Now));
        var request = Verified();
        request.RequestFee("officer", FeeQuote.For(Profile, ["disclosure"]), Rules, Now);
        request.WaiveFee("officer", "Hardship", Rules, Now);
        Refused("fee.already", () => request.RequestFee("officer", FeeQuote.For(Profile, ["disclosure"]), Rules, Now));
    }

    [Fact]
    public void WhereThePolicyLeavesTheWindowToTheCompany_TheOfficerSetsIt()
    {
        var open = ProfileBuilder.Appi(Fee with { Payment = Fee.Payment with { WindowDays = null } });
        var request = Verified();

        Refused("fee.pay-by", () => request.RequestFee("o", FeeQuote.For(open, ["disclosure"]), Rules, Now, new DateOnly(2026, 11, 24)));
        Refused("fee.window-published", () => Verified().RequestFee("o", FeeQuote.For(Profile, ["disclosure"]), Rules, Now, new DateOnly(2026, 12, 31)));
        request.RequestFee("o", FeeQuote.For(open, ["disclosure"]), Rules, Now, new DateOnly(2026, 12, 24));

        Assert.Equal(new DateOnly(2026, 12, 24), request.Fee.PayBy);

        // A fee request nobody can act on (no last day) is never sent.
        Refused("fee.pay-by-required", () => Verified().RequestFee("o", FeeQuote.For(open, ["disclosure"]), Rules, Now));
    }

    [Fact]
    public void RecordingThePayment_ResumesTheClockOnThePaymentDay()
    {
        var request = Verified();
        request.RequestFee("officer", FeeQuote.For(Profile, ["disclosure"]), Rules, Now);

        request.RecordPayment("officer", "Bank transfer", new DateOnly(2026, 11, 27), "R-123", Rules, Now.AddDays(4));

        Assert.Equal(RequestStatus.InReview, request.Status);
        Assert.Equal((FeeStatus.Paid, "Bank transfer", "R-123"), (request.Fee.Status, request.Fee.PaymentMethod, request.Fee.ReceiptNumber));
        Assert.Equal(new DateOnly(2026, 11, 27), request.Pauses[0].To);
        Assert.Equal(new DateOnly(2026, 12, 8).AddDays(3), request.DueOn);
    }

    [Theory]
    [InlineData("", "R-1", 0, "fee.method")]
    [InlineData("Cash", "", 0, "fee.receipt")]
    [InlineData("Cash", "R-1", 1, "fee.paid-on")]
    [InlineData("Cash", "R-1", -1, "fee.paid-on")]
    public void ABadPayment_IsRefused(string method, string receipt, int daysFromToday, string code)
    {
        var request = Verified();
        request.RequestFee("officer", FeeQuote.For(Profile, ["disclosure"]), Rules, Now);

        Refused(code, () => request.RecordPayment("officer", method, new DateOnly(2026, 11, 24).AddDays(daysFromToday), receipt, Rules, Now));
        Assert.Equal(RequestStatus.AwaitingFee, request.Status);
    }

    [Fact]
    public void PaymentOrWaiver_WithoutAFeeAwaited_IsRefused()
    {
        Refused("fee.not-awaited", () => Verified().RecordPayment("officer", "Cash", new DateOnly(2026, 11, 24), "R", Rules, Now));
        Refused("fee.not-awaited", () => Verified().WaiveFee("officer", "why", Rules, Now));
    }

    [Fact]
    public void AnUnpaidFee_ExpiresOnlyAfterTheWindow_AndOnlyWhereThePolicySaysSo()
    {
        var request = Verified();
        request.RequestFee("officer", FeeQuote.For(Profile, ["disclosure"]), Rules, Now);

        var officerDecides = ProfileBuilder.Appi(Fee with { Payment = Fee.Payment with { WhenUnpaid = "not-published" } });

        Refused("fee.window-open", () => request.ExpireFee("system", Profile, Now.AddDays(14)));
        Assert.False(request.FeeExpires(officerDecides, new DateOnly(2026, 12, 9)));
        Refused("fee.not-deemed", () => request.ExpireFee("system", officerDecides, Now.AddDays(15)));
        Assert.True(request.FeeExpires(Profile, new DateOnly(2026, 12, 9)));
        request.ExpireFee("system", Profile, Now.AddDays(15));

        Assert.Equal(RequestStatus.DeemedWithdrawn, request.Status);
        Assert.Equal(FeeStatus.Expired, request.Fee.Status);
        Assert.Equal(NoticeKind.FeeExpired, request.Notices[^1].Kind);
        Assert.All(request.Pauses, p => Assert.False(p.IsOngoing));
    }

    [Fact]
    public void Deciding_QueuesTheLetter_AndTheAnswerGoesOutOnlyOnceItIsPrinted()
    {
        var request = Verified();

        request.Decide("officer", "disclosure", new ItemAnswer(DecisionOutcome.Fulfilled, [], null), Profile, Rules, Now);

        Assert.Equal((RequestStatus.Decided, DecisionOutcome.Fulfilled), (request.Status, request.Outcome));
        Assert.False(request.IsOpen);
        var letter = request.DecisionLetter!;
        Assert.Equal((LetterStatus.Pending, "en"), (letter.Status, letter.Language));
        Assert.DoesNotContain(request.Notices, n => n.Kind == NoticeKind.DecisionAvailable);
        Refused("answer.letter", () => request.SendAnswer("officer", Now));

        request.LetterFailed(letter.Id, "Chromium is not installed", Now);
        request.LetterFailed(letter.Id, "Chromium is not installed", Now.AddMinutes(1));
        Assert.Equal((2, Now.AddMinutes(3)), (letter.Attempts, letter.NextAttemptAtUtc!.Value));
        Assert.Single(request.AuditEvents, e => e.Action == "letter-failed");

        request.LetterPrinted(letter.Id, "l.bin", "abc123", 2048, Now.AddMinutes(5));
        Assert.Contains(request.AuditEvents, e => e.Action == "letter-printed" && AuditDetail.Parse(e.Detail)!.Values[^1] == "abc123");
        request.SendAnswer("officer", Now.AddMinutes(6));

        Assert.Equal(RequestStatus.Answered, request.Status);
        Assert.Equal((NoticeKind.DecisionAvailable, letter.Id.ToString()), (request.Notices[^1].Kind, request.Notices[^1].Detail));
        Refused("status.refused", () => request.SendAnswer("officer", Now));
    }

    [Fact]
    public void ARefusal_CarriesGroundsAndReasons()
    {
        var request = Verified();
        Refused("decide.grounds", () => request.Decide("o", "disclosure", new ItemAnswer(DecisionOutcome.Refused, [], "reasons"), Profile, Rules, Now));
        Refused("decide.reasons", () => request.Decide("o", "disclosure", new ItemAnswer(DecisionOutcome.Refused, ["appi-33-2-2"], " "), Profile, Rules, Now));
        Refused("decide.unknown-ground", () => request.Decide("o", "disclosure", new ItemAnswer(DecisionOutcome.Refused, ["appi-34-accurate"], "reasons"), Profile, Rules, Now));
        Refused("decide.no-grounds", () => request.Decide("o", "disclosure", new ItemAnswer(DecisionOutcome.Fulfilled, ["appi-33-2-2"], null), Profile, Rules, Now));
        Refused("decide.reasons", () => request.Decide("o", "disclosure", new ItemAnswer(DecisionOutcome.NotHeld, [], null), Profile, Rules, Now));

        request.Decide("o", "disclosure", new ItemAnswer(DecisionOutcome.Refused, ["appi-33-2-2"], "Disclosing would seriously interfere with an ongoing investigation."), Profile, Rules, Now);

        Assert.Equal(["appi-33-2-2"], request.DecisionGrounds);
        Assert.Equal(AuditDetail.Of("outcome-grounds", "Refused", "appi-33-2-2"), AuditDetail.Parse(request.AuditEvents[^1].Detail), AuditDetailComparer.Instance);
        Assert.Equal(AuditDetail.Of("item-decided-grounds", "disclosure", "Refused", "appi-33-2-2"), AuditDetail.Parse(request.AuditEvents[^2].Detail), AuditDetailComparer.Instance);
    }

    [Fact]
    public void Deciding_NeedsVerifiedIdentity_ASettledFee_AndReview()
    {
        Refused("status.refused", () => Received().Decide("o", "disclosure", new ItemAnswer(DecisionOutcome.Fulfilled, [], null), Profile, Rules, Now));

        var unverified = Received();
        unverified.RequestFee("o", FeeQuote.For(Profile, ["disclosure"]), Rules, Now);
        unverified.WaiveFee("o", "goodwill", Rules, Now);
        Refused("decide.identity", () => unverified.Decide("o", "disclosure", new ItemAnswer(DecisionOutcome.Fulfilled, [], null), Profile, Rules, Now));

        var unpaid = Verified();
        unpaid.RequestFee("o", FeeQuote.For(Profile, ["disclosure"]), Rules, Now);
        Refused("status.refused", () => unpaid.Decide("o", "disclosure", new ItemAnswer(DecisionOutcome.Fulfilled, [], null), Profile, Rules, Now));

        var decided = Verified();
        decided.Decide("o", "disclosure", new ItemAnswer(DecisionOutcome.Fulfilled, [], null), Profile, Rules, Now);
        Refused("status.refused", () => decided.Decide("o", "disclosure", new ItemAnswer(DecisionOutcome.Fulfilled, [], null), Profile, Rules, Now));
    }

    [Fact]
    public void GroundsOffered_FollowTheRequestsRegimesAndTypes_PlusThePolicysOwnForTheTypesItNames()
    {
        var profile = GdprProfile with
        {
            RefusalGrounds = new RefusalGrounds { Status = PublicationStatus.Published, Grounds = [new RefusalGround { Code = "trade-secret", Text = LocalizedText.Of("営業秘密", "Trade secret"), Types = ["disclosure"] }], Source = "s" },
        };

        var codes = DecisionGround.For(profile, ["disclosure", "erasure"]).Select(g => g.Code).ToList();

        Assert.Contains("appi-33-2-1", codes);
        Assert.Contains("gdpr-17-3-e", codes);
        Assert.Contains("gdpr-12-5-b", codes);
        Assert.Contains("policy-trade-secret", codes);
        Assert.DoesNotContain("appi-34-accurate", codes);
        Assert.DoesNotContain("gdpr-15-4", codes);
        Assert.DoesNotContain("policy-trade-secret", DecisionGround.For(profile, ["correction", "suspension"]).Select(g => g.Code));
    }

    [Fact]
    public void AGdprRequest_ExtendsOnce_WithinTheFirstMonth_ToThreeMonths()
    {
        var request = Received(GdprProfile, null, "access");

        request.Extend("officer", "Many systems to search.", Rules, Now.AddDays(10));

        Assert.True(request.Extended);
        Assert.Equal(new DateOnly(2027, 2, 24), request.DueOn);
        Assert.Equal((NoticeKind.Extended, "Many systems to search."), (request.Notices[^1].Kind, request.Notices[^1].Detail));
        Refused("extend.once", () => request.Extend("officer", "again", Rules, Now.AddDays(11)));
    }

    [Fact]
    public void AnExtension_IsRefusedForAppi_AfterTheFirstMonth_AndWithoutReasons()
    {
        Refused("extend.not-gdpr", () => Received().Extend("o", "reasons", Rules, Now));
        Refused("extend.too-late", () => Received(GdprProfile, null, "access").Extend("o", "reasons", Rules, Now.AddDays(32)));
        Refused("reason.required", () => Received(GdprProfile, null, "access").Extend("o", "", Rules, Now));
    }

    [Fact]
    public void NotesAndAssignment_AreRecorded_WithoutChangingTheStatus()
    {
        var request = Received();

        request.AddNote("officer", "Called the requester.", Now);
        request.Assign("admin", "officer-1", Now);
        request.Assign("admin", "officer-1", Now);

        Assert.Equal(RequestStatus.Received, request.Status);
        Assert.Equal("Called the requester.", Assert.Single(request.Notes).Text);
        Assert.Equal("officer-1", request.AssignedTo);
        Assert.Equal(["note-added", "assigned"], request.AuditEvents.Skip(2).Select(e => e.Action));
        Assert.Equal(AuditDetail.Of("assigned", "-", "officer-1"), AuditDetail.Parse(request.AuditEvents[^1].Detail), AuditDetailComparer.Instance);
        Refused("note.required", () => request.AddNote("officer", " ", Now));
        Refused("text.too-long", () => request.AddNote("officer", new string('x', CaseNote.MaxTextLength + 1), Now));
    }

    [Fact]
    public void WithdrawingOnTheRequestersBehalf_EndsThePause_AndKeepsTheReason()
    {
        var request = Received();
        request.RequestMoreIdentity("officer", "x", Rules, Now);

        request.Withdraw("officer", Now.AddDays(2), "Asked by phone");

        Assert.Equal(RequestStatus.Withdrawn, request.Status);
        // What the officer typed is kept apart from the chained detail, under a salted digest.
        Assert.Null(request.AuditEvents[^1].Detail);
        Assert.Equal("Asked by phone", request.AuditEvents[^1].Text!.Value);
        Assert.NotNull(request.AuditEvents[^1].TextDigest);
        Assert.False(request.Pauses[0].IsOngoing);
        Refused("status.refused", () => request.Withdraw("officer", Now, null));
    }

    [Fact]
    public void IdentityDocuments_LeaveTheRequestOnlyOnceIdentityIsVerified()
    {
        var request = Received();
        request.AddDocument(new RequestDocument(Guid.NewGuid(), DocumentParty.Requester, "id.pdf", "application/pdf", 10, "x", "sha", Now), Rules, Now);

        Assert.Empty(request.PurgeIdentityDocuments(Profile, Now));
        request.VerifyIdentity("officer", GoodCheck, Profile, Rules, Now);
        var keeping = Profile with { Identity = Profile.Identity with { KeepDocumentImagesAfterVerification = true } };
        Assert.Empty(request.PurgeIdentityDocuments(keeping, Now));
        Assert.Single(request.Documents);
        var purged = request.PurgeIdentityDocuments(Profile, Now);

        Assert.Equal("id.pdf", Assert.Single(purged).FileName);
        Assert.Empty(request.Documents);
        Assert.Equal("documents-purged", request.AuditEvents[^1].Action);
        Assert.Empty(request.PurgeIdentityDocuments(Profile, Now));
    }

    [Fact]
    public void AtTheEndOfRetention_PersonalDataIsErased_ButNeverOnLegalHold_NorWhileOpen()
    {
        var request = Verified();
        var kept = Profile.KeptOneYear();
        Refused("purge.open", () => request.PurgePersonalData(kept, Now));
        request.AddNote("officer", "Called Hanako Yamada", Now);
        request.Withdraw("officer", Now, "asked by phone");
        Assert.Equal(Now, request.CompletedAtUtc);

        request.PlaceLegalHold("officer", "Complaint pending at JIPDEC", Now);
        Refused("hold.already", () => request.PlaceLegalHold("officer", "again", Now));
        Refused("purge.hold", () => request.PurgePersonalData(kept, Now.AddYears(2)));
        request.ReleaseLegalHold("officer", Now);
        Refused("hold.none", () => request.ReleaseLegalHold("officer", Now));
        request.PurgePersonalData(kept, Now.AddYears(2));

        Assert.Equal(("-", "-"), (request.Requester.FullName, request.Requester.Email));
        Assert.Empty(request.Notes);
        Assert.All(request.Items, i => Assert.Empty(i.Details));
        Assert.Equal(Now.AddYears(2), request.PurgedAtUtc);
        Assert.Equal("EX-2026-000001", request.Reference);
        Assert.Equal("purged", request.AuditEvents[^1].Action);
        Refused("hold.purged", () => request.PlaceLegalHold("officer", "too late", Now.AddYears(2)));
    }

    [Fact]
    public void IdentityThatCannotBeConfirmed_EndsTheRequestAsARefusal_AndEndsThePause()
    {
        var request = Received(GdprProfile, null, "access");
        request.RequestMoreIdentity("officer", "The copy is unreadable.", Rules, Now);
        var dueWhilePaused = request.Deadlines(Rules, JapanTime.DateOf(new DateTimeOffset(Now.AddDays(5), TimeSpan.Zero)))[0].DueOn;
        Refused("reason.required", () => request.RefuseUnconfirmedIdentity("officer", " ", Rules, Now.AddDays(5)));

        request.RefuseUnconfirmedIdentity("officer", "No readable document arrived.", Rules, Now.AddDays(5));

        Assert.Equal((RequestStatus.Decided, DecisionOutcome.Refused), (request.Status, request.Outcome));
        Assert.Equal(["gdpr-12-6-identity"], request.DecisionGrounds);
        Assert.Equal("No readable document arrived.", request.DecisionReasons);
        Assert.All(request.Pauses, p => Assert.False(p.IsOngoing));
        Assert.Equal(LetterKind.Decision, request.Letters[^1].Kind);
        Assert.Equal("refused-identity-not-confirmed", request.AuditEvents[^1].Action);

        // The pause no longer grows: the due date is the same a month later as on the day of the refusal.
        var today = JapanTime.DateOf(new DateTimeOffset(Now.AddDays(5), TimeSpan.Zero));
        Assert.Equal(request.Deadlines(Rules, today)[0].DueOn, request.Deadlines(Rules, today.AddDays(30))[0].DueOn);
        Assert.Equal(dueWhilePaused, request.Deadlines(Rules, today)[0].DueOn);
    }

    [Fact]
    public void TheIdentityRefusal_CitesEachRegimesArticle_AndIsNotForAVerifiedOrAnsweredRequest()
    {
        var appi = Received();
        appi.RefuseUnconfirmedIdentity("officer", "The agent's power of attorney was not sent.", Rules, Now);
        Assert.Equal(["appi-37-1-identity"], appi.DecisionGrounds);
        Refused("status.refused", () => appi.RefuseUnconfirmedIdentity("officer", "again", Rules, Now));

        var both = Received(GdprProfile, null, "disclosure", "access");
        both.RefuseUnconfirmedIdentity("officer", "Not confirmed.", Rules, Now);
        Assert.Equal(["appi-37-1-identity", "gdpr-12-6-identity"], both.DecisionGrounds);

        Refused("identity.verified-decide", () => Verified().RefuseUnconfirmedIdentity("officer", "Not confirmed.", Rules, Now));
        Assert.DoesNotContain(DecisionGround.For(Profile, ["disclosure"]), g => g.Code == "appi-37-1-identity");
        Assert.Contains(DecisionGround.Cited(Profile, ["disclosure"]), g => g.Code == "appi-37-1-identity");
    }

    [Fact]
    public void PersonalData_IsErasedFromTheDayRetentionEnds_AndNeverBefore()
    {
        var kept = Profile.KeptOneYear();
        var request = Verified();
        request.Withdraw("officer", Now);
        // Completed 2026-11-24 (JST); one year from completion: kept until 2027-11-24, disposed of from 2027-11-25.
        var lastKeptMinute = new DateTime(2027, 11, 24, 14, 59, 0, DateTimeKind.Utc);
        var disposalDay = new DateTime(2027, 11, 24, 15, 0, 0, DateTimeKind.Utc);

        Assert.Equal(new DateOnly(2027, 11, 25), request.Retention(kept)!.DisposeFrom);
        Assert.False(request.RetentionEnded(kept, lastKeptMinute));
        Refused("purge.retention", () => request.PurgePersonalData(kept, lastKeptMinute));
        // A policy that publishes no period keeps the records until one is set.
        Assert.Null(request.Retention(Profile));
        Refused("purge.retention", () => request.PurgePersonalData(Profile, Now.AddYears(10)));
        Assert.NotEqual("-", request.Requester.FullName);

        Assert.True(request.RetentionEnded(kept, disposalDay));
        request.PurgePersonalData(kept, disposalDay);

        Assert.Equal(("-", disposalDay), (request.Requester.FullName, request.PurgedAtUtc));
        Assert.False(request.RetentionEnded(kept, disposalDay));
    }

    /// <summary>A request brought to each status through the verbs themselves.</summary>
    private static readonly Dictionary<string, Func<PrivacyRequest>> Starts = new()
    {
        ["draft"] = () => Draft(),
        ["received"] = () => Received(),
        ["awaiting identity"] = () => Apply(Received(), r => r.RequestMoreIdentity("o", "Send a passport.", Rules, Now)),
        ["awaiting fee"] = () => Apply(Received(), r => r.RequestFee("o", FeeQuote.For(Profile, ["disclosure"]), Rules, Now)),
        ["awaiting fee, verified"] = () => Apply(Verified(), r => r.RequestFee("o", FeeQuote.For(Profile, ["disclosure"]), Rules, Now)),
        ["in review"] = Verified,
        ["in review, unverified"] = () => Apply(Starts!["awaiting identity"](), r => r.AddDocument(new RequestDocument(Guid.NewGuid(), DocumentParty.Requester, "id.pdf", "application/pdf", 10, "x.bin", "sha", Now), Rules, Now)),
        ["decided"] = () => Printed(Apply(Verified(), r => r.Decide("o", "disclosure", new ItemAnswer(DecisionOutcome.Fulfilled, [], null), Profile, Rules, Now))),
        ["answered"] = () => Apply(Starts!["decided"](), r => r.SendAnswer("o", Now)),
        ["closed"] = () => Apply(Starts!["answered"](), r => r.Close("o", Now)),
        ["withdrawn"] = () => Apply(Received(), r => r.Withdraw("o", Now)),
        ["deemed withdrawn"] = () => Apply(Starts!["awaiting fee"](), r => r.ExpireFee("o", Profile, Now.AddDays(20))),
        ["discarded"] = () => Apply(Draft(), r => r.Discard(Now + PrivacyRequest.DraftLifetime)),
        ["filed by an agent"] = () => Received(agent: Agent),
        ["decided for an agent, then the person said they did not ask"] = () => Apply(DecidedForAnAgent(), r => r.RecordPersonObjection("o", "Called the desk.", Now)),
    };

    /// <summary>Every verb that can change the status, with inputs that satisfy its other rules.</summary>
    private static readonly Dictionary<string, Action<PrivacyRequest>> Verbs = new()
    {
        ["confirm"] = r => r.ConfirmEmail("c", "EX-2026-000002", Rules, new IssuedSecret("s3", "sl3"), Now),
        ["add document"] = r => r.AddDocument(new RequestDocument(Guid.NewGuid(), DocumentParty.Requester, "id.pdf", "application/pdf", 10, "x.bin", "sha", Now), Rules, Now),
        ["withdraw"] = r => r.Withdraw("o", Now),
        ["verify"] = r => r.VerifyIdentity("o", GoodCheck, Profile, Rules, Now),
        ["more identity"] = r => r.RequestMoreIdentity("o", "Send a passport.", Rules, Now),
        ["request fee"] = r => r.RequestFee("o", FeeQuote.For(Profile, ["disclosure"]), Rules, Now),
        ["record payment"] = r => r.RecordPayment("o", "stamps", Now.AddDays(1).Date is var d ? DateOnly.FromDateTime(d) : default, "R-1", Rules, Now.AddDays(1)),
        ["waive fee"] = r => r.WaiveFee("o", "goodwill", Rules, Now),
        ["expire fee"] = r => r.ExpireFee("o", Profile, Now.AddDays(20)),
        ["decide"] = r => r.Decide("o", "disclosure", new ItemAnswer(DecisionOutcome.Fulfilled, [], null), Profile, Rules, Now),
        ["refuse identity"] = r => r.RefuseUnconfirmedIdentity("o", "Not confirmed.", Rules, Now),
        ["send answer"] = r => r.SendAnswer("o", Now),
        ["close"] = r => r.Close("o", Now),
        ["discard"] = r => r.Discard(Now + PrivacyRequest.DraftLifetime),
    };

    private static PrivacyRequest Draft() => PrivacyRequestBuilder.For(Profile).FiledAt(Now).Draft();

    private static PrivacyRequest Apply(PrivacyRequest request, Action<PrivacyRequest> verb)
    {
        verb(request);
        return request;
    }

    private static PrivacyRequest Printed(PrivacyRequest request)
    {
        request.LetterPrinted(request.DecisionLetter!.Id, "l.bin", "abc", 10, Now);
        return request;
    }

    [Fact]
    public void Verifying_ACaseAlreadyInReview_KeepsItInReview()
    {
        var request = Starts["in review, unverified"]();

        request.VerifyIdentity("o", GoodCheck, Profile, Rules, Now);

        Assert.Equal(RequestStatus.InReview, request.Status);
        Assert.True(request.IdentityVerified);
    }

    [Fact]
    public void TheTransitionTable_IsExactlyTheMovesTheVerbsMake()
    {
        var made = new HashSet<(RequestStatus From, RequestStatus To)>();
        foreach (var (start, make) in Starts)
        {
            foreach (var (verb, act) in Verbs)
            {
                var request = make();
                var from = request.Status;
                try
                {
                    act(request);
                }
                catch (DomainException)
                {
                    Assert.Equal(from, request.Status);
                    continue;
                }

                if (request.Status != from)
                {
                    Assert.True(RequestTransitions.CanMove(from, request.Status), $"{verb} on a {start} request moved {from} -> {request.Status}, which the table does not allow");
                    made.Add((from, request.Status));
                }
            }
        }

        Assert.Empty(RequestTransitions.Moves.Except(made).Select(m => $"{m.From} -> {m.To}"));
        Assert.Equal(RequestTransitions.Moves.Count(), made.Count);
    }

    /// <summary>Each action the case page can offer, as its verb with inputs that satisfy the verb's other rules.</summary>
    private static readonly Dictionary<CaseAction, (Action<PrivacyRequest> Verb, DateTime At)> ActionVerbs = new()
    {
        [CaseAction.Verify] = (r => r.VerifyIdentity("o", GoodCheck with { AgentAuthorityShown = r.Agent is null ? null : true }, Profile, Rules, Now), Now),
        [CaseAction.RefuseIdentity] = (r => r.RefuseUnconfirmedIdentity("o", "Not confirmed.", Rules, Now), Now),
        [CaseAction.AskForMore] = (r => r.RequestMoreIdentity("o", "Send a passport.", Rules, Now), Now),
        [CaseAction.RequestFee] = (r => r.RequestFee("o", FeeQuote.For(Profile, ["disclosure"]), Rules, Now), Now),
        [CaseAction.SetFee] = (r => r.SetFee("o", FeeBases.AppiUnpublished, new Money(500, "JPY"), "r", new DateOnly(2026, 12, 8), Profile, Rules, Now), Now),
        [CaseAction.RecordPayment] = (r => r.RecordPayment("o", "stamps", new DateOnly(2026, 11, 24), "R-1", Rules, Now), Now),
        [CaseAction.WaiveFee] = (r => r.WaiveFee("o", "goodwill", Rules, Now), Now),
        [CaseAction.ExpireFee] = (r => r.ExpireFee("o", Profile, Now.AddDays(20)), Now.AddDays(20)),
        [CaseAction.AttachData] = (r => r.AttachDisclosedFile("o", new DisclosedFile(Guid.NewGuid(), "d.csv", DisclosedFileType.Csv, 10, "s", "h", Now), Now), Now),
        [CaseAction.Decide] = (r => r.Decide("o", "disclosure", new ItemAnswer(DecisionOutcome.Fulfilled, [], null), Profile, Rules, Now), Now),
        [CaseAction.SendAnswer] = (r => r.SendAnswer("o", Now), Now),
        [CaseAction.Close] = (r => r.Close("o", Now), Now),
        [CaseAction.Extend] = (r => r.Extend("o", "Many systems.", Rules, Now), Now),
        [CaseAction.Withdraw] = (r => r.Withdraw("o", Now), Now),
        [CaseAction.Hold] = (r => r.PlaceLegalHold("o", "Dispute.", Now), Now),
        [CaseAction.ReleaseHold] = (r => r.ReleaseLegalHold("o", Now), Now),
        [CaseAction.Note] = (r => r.AddNote("o", "Called back.", Now), Now),
        [CaseAction.Assign] = (r => r.Assign("o", "someone", Now), Now),
        [CaseAction.ScanDocument] = (r => r.AddDocument(new RequestDocument(Guid.NewGuid(), DocumentParty.Requester, "scan.pdf", "application/pdf", 10, "s", "h", Now), Rules, Now, "o"), Now),
        [CaseAction.RecordPersonObjection] = (r => r.RecordPersonObjection("o", "Called the desk.", Now), Now),
        [CaseAction.MarkPosted] = (r => r.MarkLetterPosted("o", r.Letters.FirstOrDefault(l => l.Status == LetterStatus.Ready)?.Id ?? Guid.Empty, Now), Now),
    };

    [Fact]
    public void TheActionsTheCasePageOffers_AreExactlyThoseTheVerbsAccept()
    {
        Assert.Equal(Enum.GetValues<CaseAction>().ToHashSet(), ActionVerbs.Keys.ToHashSet());
        var disagreements = new List<string>();
        foreach (var (start, make) in Starts)
        {
            foreach (var (action, (verb, at)) in ActionVerbs)
            {
                var request = make();
                var offered = request.AvailableActions(Profile, Rules, at).Contains(action);
                var accepted = true;
                try
                {
                    verb(request);
                }
                catch (DomainException)
                {
                    accepted = false;
                }

                if (offered != accepted)
                {
                    disagreements.Add($"{action} on a {start} request: offered {offered}, accepted {accepted}");
                }
            }
        }

        Assert.True(disagreements.Count == 0, string.Join(Environment.NewLine, disagreements));
    }

    /// <summary>
    /// The life of a request as the product describes it (PRODUCT.md, "The life of a request"), written out move by
    /// move: received at arrival, waiting on identity or the fee, in review, decided (the refusal for unconfirmed
    /// identity straight from receipt, APPI Art. 37(1)), answered, closed; withdrawn at any open point, deemed
    /// withdrawn only from an unpaid fee, a draft discarded when never confirmed.
    /// </summary>
    private static readonly (RequestStatus From, RequestStatus To)[] TheLifeOfARequest =
    [
        (RequestStatus.Draft, RequestStatus.Received), (RequestStatus.Draft, RequestStatus.Withdrawn), (RequestStatus.Draft, RequestStatus.Discarded),
        (RequestStatus.Received, RequestStatus.AwaitingIdentity), (RequestStatus.Received, RequestStatus.AwaitingFee), (RequestStatus.Received, RequestStatus.InReview),
        (RequestStatus.Received, RequestStatus.Decided), (RequestStatus.Received, RequestStatus.Withdrawn),
        (RequestStatus.AwaitingIdentity, RequestStatus.InReview), (RequestStatus.AwaitingIdentity, RequestStatus.Decided), (RequestStatus.AwaitingIdentity, RequestStatus.Withdrawn),
        (RequestStatus.AwaitingFee, RequestStatus.InReview), (RequestStatus.AwaitingFee, RequestStatus.Withdrawn), (RequestStatus.AwaitingFee, RequestStatus.DeemedWithdrawn),
        (RequestStatus.InReview, RequestStatus.AwaitingIdentity), (RequestStatus.InReview, RequestStatus.AwaitingFee), (RequestStatus.InReview, RequestStatus.Decided),
        (RequestStatus.InReview, RequestStatus.Withdrawn),
        (RequestStatus.Decided, RequestStatus.Answered),
        (RequestStatus.Answered, RequestStatus.Closed),
    ];

    [Fact]
    public void TheTransitionTable_IsTheLifeOfARequest_AndRefusesEveryOtherMove_WithOneMessage()
    {
        Assert.Equal(
            TheLifeOfARequest.Select(m => $"{m.From} -> {m.To}").Order(StringComparer.Ordinal),
            RequestTransitions.Moves.Select(m => $"{m.From} -> {m.To}").Order(StringComparer.Ordinal));

        var refused = Assert.Throws<DomainException>(() => RequestTransitions.Check(RequestStatus.Decided, RequestStatus.Withdrawn));
        Assert.Equal(("status.refused", "A request that is decided cannot become withdrawn."), (refused.Code, refused.Message));
        // Nothing leaves an ended request.
        Assert.All(
            new[] { RequestStatus.Closed, RequestStatus.Withdrawn, RequestStatus.DeemedWithdrawn, RequestStatus.Discarded },
            ended => Assert.DoesNotContain(RequestTransitions.Moves, m => m.From == ended));
    }

    [Fact]
    public void EveryVerb_OnAClosedRequest_IsRefused()
    {
        var request = Verified();
        request.Decide("o", "disclosure", new ItemAnswer(DecisionOutcome.Fulfilled, [], null), Profile, Rules, Now);

        Refused("identity.already", () => request.VerifyIdentity("o", GoodCheck, Profile, Rules, Now));
        Refused("status.refused", () => request.RequestFee("o", FeeQuote.For(Profile, ["disclosure"]), Rules, Now));
        Refused("fee.not-awaited", () => request.WaiveFee("o", "r", Rules, Now));
        Refused("status.refused", () => request.Withdraw("o", Now));
    }
}
