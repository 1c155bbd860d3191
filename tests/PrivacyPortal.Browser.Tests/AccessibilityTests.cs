using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using PrivacyPortal.Infrastructure.Staff;

namespace PrivacyPortal.Browser.Tests;

/// <summary>
/// axe-core, run on every page a public visitor, a requester and each staff role reach by following the portal's own
/// links, in both languages, on a desktop screen and at 375 CSS pixels: no WCAG 2.2 A or AA violation. Each page's
/// screenshot is kept; a failure names the page, the rule and the elements.
/// </summary>
public sealed class AccessibilityTests(BrowserFixture portal) : IClassFixture<BrowserFixture>
{
    private const string Password = "axe passphrase 2026";

    private static readonly AxeRunOptions WcagAA = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"] },
    };

    [Theory]
    [InlineData("public", "en-GB", 1280)]
    [InlineData("public", "ja-JP", 1280)]
    [InlineData("public", "en-GB", 375)]
    [InlineData("public", "ja-JP", 375)]
    [InlineData(StaffRoles.PrivacyOfficer, "en-GB", 1280)]
    [InlineData(StaffRoles.PrivacyOfficer, "ja-JP", 375)]
    [InlineData(StaffRoles.Auditor, "ja-JP", 1280)]
    [InlineData(StaffRoles.Auditor, "en-GB", 375)]
    [InlineData(StaffRoles.Administrator, "en-GB", 1280)]
    [InlineData(StaffRoles.Administrator, "ja-JP", 375)]
    public async Task EveryPageReached_HasNoWcag22AAViolation(string who, string locale, int width)
    {
        var language = locale[..2];
        var tag = $"{who.ToLowerInvariant()}-{language}-{width}";
        var (_, statusLink) = await BrowserJourneys.FileThroughIntakeAsync(portal, locale, $"axe.{tag}@example.jp");
        var context = await portal.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = portal.BaseAddress.ToString(),
            Locale = locale,
            ExtraHTTPHeaders = new Dictionary<string, string> { ["Accept-Language"] = locale },
            ViewportSize = new ViewportSize { Width = width, Height = 900 },
        });
        var page = await context.NewPageAsync();
        string[] start;
        string prefix;
        if (who == "public")
        {
            // The public pages, the filing form of every policy, and a requester's own page.
            start = ["/", "/directory", "/status-link", new Uri(statusLink).PathAndQuery,
                     "/policies/nec-univerge-st500/file", "/policies/nec-website/file", "/policies/netone/file", "/policies/ntt-resonant/file", "/policies/ntt-smartconnect/file"];
            prefix = "/";
        }
        else
        {
            var email = $"axe.{tag}@example.jp";
            var key = await BrowserJourneys.CreateStaffAsync(portal, email, who, who == StaffRoles.PrivacyOfficer ? ["ntt-smartconnect", "netone"] : [], Password);
            await page.GotoAsync("/staff/login");
            var failures = await ViolationsAsync(page, tag, "login");
            await page.Locator("#email").FillAsync(email);
            await page.Locator("#password").FillAsync(Password);
            await page.Locator("button[type=submit]").Last.ClickAsync();
            failures.AddRange(await ViolationsAsync(page, tag, "code"));
            await page.Locator("#code").FillAsync(PrivacyPortal.Web.Tests.Support.Totp.Code(key, DateTimeOffset.UtcNow));
            await page.Locator("main button[type=submit]").ClickAsync();
            Assert.Empty(failures);
            start = [new Uri(page.Url).PathAndQuery];
            prefix = "/staff";
        }

        var (pages, violations) = await CrawlAsync(page, start, prefix, tag);

        Assert.True(pages.Count >= 4, $"only {pages.Count} pages were reached: {string.Join(", ", pages)}");
        Assert.True(violations.Count == 0, string.Join("\n", violations));
        await context.CloseAsync();
    }

    private static async Task<(List<string> Pages, List<string> Violations)> CrawlAsync(IPage page, string[] start, string prefix, string tag)
    {
        var pages = new List<string>();
        var violations = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>(start);
        while (queue.Count > 0 && pages.Count < 30)
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
                continue;
            }

            if (response is null || !response.Ok || !(response.Headers.TryGetValue("content-type", out var type) && type.StartsWith("text/html", StringComparison.Ordinal)))
            {
                continue;
            }

            pages.Add(path);
            violations.AddRange(await ViolationsAsync(page, tag, $"{pages.Count:00}"));
            var links = await page.Locator($"nav a[href^='{prefix}'], main a[href^='{prefix}']").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
            foreach (var link in links.Where(l => Followable(l) && (prefix != "/" || !l.StartsWith("/staff", StringComparison.Ordinal))))
            {
                queue.Enqueue(link.Split('#')[0]);
            }
        }

        return (pages, violations);
    }

    private static bool Followable(string link) =>
        !link.Contains("logout", StringComparison.Ordinal) && !link.Contains("/documents/", StringComparison.Ordinal)
        && !link.Contains("/letters/", StringComparison.Ordinal) && !link.Contains("format=", StringComparison.Ordinal)
        && !link.Contains("/dev/", StringComparison.Ordinal) && !link.Contains("lang=", StringComparison.Ordinal);

    internal static async Task<List<string>> ViolationsAsync(IPage page, string tag, string name)
    {
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, $"axe-{tag}-{name}.png"), FullPage = true });
        var result = await page.RunAxe(WcagAA);
        var where = new Uri(page.Url).PathAndQuery;
        return result.Violations
            .Select(v => $"{where} ({tag}): {v.Id} [{v.Impact}] {v.Help}: {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}")
            .ToList();
    }
}
