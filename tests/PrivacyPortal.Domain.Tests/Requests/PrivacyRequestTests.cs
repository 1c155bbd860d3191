using PrivacyPortal.Domain.Common;
using PrivacyPortal.Domain.Controllers;
using PrivacyPortal.Domain.Deadlines;
using PrivacyPortal.Domain.Notices;
using PrivacyPortal.Domain.Requests;
using PrivacyPortal.Domain.Tests.Controllers;

namespace PrivacyPortal.Domain.Tests.Requests;

public sealed class PrivacyRequestTests
{
    private static readonly DateTime Now = new(2026, 11, 24, 1, 0, 0, DateTimeKind.Utc);
    private static readonly DeadlineRules Rules = DeadlineRules.For(ProfileBuilder.Appi());

    private static readonly Requester Person = new()
    {
        FullName = "山田 花子", BirthDate = new DateOnly(1985, 4, 1), PostalCode = "541-0047", Address = "大阪市", Email = "hanako@example.jp",
    };

    private static readonly PrivacyRequestBuilder Filing = new()
    {
        Language = "ja", Requester = Person, FiledAtUtc = Now,
        Confirmation = new IssuedSecret("confirm-hash", "protected-confirm-link"), StatusLink = new IssuedSecret("status-hash", "protected-status-link"),
    };

    private static PrivacyRequest File(ProcedureProfile? profile = null, Agent? agent = null, Requester? person = null, params string[] types) =>
        (Filing with { Profile = profile ?? ProfileBuilder.Appi(), Requester = person ?? Person }).WithAgent(agent).WithTypes(types).Draft();

    private static PrivacyRequest File(DateTime submittedAtUtc) => Filing.FiledAt(submittedAtUtc).Draft();

    private static RequestDocument Document() => new(Guid.NewGuid(), DocumentParty.Requester, "id.pdf", "application/pdf", 100, "x.bin", "sha", Now);

    [Fact]
    public void Filing_MakesADraft_WithItsAuditEventAndConfirmationNotice()
    {
        var request = File();

        Assert.Equal(RequestStatus.Draft, request.Status);
        Assert.Null(request.ReceivedOn);
        Assert.Equal("filed", Assert.Single(request.AuditEvents).Action);
        var notice = Assert.Single(request.Notices);
        Assert.Equal(NoticeKind.EmailConfirmation, notice.Kind);
        Assert.Equal("protected-confirm-link", notice.ProtectedLink);
        Assert.Equal(Now.AddHours(24), request.ConfirmationExpiresAtUtc);
    }

    [Fact]
    public void ConfirmingTheEmail_ReceivesTheRequest_StartsTheClock_AndRotatesTheStatusLink()
    {
        var request = File();

        request.ConfirmEmail("confirm-hash", "EX-2026-000001", Rules, new IssuedSecret("new-status-hash", "protected-new-link"), Now);

        Assert.Equal(RequestStatus.Received, request.Status);
        Assert.Equal(new DateOnly(2026, 11, 24), request.ReceivedOn);
        Assert.Equal(new DateOnly(2026, 12, 8), request.DueOn);
        Assert.Equal("EX-2026-000001", request.Reference);
        Assert.Equal("new-status-hash", request.StatusTokenHash);
        Assert.Null(request.ConfirmationHash);
        Assert.Equal(NoticeKind.Acknowledgement, request.Notices[^1].Kind);
        Assert.Equal(("Draft", "Received"), (request.AuditEvents[^1].FromStatus, request.AuditEvents[^1].ToStatus));
    }

    [Fact]
    public void TheReceiptDay_IsTheDayInJapan()
    {
        // Submitted 2026-11-24 16:00 UTC, already 2026-11-25 01:00 in Tokyo.
        var request = File(new DateTime(2026, 11, 24, 16, 0, 0, DateTimeKind.Utc));

        request.ConfirmEmail("confirm-hash", "EX-2026-000001", Rules, new IssuedSecret("h", "l"), new DateTime(2026, 11, 24, 17, 0, 0, DateTimeKind.Utc));

        Assert.Equal(new DateOnly(2026, 11, 25), request.ReceivedOn);
    }

    [Fact]
    public void Receipt_IsWhenTheRequestReachedTheCompany_NotWhenTheEmailWasConfirmed()
    {
        // Submitted Tuesday 2026-11-24 in Tokyo, the address confirmed the next evening: received on the 24th.
        var request = File(Now);

        request.ConfirmEmail("confirm-hash", "EX-2026-000001", Rules, new IssuedSecret("h", "l"), Now.AddHours(20));

        Assert.Equal(new DateOnly(2026, 11, 24), request.ReceivedOn);
        Assert.Equal(Now, request.ReceivedAtUtc);
        Assert.Equal(new DateOnly(2026, 12, 8), request.DueOn);
    }

