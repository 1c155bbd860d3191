using Microsoft.Playwright;
using PrivacyPortal.Infrastructure.Staff;

namespace PrivacyPortal.Browser.Tests;

/// <summary>
/// An auditor signs in, finds a request in the log by period and company, opens it read-only with personal data
/// masked, shows it with a reason, verifies the record and reads the metrics.
/// </summary>
public sealed class AuditorJourneyTests(BrowserFixture portal) : IClassFixture<BrowserFixture>
{
    private const string Password = "auditor passphrase 2026";

    [Theory]
    [InlineData("en-GB", "Intact", "Request log")]
    [InlineData("ja-JP", "改ざんはありません", "請求記録")]
    public async Task FilterTheLog_ReadACaseMasked_UnmaskWithAReason_VerifyTheChain_AndReadTheMetrics(string locale, string intact, string logTitle)
    {
        var language = locale[..2];
        var email = $"auditor.{language}@example.jp";
        var key = await BrowserJourneys.CreateStaffAsync(portal, email, StaffRoles.Auditor, [], Password);
        var person = $"audited.{language}@example.jp";
        var (reference, _) = await BrowserJourneys.FileThroughIntakeAsync(portal, locale, person);
        string Shot(string name) => Path.Combine(BrowserFixture.ScreenshotDirectory, $"auditor-{name}-{language}.png");
        var page = await BrowserJourneys.NewPageAsync(portal, locale);
        await page.GotoAsync("/staff/audit");
        await BrowserJourneys.SignInAsync(page, email, Password, key);

        await page.Locator("#nav-audit").ClickAsync();
        Assert.Equal(logTitle, (await page.Locator("main h1").InnerTextAsync()).Trim());
        var today = DateTime.UtcNow.AddHours(9).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await page.Locator("#from").FillAsync(today);
        await page.Locator("#to").FillAsync(today);
        await page.Locator("#controller").SelectOptionAsync("ntt-smartconnect");
        await page.Locator("form.filters button[type=submit]").ClickAsync();
        Assert.Contains(reference, await page.Locator("#request-log").InnerTextAsync(), StringComparison.Ordinal);
        await page.ScreenshotAsync(new() { Path = Shot("1-log"), FullPage = true });

        await page.GetByRole(AriaRole.Link, new() { Name = reference }).ClickAsync();
        Assert.DoesNotContain(person, await page.Locator("#requester-email").InnerTextAsync(), StringComparison.Ordinal);
        await page.ScreenshotAsync(new() { Path = Shot("2-case-masked"), FullPage = true });
        await page.Locator("#reason").FillAsync(language == "ja" ? "苦情対応の確認" : "Checking a complaint");
        await page.Locator("#unmask").ClickAsync();
        Assert.Equal(person, (await page.Locator("#requester-email").InnerTextAsync()).Trim());
        var actions = await page.Locator("#trail tr[data-action]").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.action)");
        Assert.Contains("unmasked", actions);
        await page.ScreenshotAsync(new() { Path = Shot("3-case-unmasked"), FullPage = true });

        await page.GotoAsync("/staff/audit/verify");
        Assert.Equal("true", await page.Locator("#chain-cases").GetAttributeAsync("data-intact"));
        Assert.Contains(intact, await page.Locator("#chain-cases").InnerTextAsync(), StringComparison.Ordinal);
        await page.ScreenshotAsync(new() { Path = Shot("4-verify"), FullPage = true });

        await page.GotoAsync("/staff/audit/metrics");
        Assert.True(await page.Locator("#by-type-chart").IsVisibleAsync());
        await page.ScreenshotAsync(new() { Path = Shot("5-metrics"), FullPage = true });
        await page.Context.CloseAsync();
    }
}
