using PrivacyPortal.Domain.Audit;
using PrivacyPortal.Domain.Common;
using PrivacyPortal.Domain.Controllers;
using PrivacyPortal.Domain.Deadlines;
using PrivacyPortal.Domain.Notices;
using PrivacyPortal.Domain.Requests;
using PrivacyPortal.Domain.Tests.Controllers;
using PrivacyPortal.Domain.Tests.Requests;

namespace PrivacyPortal.Domain.Tests.Cases;

/// <summary>Requests that reached the company by post, email, phone or in person, registered by an officer; letters posted to those without email.</summary>
public sealed class RegisteredRequestTests
{
    // Tuesday 2026-11-24, 10:00 in Tokyo.
    private static readonly DateTime Now = new(2026, 11, 24, 1, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly Today = new(2026, 11, 24);
    private static readonly IdentityCheck GoodCheck = new("passport", true, true, true, true, null);

    private static readonly ProcedureProfile Profile = ProfileBuilder.Appi() with
    {
        Policy = new PolicyDocument { Title = LocalizedText.Of("例", "Example"), SourceFile = "example.txt", Dated = new DateOnly(2026, 4, 1) },
    };

    private static readonly DeadlineRules Rules = DeadlineRules.For(Profile);

    private static NewRequest Letter(string email = "", Agent? agent = null) =>
        (PrivacyRequestBuilder.For(Profile).WithAgent(agent) with
        {
            Language = "ja",
            Requester = new Requester { FullName = "山田 花子", BirthDate = new DateOnly(1985, 4, 1), PostalCode = "100-0001", Address = "東京都千代田区千代田1-1", Email = email },
            DocumentsByPost = true,
        }).NewRequest();

    private static PrivacyRequest Register(NewRequest request, DateOnly arrivedOn, IssuedSecret? link = null, RequestChannel channel = RequestChannel.Post) =>
        PrivacyRequest.Register(request, channel, arrivedOn, "officer@example.jp", Profile, 1, "EX-2026-000007", Rules, link, Now);

    private static void Refused(string code, Action action) =>
        Assert.Equal(code, Assert.Throws<DomainException>(action).Code);

    [Fact]
    public void ARegisteredRequest_IsReceivedOnTheDayItArrived_WithItsReferenceAtOnce()
    {
        var arrived = Today.AddDays(-3);

        var request = Register(Letter(), arrived);

        Assert.Equal(RequestStatus.Received, request.Status);
        Assert.Equal(RequestChannel.Post, request.Channel);
        Assert.Equal(arrived, request.ReceivedOn);
        Assert.Equal("EX-2026-000007", request.Reference);
        Assert.Equal(request.Deadlines(Rules, Today)[0].DueOn, request.DueOn);
        var registered = Assert.Single(request.AuditEvents, e => e.Action == "registered");
        Assert.Equal("officer@example.jp", registered.Actor);
        Assert.Equal(["Post", "2026-11-21"], AuditDetail.Parse(registered.Detail)!.Values.Take(2));
    }

    [Fact]
    public void TheDueDay_CountsFromTheArrival()
    {
        var early = Register(Letter(), Today.AddDays(-10));
        var late = Register(Letter(), Today);

        Assert.True(early.DueOn < late.DueOn);
    }

    [Fact]
    public void ArrivalToday_IsAccepted_TomorrowIsNot()
    {
        Assert.Equal(Today, Register(Letter(), Today).ReceivedOn);
        Refused("register.arrival-future", () => Register(Letter(), Today.AddDays(1)));
    }

    [Fact]
    public void ArrivalOnThePolicysDate_IsAccepted_TheDayBeforeIsNot()
    {
        Assert.Equal(Profile.Policy.Dated, Register(Letter(), Profile.Policy.Dated!.Value).ReceivedOn);
        Refused("register.arrival-before-policy", () => Register(Letter(), Profile.Policy.Dated!.Value.AddDays(-1)));
    }

    [Fact]
    public void TheOnlineForm_IsNotAChannelToRegister()
    {
        Refused("register.web", () => Register(Letter(), Today, channel: RequestChannel.Web));
    }

    [Fact]
    public void AStatusLink_GoesWithAnEmailAddress_AndOnlyWithOne()
    {
        Assert.Throws<ArgumentException>(() => Register(Letter(), Today, new IssuedSecret("h", "p")));
        Assert.Throws<ArgumentException>(() => Register(Letter("hanako@example.jp"), Today));
    }

    [Fact]
    public void WithAnEmailAddress_TheAcknowledgementIsEmailed_WithTheLink()
    {
        var request = Register(Letter("hanako@example.jp"), Today, new IssuedSecret("hash", "protected-link"));

        Assert.False(request.NoticesByPost);
        var notice = Assert.Single(request.Notices);
        Assert.Equal(NoticeKind.Acknowledgement, notice.Kind);
        Assert.Equal("hanako@example.jp", notice.Recipient);
        Assert.Equal("protected-link", notice.ProtectedLink);
        Assert.Empty(request.LettersToPost());
    }

    [Fact]
    public void WithoutEmail_NoEmailIsQueued_AndEveryNoticeBecomesALetterToPost()
    {
        var request = Register(Letter(), Today);
        Assert.True(request.NoticesByPost);

        request.RequestMoreIdentity("officer", "The back of the card.", Rules, Now);
        request.AddDocument(new RequestDocument(Guid.NewGuid(), DocumentParty.Requester, "scan.pdf", "application/pdf", 10, "s", "abc", Now), Rules, Now, "officer@example.jp");
        request.VerifyIdentity("officer", GoodCheck, Profile, Rules, Now);
        request.Withdraw("officer", Now, "by phone");

        Assert.Empty(request.Notices);
        Assert.Equal([LetterKind.Acknowledgement, LetterKind.Notice, LetterKind.Notice], request.Letters.Select(l => l.Kind));
        var needed = request.Letters[1];
        Assert.Equal(NoticeKind.DocumentsNeeded, needed.Subject);
        Assert.Equal("The back of the card.", needed.Detail);
        Assert.Equal(NoticeKind.Withdrawn, request.Letters[2].Subject);
        Assert.Null(request.Letters[2].Detail);
        Assert.Contains(request.AuditEvents, e => e.Action == "document-scanned" && e.Actor == "officer@example.jp");
    }

    [Fact]
    public void WithAnAgentsEmail_NoticesGoToTheAgent_AndOnlyThePersonIsWrittenToByPost()
    {
        var agent = new Agent { Kind = AgentKind.AppointedAgent, FullName = "代理 太郎", Email = "agent@example.jp", PostalCode = "530-0001", Address = "大阪市" };

        var request = Register(Letter(agent: agent), Today, new IssuedSecret("hash", "link"));

        Assert.False(request.NoticesByPost);
        Assert.Equal("agent@example.jp", Assert.Single(request.Notices).Recipient);
        // The person gave no email: the notice of the agent's request is a letter to their address; the rest is email.
        var posted = Assert.Single(request.Letters, request.IsPosted);
        Assert.Equal((LetterKind.Notice, NoticeKind.AgentFiled, true), (posted.Kind, posted.Subject, posted.ToPerson));
        Assert.Equal(("山田 花子", "100-0001", "東京都千代田区千代田1-1"), request.AddresseeOf(posted));
    }

    [Fact]
    public void PostedLetters_GoToTheAgent_WhenOneActs()
    {
        var agent = new Agent { Kind = AgentKind.AppointedAgent, FullName = "代理 太郎", Email = string.Empty, PostalCode = "530-0001", Address = "大阪市北区" };

        var request = Register(Letter(agent: agent), Today);

        Assert.True(request.NoticesByPost);
        Assert.Equal(("代理 太郎", "530-0001", "大阪市北区"), request.PostalAddressee);
    }

    [Fact]
    public void ALetter_IsPostedOnce_AfterItIsPrinted()
    {
        var request = Register(Letter(), Today);
        var acknowledgement = request.Letters.Single();

        Refused("post.not-printed", () => request.MarkLetterPosted("officer", acknowledgement.Id, Now));
        Assert.Empty(request.LettersToPost());
        request.LetterPrinted(acknowledgement.Id, "a.bin", "sha", 10, Now);
        Assert.Equal([acknowledgement.Id], request.LettersToPost().Select(l => l.Id));

        request.MarkLetterPosted("officer", acknowledgement.Id, Now);

        Assert.Equal(Now, acknowledgement.PostedAtUtc);
        Assert.Empty(request.LettersToPost());
        Assert.Contains(request.AuditEvents, e => e.Action == "letter-posted" && AuditDetail.Parse(e.Detail)!.Values[0] == "Acknowledgement");
        Refused("post.already", () => request.MarkLetterPosted("officer", acknowledgement.Id, Now));
        Refused("letter.unknown", () => request.MarkLetterPosted("officer", Guid.NewGuid(), Now));
    }

    [Fact]
    public void ALetterToSomeoneWithEmail_IsNotPosted()
    {
        var request = Register(Letter("hanako@example.jp"), Today, new IssuedSecret("hash", "link"));
        var acknowledgement = request.Letters.Single();
        request.LetterPrinted(acknowledgement.Id, "a.bin", "sha", 10, Now);

        Refused("post.not-for-post", () => request.MarkLetterPosted("officer", acknowledgement.Id, Now));
    }

    [Fact]
    public void TheAnswerLetter_IsPostedOnlyOnceTheAnswerIsSent()
    {
        var request = Register(Letter(), Today);
        request.VerifyIdentity("officer", GoodCheck, Profile, Rules, Now);
        request.Decide("officer", "disclosure", new ItemAnswer(DecisionOutcome.Fulfilled, [], null), Profile, Rules, Now);
        var answer = request.DecisionLetter!;
        request.LetterPrinted(answer.Id, "d.bin", "sha", 10, Now);

        Refused("post.answer-not-sent", () => request.MarkLetterPosted("officer", answer.Id, Now));
        request.SendAnswer("officer", Now);
        request.MarkLetterPosted("officer", answer.Id, Now);

        Assert.NotNull(answer.PostedAtUtc);
        Assert.Empty(request.Notices);
    }
}
