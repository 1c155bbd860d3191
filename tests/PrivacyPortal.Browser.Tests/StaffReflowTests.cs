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
        var context = await portal.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = portal.BaseAddress.ToString(),
            Locale = locale,
            ExtraHTTPHeaders = new Dictionary<string, string> { ["Accept-Language"] = locale },
            ViewportSize = new ViewportSize { Width = Width, Height = 800 },
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/staff/login");
        await CheckAsync(page, role, language, "login");
        await page.Locator("#email").FillAsync(email);
        await page.Locator("#password").FillAsync(Password);
        await page.Locator("button[type=submit]").Last.ClickAsync();
        await page.Locator("#code").FillAsync(PrivacyPortal.Web.Tests.Support.Totp.Code(key, DateTimeOffset.UtcNow));
        await page.Locator("main button[type=submit]").ClickAsync();

        // The pages the menus lead to, then (for an officer) the case and each of its action pages.
        var pages = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>([new Uri(page.Url).PathAndQuery]);
        while (queue.Count > 0 && pages.Count < 25)
        {
            var path = queue.Dequeue();
            if (!seen.Add(path))
            {
                continue;
            }

            IResponse? response;
            try
            {
                response = await page.GotoAsync(path);
            }
            catch (PlaywrightException ex) when (ex.Message.Contains("Download is starting", StringComparison.Ordinal))
            {
                // An export or a file, not a page.
                continue;
            }

            if (response is null || !response.Ok || !(response.Headers.TryGetValue("content-type", out var type) && type.StartsWith("text/html", StringComparison.Ordinal)))
            {
                continue;
            }

            pages.Add(path);
            await CheckAsync(page, role, language, $"{pages.Count:00}");
            var links = await page.Locator("nav a[href^='/staff'], main a[href^='/staff']").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
            foreach (var link in links.Where(l => !l.Contains("logout", StringComparison.Ordinal) && !l.Contains("/documents/", StringComparison.Ordinal) && !l.Contains("/letters/", StringComparison.Ordinal) && !l.Contains("format=", StringComparison.Ordinal)))
            {
                queue.Enqueue(link);
            }
        }

        Assert.True(pages.Count >= 3, $"only {pages.Count} staff pages were reached: {string.Join(", ", pages)}");
        if (role == StaffRoles.PrivacyOfficer)
        {
            Assert.Contains(pages, p => p.StartsWith("/staff/cases/", StringComparison.Ordinal));
        }

        await context.CloseAsync();
    }

    private static async Task CheckAsync(IPage page, string role, string language, string name)
    {
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, $"reflow-{role.ToLowerInvariant()}-{language}-{name}.png"), FullPage = true });
        var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= Width, $"{new Uri(page.Url).PathAndQuery} is {scrollWidth}px wide at {Width}px ({role}, {language})");
    }
}
