using Microsoft.Playwright;
using PrivacyPortal.Infrastructure.Staff;

namespace PrivacyPortal.Browser.Tests;

/// <summary>
/// WCAG 1.4.10 (reflow): at 375 CSS pixels every staff page an officer, an auditor and an administrator can reach
/// from the menus and the case page fits without sideways scrolling of the page (a wide table scrolls in its own box,
/// which the criterion allows for data tables). A screenshot of each page is kept.
/// </summary>
public sealed class StaffReflowTests(BrowserFixture portal) : IClassFixture<BrowserFixture>
{
    private const string Password = "reflow passphrase 2026";
    private const int Width = 375;

    [Theory]
    [InlineData(StaffRoles.PrivacyOfficer, "en-GB")]
    [InlineData(StaffRoles.PrivacyOfficer, "ja-JP")]
    [InlineData(StaffRoles.Auditor, "ja-JP")]
    [InlineData(StaffRoles.Administrator, "en-GB")]
    public async Task EveryStaffPage_ReflowsAt375Pixels(string role, string locale)
    {
        var language = locale[..2];
        var email = $"reflow.{role.ToLowerInvariant()}.{language}@example.jp";
        var key = await BrowserJourneys.CreateStaffAsync(portal, email, role, role == StaffRoles.PrivacyOfficer ? ["ntt-smartconnect", "netone"] : [], Password);
        _ = await BrowserJourneys.FileThroughIntakeAsync(portal, locale, $"reflow.{role.ToLowerInvariant()}.{language}.person@example.jp");
        var page = await BrowserJourneys.NewPageAsync(portal, locale, Width, height: 800);
        await BrowserJourneys.SignInAsync(page, email, Password, key, async step =>
        {
            if (step == "login")
            {
                await CheckAsync(page, role, language, "login");
            }
        });

        // The pages the menus lead to, then (for an officer) the case and each of its action pages.
        var pages = await BrowserJourneys.CrawlAsync(page, [new Uri(page.Url).PathAndQuery], "/staff", 25, n => CheckAsync(page, role, language, $"{n:00}"));

        Assert.True(pages.Count >= 3, $"only {pages.Count} staff pages were reached: {string.Join(", ", pages)}");
        if (role == StaffRoles.PrivacyOfficer)
        {
            Assert.Contains(pages, p => p.StartsWith("/staff/cases/", StringComparison.Ordinal));
        }

        await page.Context.CloseAsync();
    }

    private static async Task CheckAsync(IPage page, string role, string language, string name)
    {
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, $"reflow-{role.ToLowerInvariant()}-{language}-{name}.png"), FullPage = true });
        var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= Width, $"{new Uri(page.Url).PathAndQuery} is {scrollWidth}px wide at {Width}px ({role}, {language})");
    }
}
