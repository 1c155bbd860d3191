using PrivacyPortal.Domain.Audit;
using PrivacyPortal.Domain.Common;
using PrivacyPortal.Domain.Controllers;
using PrivacyPortal.Domain.Deadlines;
using PrivacyPortal.Domain.Notices;
using PrivacyPortal.Domain.Requests;
using PrivacyPortal.Domain.Tests.Controllers;

namespace PrivacyPortal.Domain.Tests.Requests;

/// <summary>
/// A request an agent makes (APPI Art. 37(3)): the person it is for is told and can say they did not ask, and the
/// answer goes where the profile's rule for agents says.
/// </summary>
public sealed class AgentRequestTests
{
    private static readonly DateTime Now = new(2026, 11, 24, 1, 0, 0, DateTimeKind.Utc);
    private static readonly ProcedureProfile Profile = ProfileBuilder.Appi();
    private static readonly ProcedureProfile PersonRule = Profile with
    {
        Identity = Profile.Identity with { AnswerTo = new AgentAnswerRule { Status = PublicationStatus.Published, SendTo = AnswerRecipient.Person, Source = "s" } },
    };

    private static readonly DeadlineRules Rules = DeadlineRules.For(Profile);
    private static readonly IdentityCheck AuthorityChecked = new("passport", true, true, true, true, true);

    private static readonly Agent Appointed = new()
    {
        Kind = AgentKind.AppointedAgent, FullName = "Taro Dairi", Email = "agent@example.jp", PostalCode = "100-0001", Address = "Tokyo",
    };

    private static PrivacyRequestBuilder Request(Agent? agent, string personEmail = "hanako@example.jp", ProcedureProfile? profile = null) =>
        PrivacyRequestBuilder.For(profile ?? Profile).WithAgent(agent).FiledAt(Now) with { Requester = PrivacyRequestBuilder.Hanako with { Email = personEmail } };

    private static PrivacyRequest Received(Agent? agent = null, ProcedureProfile? profile = null, string personEmail = "hanako@example.jp")
    {
        var request = Request(agent, personEmail, profile).Draft();
        request.ConfirmEmail("c", "EX-2026-000001", Rules, new IssuedSecret("s2", "sl2"), Now, new IssuedSecret("person-hash", "protected-person-link"));
        return request;
    }

    private static PrivacyRequest Decided(PrivacyRequest request)
    {
        request.VerifyIdentity("o", AuthorityChecked, Profile, Rules, Now);
        request.Decide("o", "disclosure", new ItemAnswer(DecisionOutcome.Fulfilled, [], null), Profile, Rules, Now);
        request.LetterPrinted(request.DecisionLetter!.Id, "d.bin", "sha", 10, Now);
        return request;
    }

    private static void Refused(string code, Action action) =>
        Assert.Equal(code, Assert.Throws<DomainException>(action).Code);

    [Fact]
    public void WhenAnAgentFiles_ThePersonIsEmailedAtTheirOwnAddress_WithALinkOfTheirOwn()
    {
        var request = Received(Appointed);

        var told = Assert.Single(request.Notices, n => n.Kind == NoticeKind.AgentFiled);
        Assert.Equal(("hanako@example.jp", "protected-person-link", "EX-2026-000001"), (told.Recipient, told.ProtectedLink, told.Reference));
        Assert.Equal("person-hash", request.PersonTokenHash);
        // Every other notice still goes to the agent, with the request's status link.
        Assert.All(request.Notices.Where(n => n.Kind != NoticeKind.AgentFiled), n => Assert.Equal("agent@example.jp", n.Recipient));
        Assert.Contains(request.AuditEvents, e => e.Action == "person-told" && AuditDetail.Parse(e.Detail)!.Code == "person-told-email");
    }

    [Fact]
    public void WithoutAnAgent_NoOneElseIsTold()
    {
        var request = Received();

        Assert.DoesNotContain(request.Notices, n => n.Kind == NoticeKind.AgentFiled);
        Assert.Null(request.PersonTokenHash);
        Assert.DoesNotContain(request.AuditEvents, e => e.Action.StartsWith("person-", StringComparison.Ordinal));
    }

    [Fact]
    public void TellingThePersonByEmail_NeedsTheirLink()
    {
        var request = Request(Appointed).Draft();

        Assert.Throws<ArgumentException>(() => request.ConfirmEmail("c", "EX-2026-000001", Rules, new IssuedSecret("s2", "sl2"), Now));
    }

    [Fact]
    public void ARepresentativeSharingThePersonsAddress_IsNotWrittenToTwice()
    {
        var parent = Appointed with { Kind = AgentKind.LegalRepresentativeOfMinor, Email = "HANAKO@example.jp" };

        var request = Received(parent);

        Assert.DoesNotContain(request.Notices, n => n.Kind == NoticeKind.AgentFiled);
        Assert.Null(request.PersonTokenHash);
        Assert.Contains(request.AuditEvents, e => e.Action == "person-not-told");
    }

