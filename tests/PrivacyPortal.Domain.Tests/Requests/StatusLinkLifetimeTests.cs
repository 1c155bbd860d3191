using PrivacyPortal.Domain.Controllers;
using PrivacyPortal.Domain.Deadlines;
using PrivacyPortal.Domain.Requests;
using PrivacyPortal.Domain.Tests.Controllers;

namespace PrivacyPortal.Domain.Tests.Requests;

/// <summary>
/// The rule every email states: a request's link works while the request is open and for
/// <see cref="PrivacyRequest.StatusLinkLifetime"/> after it ends (or after a later re-issue), never once its data is erased.
/// </summary>
public sealed class StatusLinkLifetimeTests
{
    private static readonly DateTime Now = new(2026, 11, 24, 1, 0, 0, DateTimeKind.Utc);
    private static readonly ProcedureProfile Profile = ProfileBuilder.Appi();
    private static readonly DeadlineRules Rules = DeadlineRules.For(Profile);

    private static readonly PrivacyRequestBuilder Correction = PrivacyRequestBuilder.For(Profile).WithTypes("correction").FiledAt(Now);

    private static PrivacyRequest Draft() => Correction.Draft();

    private static PrivacyRequest Received() => Correction.Received();

    [Fact]
    public void ADraftsLink_LastsTheDraftsSevenDays()
    {
        var draft = Draft();

        Assert.False(draft.StatusLinkExpired(Now + PrivacyRequest.DraftLifetime));
        Assert.True(draft.StatusLinkExpired(Now + PrivacyRequest.DraftLifetime + TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public void AnOpenRequestsLink_DoesNotExpire()
    {
        var request = Received();

        Assert.Null(request.StatusLinkExpiresAtUtc);
        Assert.False(request.StatusLinkExpired(Now.AddYears(3)));
    }

    [Fact]
    public void AnEndedRequestsLink_Works180DaysAfterTheEnd()
    {
        var request = Received();
        var ended = Now.AddDays(40);
        request.Withdraw("requester", ended);

        Assert.False(request.StatusLinkExpired(ended + PrivacyRequest.StatusLinkLifetime));
        Assert.True(request.StatusLinkExpired(ended + PrivacyRequest.StatusLinkLifetime + TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public void ALinkIssuedAfterTheEnd_Works180DaysFromItsIssue()
    {
        var request = Received();
        request.Withdraw("requester", Now);
        var reissued = Now.AddDays(170);
        request.IssueStatusLink(new IssuedSecret("s3", "sl3"), reissued);

        Assert.Equal(reissued + PrivacyRequest.StatusLinkLifetime, request.StatusLinkExpiresAtUtc);
        Assert.Equal("sl3", request.StatusLinkProtected);
        Assert.Equal("sl3", request.Notices[^1].ProtectedLink);
    }

    [Fact]
    public void OnceTheDataIsErased_NoLinkWorks_AndNoneIsKept()
    {
        var request = Received();
        request.Withdraw("requester", Now);

        request.PurgePersonalData(ProfileBuilder.Appi().KeptOneYear(), Now.AddYears(2));

        Assert.True(request.StatusLinkExpired(Now.AddYears(2)));
        Assert.Null(request.StatusLinkProtected);
    }

    [Fact]
    public void LaterEmails_CarryTheCurrentLink_ButTheConfirmationKindsDoNot()
    {
        var request = Received();
        request.IssueStatusLink(new IssuedSecret("s3", "sl3"), Now);

        request.RequestMoreIdentity("officer", "The back of the card.", Rules, Now);

        Assert.Equal("sl3", request.Notices[^1].ProtectedLink);
        Assert.All(request.Notices.Where(n => n.Kind == Notices.NoticeKind.EmailConfirmation), n => Assert.Equal("cl", n.ProtectedLink));
    }
}
