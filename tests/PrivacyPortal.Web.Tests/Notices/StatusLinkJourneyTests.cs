using System.Net;
using Microsoft.Extensions.DependencyInjection;
using PrivacyPortal.Infrastructure.Notices;
using PrivacyPortal.Infrastructure.Staff;
using PrivacyPortal.Web.Tests.Support;

namespace PrivacyPortal.Web.Tests.Notices;

/// <summary>
/// A requester follows their request from filing to answer through the links in the emails alone, over a real SMTP
/// server: every email carries the request's current link, a new link ends the old one everywhere, and a dead link
/// says why and where to get a new one.
/// </summary>
public sealed class StatusLinkJourneyTests : IDisposable
{
    private readonly SmtpServer _smtp = new();
    private readonly PortalFactory _factory;

    public StatusLinkJourneyTests()
    {
        _factory = new PortalFactory { Settings = _smtp.Settings };
    }

    public void Dispose()
    {
        _factory.Dispose();
        _smtp.Dispose();
    }

    private async Task DispatchAsync()
    {
        using var scope = _factory.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<NoticeDispatcher>().RunOnceAsync(CancellationToken.None);
    }

    /// <summary>The one email whose subject has these words, and the request link it carries.</summary>
    private (string Message, string Link) Email(string subjectWords)
    {
        var message = Assert.Single(_smtp.Messages(), m => m.Split('\n').Any(l => l.StartsWith("Subject:", StringComparison.Ordinal) && l.Contains(subjectWords, StringComparison.Ordinal)));
        var link = Assert.Single(message.Split('\n'), l => l.StartsWith("http", StringComparison.Ordinal) && l.Contains("/r/", StringComparison.Ordinal)).Trim();
        return (message, IntakeClient.PathOf(link));
    }