    [Fact]
    public void ThePersonSaysTheyDidNotAsk_OnceOnly_AndOnlyOnAnAgentsRequest()
    {
        var request = Received(Appointed);
        var version = request.Version;

        request.RecordPersonObjection("person", "from the person's own link", Now);

        Assert.Equal(Now, request.PersonObjectedAtUtc);
        Assert.True(request.Version > version);
        Assert.Contains(request.AuditEvents, e => e.Action == "person-objected" && e.Actor == "person");
        Refused("person.already", () => request.RecordPersonObjection("o", "Called.", Now));
        Refused("person.no-agent", () => Received().RecordPersonObjection("o", "Called.", Now));
        Refused("reason.required", () => Received(Appointed).RecordPersonObjection("o", "  ", Now));
    }

    [Fact]
    public void AfterTheObjection_TheAnswerCannotGoToTheAgent_UntilTheRequestIsRefusedForWantOfAuthority()
    {
        var request = Decided(Received(Appointed));
        request.RecordPersonObjection("o", "The person called the desk.", Now);

        Assert.DoesNotContain(CaseAction.SendAnswer, request.AvailableActions(Profile, Rules, Now));
        Refused("answer.person-objected", () => request.SendAnswer("o", Now));

        // Authority was checked and a decision made, but the person's word puts it in doubt again (APPI Art. 37(1)).
        Assert.Contains(CaseAction.RefuseIdentity, request.AvailableActions(Profile, Rules, Now));
        request.RefuseUnconfirmedIdentity("o", "The person says they did not appoint this agent.", Rules, Now);
        Assert.Equal((RequestStatus.Decided, DecisionOutcome.Refused), (request.Status, request.Outcome));
        Assert.Equal(2, request.Letters.Count(l => l.Kind == LetterKind.Decision));
        Assert.DoesNotContain(CaseAction.RefuseIdentity, request.AvailableActions(Profile, Rules, Now));
        request.LetterPrinted(request.DecisionLetter!.Id, "r.bin", "sha2", 10, Now);

        request.SendAnswer("o", Now);

        Assert.Equal(RequestStatus.Answered, request.Status);
        Assert.Equal(NoticeKind.DecisionAvailable, request.Notices[^1].Kind);
    }

    [Fact]
    public void TheObjection_IsRecordedOnAnAnsweredRequestToo()
    {
        var request = Decided(Received(Appointed));
        request.SendAnswer("o", Now);

        Assert.Contains(CaseAction.RecordPersonObjection, request.AvailableActions(Profile, Rules, Now));
        request.RecordPersonObjection("person", "from the person's own link", Now);

        Assert.NotNull(request.PersonObjectedAtUtc);
    }

    [Fact]
    public void UnderTheAgentRule_TheAnswerGoesToTheAgent_AddressedToThemForThePerson()
    {
        var request = Decided(Received(Appointed));

        Assert.False(request.AnswerToPerson);
        Assert.False(request.DecisionLetter!.ToPerson);
        request.SendAnswer("o", Now);
        var answer = request.Notices[^1];
        Assert.Equal((NoticeKind.DecisionAvailable, "agent@example.jp"), (answer.Kind, answer.Recipient));
        Assert.Empty(request.LettersToPost());
    }

    [Fact]
    public void UnderThePersonRule_TheAnswerLetterIsPostedToThePerson_AndTheAgentOnlyHearsThatItWas()
    {
        var request = Received(Appointed, PersonRule);
        Assert.True(request.AnswerToPerson);
        Refused("deliver.to-person", () => request.AttachDisclosedFile("o", new DisclosedFile(Guid.NewGuid(), "d.csv", DisclosedFileType.Csv, 10, "s", "h", Now), Now));
        Decided(request);

        var letter = request.DecisionLetter!;
        Assert.True(letter.ToPerson);
        Assert.True(request.IsPosted(letter));
        Assert.Equal(("Hanako Yamada", "541-0047", "Osaka"), request.AddresseeOf(letter));
        Assert.Empty(request.LettersToPost());

        request.SendAnswer("o", Now);

        var told = request.Notices[^1];
        Assert.Equal((NoticeKind.AnswerPostedToPerson, "agent@example.jp", null), (told.Kind, told.Recipient, told.Detail));
        Assert.Equal([letter.Id], request.LettersToPost().Select(l => l.Id));
        request.MarkLetterPosted("o", letter.Id, Now);
        Assert.Empty(request.LettersToPost());
    }

    [Fact]
    public void ThePersonRule_NeedsAnAgent()
    {
        Assert.False(Received(null, PersonRule).AnswerToPerson);
    }

    [Fact]
    public void ErasingThePersonalData_KillsThePersonsLink()
    {
        var request = Decided(Received(Appointed));
        request.SendAnswer("o", Now);
        request.Close("o", Now);

        request.PurgePersonalData(ProfileBuilder.Appi().KeptOneYear(), Now.AddYears(2));

        Assert.Null(request.PersonTokenHash);
        Assert.Null(request.Agent);
    }
}