    [Theory]
    [InlineData("wrong-hash", 1, "This confirmation link is not valid.")]
    [InlineData("confirm-hash", 25, "This confirmation link has expired.")]
    public void AWrongOrExpiredConfirmation_IsRefused(string hash, int hoursLater, string message)
    {
        var request = File();

        var error = Assert.Throws<DomainException>(() => request.ConfirmEmail(hash, "EX-2026-000001", Rules, new IssuedSecret("h", "l"), Now.AddHours(hoursLater)));

        Assert.Equal(message, error.Message);
        Assert.Equal(RequestStatus.Draft, request.Status);
    }

    [Fact]
    public void ConfirmingTwice_IsRefused()
    {
        var request = File();
        request.ConfirmEmail("confirm-hash", "EX-2026-000001", Rules, new IssuedSecret("h", "l"), Now);

        Assert.Throws<DomainException>(() => request.ConfirmEmail("confirm-hash", "EX-2026-000002", Rules, new IssuedSecret("h2", "l2"), Now));
    }

    [Fact]
    public void ATypeTheProfileDoesNotAccept_IsRefused() =>
        Assert.Contains("does not accept", Assert.Throws<DomainException>(() => File(types: "access")).Message, StringComparison.Ordinal);

    [Fact]
    public void AMissingRequiredField_IsRefused()
    {
        var error = Assert.Throws<DomainException>(() => Filing.WithTypes("correction").WithDetails("correction", new Dictionary<string, string> { ["untrue"] = "x" }).Draft());

        Assert.Contains("required", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ABirthDateInTheFuture_IsRefused() =>
        Assert.Throws<DomainException>(() => File(person: Person with { BirthDate = new DateOnly(2027, 1, 1) }));

    [Fact]
    public void AnAgentThePolicyRefuses_IsRefused()
    {
        var profile = ProfileBuilder.Appi();
        profile = profile with { Identity = profile.Identity with { AppointedAgent = profile.Identity.AppointedAgent with { Accepted = false } } };
        var agent = new Agent { Kind = AgentKind.AppointedAgent, FullName = "代理人", Email = "agent@example.jp", PostalCode = "100-0001", Address = "東京都" };

        Assert.Throws<DomainException>(() => File(profile, agent));
    }

    [Fact]
    public void NoticesGoToTheAgent_WhenOneFiles()
    {
        var agent = new Agent { Kind = AgentKind.LegalRepresentativeOfMinor, FullName = "親", Email = "parent@example.jp", PostalCode = "100-0001", Address = "東京都" };

        Assert.Equal("parent@example.jp", File(agent: agent).Notices[0].Recipient);
    }

    [Fact]
    public void AtMostFiveDocuments_CanBeAdded()
    {
        var request = File();
        for (var i = 0; i < PrivacyRequest.MaxDocuments; i++)
        {
            request.AddDocument(Document(), Rules, Now);
        }

        Assert.Throws<DomainException>(() => request.AddDocument(Document(), Rules, Now));
        Assert.Equal(5, request.Documents.Count);
    }

    [Fact]
    public void Withdrawing_IsAllowedWhileOpen_AndRecorded_ThenNothingMoreCanBeAdded()
    {
        var request = File();

        request.Withdraw("requester", Now);

        Assert.Equal(RequestStatus.Withdrawn, request.Status);
        Assert.Equal(NoticeKind.Withdrawn, request.Notices[^1].Kind);
        Assert.Equal("withdrawn", request.AuditEvents[^1].Action);
        Assert.Throws<DomainException>(() => request.Withdraw("requester", Now));
        Assert.Throws<DomainException>(() => request.AddDocument(Document(), Rules, Now));
    }

    [Fact]
    public void EveryVerb_BumpsTheVersion_ForOptimisticConcurrency()
    {
        var request = File();
        var before = request.Version;

        request.AddDocument(Document(), Rules, Now);

        Assert.Equal(before + 1, request.Version);
    }

    [Theory]
    [InlineData(RequestStatus.Draft, RequestStatus.Received, true)]
    [InlineData(RequestStatus.Draft, RequestStatus.Decided, false)]
    [InlineData(RequestStatus.AwaitingFee, RequestStatus.DeemedWithdrawn, true)]
    [InlineData(RequestStatus.Received, RequestStatus.DeemedWithdrawn, false)]
    [InlineData(RequestStatus.Decided, RequestStatus.Withdrawn, false)]
    [InlineData(RequestStatus.Closed, RequestStatus.Received, false)]
    public void TheTransitionTable_AllowsOnlyItsMoves(RequestStatus from, RequestStatus to, bool allowed)
    {
        Assert.Equal(allowed, RequestTransitions.CanMove(from, to));
        if (!allowed)
        {
            Assert.Throws<DomainException>(() => RequestTransitions.Check(from, to));
        }
    }
}

public sealed class DisclosureMethodTests
{
    private static PrivacyRequest FileDisclosure(ProcedureProfile profile, string method) =>
        PrivacyRequestBuilder.For(profile).WithDetails("disclosure", new Dictionary<string, string> { ["data"] = "all", ["method"] = method }).Draft();

    [Fact]
    public void TheStatutoryMethods_AreAlwaysOffered_AndAProfileAddsItsOwn()
    {
        var profile = ProfileBuilder.Appi().WithOffer(ProfileBuilder.Offer("disclosure") with
        {
            OtherDisclosureMethods = [new DisclosureMethodOffer { Id = "viewing", Name = LocalizedText.Of("窓口での閲覧", "Viewing at our office") }],
        });
        var field = RequestFields.For("disclosure").Single(f => f.Id == "method");

        Assert.Equal(["electronic", "paper", "viewing"], RequestFields.ChoicesFor(field, profile.Offer("disclosure")).Select(c => c.Id));
        Assert.Equal("electronic", FileDisclosure(profile, "electronic").Items[0].Details["method"]);
        Assert.Equal("viewing", FileDisclosure(profile, "viewing").Items[0].Details["method"]);
        Assert.Contains("'fax' is not a choice", Assert.Throws<DomainException>(() => FileDisclosure(profile, "fax")).Message, StringComparison.Ordinal);
    }
}

public sealed class DraftLifecycleTests
{
    private static readonly DateTime Now = new(2026, 11, 24, 1, 0, 0, DateTimeKind.Utc);

    private static PrivacyRequest Draft() =>
        PrivacyRequestBuilder.For(ProfileBuilder.Appi()).WithTypes("correction").FiledAt(Now)
            .WithDetails("correction", new Dictionary<string, string> { ["untrue"] = "old", ["correct"] = "new" })
            .Draft();

    [Fact]
    public void AReminder_GivesANewConfirmationLink_Once()
    {
        var draft = Draft();

        draft.RemindToConfirm(new IssuedSecret("c2", "l3"), Now.AddHours(25));

        Assert.Equal("c2", draft.ConfirmationHash);
        Assert.Equal(Now.AddHours(49), draft.ConfirmationExpiresAtUtc);
        Assert.Equal(NoticeKind.ConfirmationReminder, draft.Notices[^1].Kind);
        Assert.Throws<DomainException>(() => draft.RemindToConfirm(new IssuedSecret("c3", "l4"), Now.AddHours(30)));
    }

    [Fact]
    public void Discarding_ErasesWhatWasTyped_TellsThePerson_AndHandsBackTheDocuments()
    {
        var draft = Draft();
        draft.AddDocument(new RequestDocument(Guid.NewGuid(), DocumentParty.Requester, "id.pdf", "application/pdf", 10, "x.bin", "sha", Now), DeadlineRules.For(ProfileBuilder.Appi()), Now);

        var documents = draft.Discard(Now.AddDays(7));

        Assert.Equal(RequestStatus.Discarded, draft.Status);
        Assert.Single(documents);
        Assert.Empty(draft.Documents);
        Assert.Equal("-", draft.Requester.FullName);
        Assert.Equal("-", draft.Requester.Email);
        Assert.Empty(draft.Items[0].Details);
        var notice = draft.Notices[^1];
        Assert.Equal((NoticeKind.DraftDiscarded, "hanako@example.jp"), (notice.Kind, notice.Recipient));
        Assert.False(draft.IsOpen);
    }

    [Fact]
    public void ADraft_IsRemindedOnlyAfterADay_AndDiscardedOnlyAfterAWeek()
    {
        var draft = Draft();
        var second = TimeSpan.FromSeconds(1);

        Assert.Equal("draft.no-reminder", Assert.Throws<DomainException>(() => draft.RemindToConfirm(new IssuedSecret("c2", "l3"), Now + PrivacyRequest.ReminderAfter - second)).Code);
        Assert.Equal("draft.too-young", Assert.Throws<DomainException>(() => draft.Discard(Now + PrivacyRequest.DraftLifetime - second)).Code);
        Assert.True(draft.DueForReminder(Now + PrivacyRequest.ReminderAfter));
        // Once it is due to go, a draft is discarded rather than reminded.
        Assert.False(draft.DueForReminder(Now + PrivacyRequest.DraftLifetime));
        Assert.True(draft.DueForDiscard(Now + PrivacyRequest.DraftLifetime));
        Assert.Equal(RequestStatus.Draft, draft.Status);
        Assert.Equal("hanako@example.jp", draft.Requester.Email);

        draft.Discard(Now + PrivacyRequest.DraftLifetime);
        Assert.Equal(RequestStatus.Discarded, draft.Status);
    }

    [Fact]
    public void AReceivedRequest_CannotBeDiscarded()
    {
        var request = Draft();
        request.ConfirmEmail("c", "EX-2026-000001", DeadlineRules.For(ProfileBuilder.Appi()), new IssuedSecret("s2", "l"), Now);

        Assert.Throws<DomainException>(() => request.Discard(Now.AddDays(8)));
    }
}