    private static async Task<string> OpensAsync(IntakeClient person, string path)
    {
        var (page, status) = await person.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, status);
        return Html.Text(page);
    }

    [Fact]
    public async Task EveryEmailLinksToTheRequest_FromFilingToAnswer_AndAfterANewLinkOnlyTheNewOneWorks()
    {
        using var filed = await ReceivedCase.FileAsync(_factory, "ntt-smartconnect", ["disclosure"]);
        using var officer = await StaffClient.SignInAsync(_factory, "officer@example.jp", StaffRoles.PrivacyOfficer, "ntt-smartconnect");
        var person = filed.Person;
        await DispatchAsync();

        var (acknowledgement, first) = Email("has been received");
        Assert.Contains("/status-link", acknowledgement, StringComparison.Ordinal);
        Assert.Contains("for 180 days after it ends", acknowledgement, StringComparison.Ordinal);
        Assert.Contains("NTTSMC-2026-000001", await OpensAsync(person, first), StringComparison.Ordinal);

        (await officer.ActAsync(filed.Id, "MoreNeeded", filed.Load().Version, new() { ["reason"] = "The back of the licence, please." })).Dispose();
        await DispatchAsync();
        var (needed, neededLink) = Email("More is needed");
        Assert.Equal(first, neededLink);
        Assert.Contains("The back of the licence, please.", await OpensAsync(person, neededLink), StringComparison.Ordinal);

        // The requester asks for a new link: the acknowledgement's and the documents email's link die with the old one.
        var (form, _) = await person.GetAsync("/status-link");
        var fields = IntakeClient.HiddenFields(form);
        fields["Reference"] = "NTTSMC-2026-000001";
        fields["Email"] = "hanako@example.jp";
        using (var asked = await person.PostAsync("/status-link", fields))
        {
            Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        }

        await DispatchAsync();
        var (_, second) = Email("A new link to your request");
        Assert.NotEqual(first, second);
        var (dead, deadStatus) = await person.GetAsync(first);
        Assert.Equal(HttpStatusCode.NotFound, deadStatus);
        Assert.Contains("asking for a new link ends the old one", Html.Text(dead), StringComparison.Ordinal);
        Assert.Contains("href=\"/status-link\"", dead, StringComparison.Ordinal);
        Assert.Contains("NTTSMC-2026-000001", await OpensAsync(person, second), StringComparison.Ordinal);

        // Every later email carries the new link.
        (await officer.ActAsync(filed.Id, "Verify", filed.Load().Version, IdentityForm.TickedFor("ntt-smartconnect"))).Dispose();
        (await officer.ActAsync(filed.Id, "RequestFee", filed.Load().Version, new() { ["payBy"] = "2026-12-08" })).Dispose();
        await DispatchAsync();
        var (fee, feeLink) = Email("A fee is due");
        Assert.Equal(second, feeLink);
        var feePage = await OpensAsync(person, feeLink);
        Assert.Contains("1,100", feePage, StringComparison.Ordinal);
        // The email gives what the page gives: amount, last day, each way to pay, where to send it, the reference.
        var pageText = Html.Text(feePage);
        foreach (var fact in new[] { "1,100", "8 December 2026", "Others: enclose postage stamps for the amount with the request form", "Contracted service users: billed together with the service fees", "〒541-0047 14th floor, Urbannet Midosuji Building, 4-2-13 Awajimachi, Chuo-ku, Osaka", "NTTSMC-2026-000001" })
        {
            Assert.Contains(fact, fee, StringComparison.Ordinal);
            Assert.Contains(fact, pageText, StringComparison.Ordinal);
        }

        // The page follows the state: the fee has been asked for, and identity needs nothing more.
        Assert.Contains("The company has asked for the fee", feePage, StringComparison.Ordinal);
        Assert.DoesNotContain("You do not pay until the company asks", feePage, StringComparison.Ordinal);
        Assert.Contains("Your identity has been checked", feePage, StringComparison.Ordinal);

        (await officer.ActAsync(filed.Id, "Payment", filed.Load().Version, new() { ["method"] = "bank transfer", ["paidOn"] = "2026-11-24", ["receipt"] = "R-1" })).Dispose();
        (await officer.ActAsync(filed.Id, "Decide", filed.Load().Version, new() { ["outcome"] = "Fulfilled" })).Dispose();
        await officer.PrintPreviewAndSendAsync(_factory, filed.Id);
        await DispatchAsync();
        var (_, answerLink) = Email("has been answered");
        Assert.Equal(second, answerLink);
        var (answered, _) = await person.GetAsync(answerLink);
        Assert.Contains("Answered", Html.Text(answered), StringComparison.Ordinal);
        // Answered: no date to expect an answer by or to sue from, and the fee is told as paid.
        Assert.DoesNotContain("id=\"dates\"", answered, StringComparison.Ordinal);
        Assert.Contains("The fee was paid on 24 November 2026.", Html.Text(answered), StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"upload\"", answered, StringComparison.Ordinal);

        // The link outlives the answer by the stated 180 days, and no longer; then the page says why.
        _factory.Clock.Advance(TimeSpan.FromDays(180));
        await OpensAsync(person, second);
        _factory.Clock.Advance(TimeSpan.FromDays(1));
        var (ended, endedStatus) = await person.GetAsync(second);
        Assert.Equal(HttpStatusCode.NotFound, endedStatus);
        Assert.Contains("for 180 days after it ends", Html.Text(ended), StringComparison.Ordinal);
        Assert.Contains("href=\"/status-link\"", ended, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThePageAfterFiling_SaysWhatHappensNext_InsteadOfPromisingItsOwnAddress()
    {
        using var person = new IntakeClient(_factory);
        var draft = await person.FileAsync("ntt-smartconnect", ["disclosure"]);

        var page = await OpensAsync(person, draft);

        Assert.DoesNotContain("Keep this page's address", page, StringComparison.Ordinal);
        Assert.Contains("we email you its reference number and a link to follow it", page, StringComparison.Ordinal);
    }
}
