using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PrivacyPortal.Infrastructure.Staff;

namespace PrivacyPortal.Browser.Tests;

/// <summary>
/// A privacy officer of NTT SmartConnect signs in with a password and an authenticator code, opens a request a person
/// filed through the public pages, verifies identity, asks for and records the fee, decides, and reads the timeline.
/// </summary>
public sealed class OfficerJourneyTests(BrowserFixture portal) : IClassFixture<BrowserFixture>
{
    private const string Password = "officer passphrase 2026";

    [Theory]
    [InlineData("en-GB", "Timeline", "Decided")]
    [InlineData("ja-JP", "経過", "決定済み")]
    public async Task SignInWithTotp_VerifyIdentity_RecordTheFee_Decide_AndSeeTheTimeline(string locale, string timeline, string decided)
    {
        var language = locale[..2];
        var email = $"officer.{language}@example.jp";
        var key = await CreateOfficerAsync(email);
        var (reference, statusUrl) = await FileThroughIntakeAsync(locale, $"person.{language}@example.jp", withCorrection: true);
        string Shot(string name) => Path.Combine(BrowserFixture.ScreenshotDirectory, $"officer-{name}-{language}.png");

        var page = await BrowserJourneys.NewPageAsync(portal, locale);

        await page.GotoAsync("/staff");
        Assert.Contains("/staff/login", page.Url, StringComparison.Ordinal);
        await BrowserJourneys.SignInAsync(page, email, Password, key, step => page.ScreenshotAsync(new() { Path = Shot(step == "login" ? "1-sign-in" : "2-code"), FullPage = true }));

        Assert.Contains(reference, await page.Locator("#queue").InnerTextAsync(), StringComparison.Ordinal);
        await page.ScreenshotAsync(new() { Path = Shot("3-queue"), FullPage = true });
        await page.GetByRole(AriaRole.Link, new() { Name = reference }).ClickAsync();

        await page.Locator("#nameMatches").CheckAsync();
        await page.Locator("#addressMatches").CheckAsync();
        await page.Locator("#currentAndValid").CheckAsync();
        await page.Locator("#masked").CheckAsync();
        await page.ScreenshotAsync(new() { Path = Shot("4-case"), FullPage = true });
        await page.Locator("#verify").ClickAsync();
        Assert.True(await page.Locator("#identity-verified").IsVisibleAsync());

        await page.Locator("#payBy").FillAsync("2026-12-31");
        await page.Locator("#request-fee").ClickAsync();
        await page.Locator("#method").FillAsync(language == "ja" ? "郵便切手" : "Postage stamps");
        await page.Locator("#receipt").FillAsync("R-2026-0001");
        await page.Locator("#record-payment").ClickAsync();

        // Each request type is decided on its own; the request is decided with its last item.
        await page.Locator("#outcome-disclosure-Fulfilled").CheckAsync();
        await page.Locator("#decide-disclosure").ClickAsync();
        Assert.Equal(1, await page.Locator("#decide-correction").CountAsync());
        await page.Locator("#outcome-correction-Fulfilled").CheckAsync();
        await page.Locator("#changes-correction").FillAsync(language == "ja" ? "会員情報の住所を訂正しました。" : "The address on the membership record was corrected.");
        await page.ScreenshotAsync(new() { Path = Shot("5-deciding-items"), FullPage = true });
        await page.Locator("#decide-correction").ClickAsync();

        Assert.Equal(decided, (await page.Locator("#case-status").InnerTextAsync()).Trim());
        Assert.Contains(timeline, await page.Locator("#timeline-heading").InnerTextAsync(), StringComparison.Ordinal);
        var actions = await page.Locator("#timeline li").EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.action)");
        Assert.Equal(["email-confirmed", "identity-verified", "fee-requested", "fee-paid", "item-decided", "item-decided", "decided"], actions.Where(a => a is not ("viewed" or "filed" or "document-added")));
        await page.ScreenshotAsync(new() { Path = Shot("6-decided"), FullPage = true });

        // The worker prints the letter; the officer previews it and sends the answer.
        using (var scope = portal.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<Infrastructure.Jobs.LetterPrinting>().RunOnceAsync(CancellationToken.None);
        }

        await page.ReloadAsync();
        var preview = await page.Locator("#preview-letter").GetAttributeAsync("href");
        var letter = await page.APIRequest.GetAsync(preview!);
        Assert.Equal("application/pdf", letter.Headers["content-type"]);
        var previewed = await letter.BodyAsync();
        await page.Locator("#send-answer").ClickAsync();
        Assert.Contains("answer-sent", await page.Locator("#timeline").InnerHTMLAsync(), StringComparison.Ordinal);
        await page.ScreenshotAsync(new() { Path = Shot("7-answered"), FullPage = true });
        await page.Context.CloseAsync();

        // The requester's status page now gives the answer and offers the letter.
        var status = await BrowserJourneys.NewPageAsync(portal, locale, javaScript: false);
        await status.GotoAsync(statusUrl);
        Assert.True(await status.Locator("#decision").IsVisibleAsync());
        Assert.Contains(language == "ja" ? "会員情報の住所を訂正しました。" : "The address on the membership record was corrected.", await status.Locator("#item-correction").InnerTextAsync(), StringComparison.Ordinal);
        var download = await status.APIRequest.GetAsync(status.Url.Split('?')[0] + "?handler=Letter");
        Assert.Equal("application/pdf", download.Headers["content-type"]);
        Assert.Equal(previewed, await download.BodyAsync());
        await status.ScreenshotAsync(new() { Path = Shot("8-requester-answer"), FullPage = true });
        await status.Context.CloseAsync();
    }

    private Task<string> CreateOfficerAsync(string email) =>
        BrowserJourneys.CreateStaffAsync(portal, email, StaffRoles.PrivacyOfficer, ["ntt-smartconnect"], Password);

    private Task<(string Reference, string StatusUrl)> FileThroughIntakeAsync(string locale, string email, bool withCorrection = false) =>
        BrowserJourneys.FileThroughIntakeAsync(portal, locale, email, withCorrection);
}
