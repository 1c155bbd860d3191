using Deque.AxeCore.Commons;
using System.Text.Json;
using Microsoft.Playwright;
using PrivacyPortal.Infrastructure.Staff;

namespace PrivacyPortal.Browser.Tests;

/// <summary>
/// axe-core, run on every page a public visitor, a requester and each staff role reach by following the portal's own
/// links, in both languages, on a desktop screen and at 375 CSS pixels: no WCAG 2.2 A or AA violation. Each page's
/// screenshot is kept; a failure names the page, the rule and the elements.
/// </summary>
/// <remarks>
/// The crawls are two classes, the public's and the staff's, so that each has a portal of its own and the two run side
/// by side: one class would run all ten crawls one after another.
/// </remarks>
public sealed class PublicAccessibilityTests(BrowserFixture portal) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData("public", "en-GB", 1280)]
    [InlineData("public", "ja-JP", 1280)]
    [InlineData("public", "en-GB", 375)]
    [InlineData("public", "ja-JP", 375)]
    public Task EveryPageReached_HasNoWcag22AAViolation(string who, string locale, int width) =>
        AccessibilityTests.CrawlAsync(portal, who, locale, width);
}

/// <summary>The staff roles' crawls, the crawl itself, and the one axe run every browser test uses.</summary>
public sealed class AccessibilityTests(BrowserFixture portal) : IClassFixture<BrowserFixture>
{
    private const string Password = "axe passphrase 2026";

    /// <summary>axe-core itself, as the Deque package ships it.</summary>
    private static readonly Lazy<string> AxeSource = new(() =>
    {
        using var stream = typeof(AxeRunOptions).Assembly.GetManifestResourceStream("Deque.AxeCore.Commons.Resources.axe.min.js")
            ?? throw new InvalidOperationException("axe-core is not in Deque.AxeCore.Commons.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    [Theory]
    [InlineData(StaffRoles.PrivacyOfficer, "en-GB", 1280)]
    [InlineData(StaffRoles.PrivacyOfficer, "ja-JP", 375)]
    [InlineData(StaffRoles.Auditor, "ja-JP", 1280)]
    [InlineData(StaffRoles.Auditor, "en-GB", 375)]
    [InlineData(StaffRoles.Administrator, "en-GB", 1280)]
    [InlineData(StaffRoles.Administrator, "ja-JP", 375)]
    public Task EveryPageReached_HasNoWcag22AAViolation(string who, string locale, int width) => CrawlAsync(portal, who, locale, width);

    [Fact]
    public async Task TheAxeRun_ReportsWhatItFinds()
    {
        // The crawls pass when axe reports nothing; this shows the run reports a violation when there is one.
        var page = await BrowserJourneys.NewPageAsync(portal, "en-GB");
        await page.SetContentAsync("""<html lang="en"><head><title>t</title></head><body><main><img src="/x.png"><a href="/"></a></main></body></html>""");
        var found = await ViolationsAsync(page, "self-check", "01");
        await page.Context.CloseAsync();

        Assert.Contains(found, v => v.Contains(": image-alt [critical]", StringComparison.Ordinal));
        Assert.Contains(found, v => v.Contains(": link-name [serious]", StringComparison.Ordinal));
    }

    /// <summary>Follows the portal's links as this visitor from where they start, running axe on every page reached.</summary>
    internal static async Task CrawlAsync(BrowserFixture portal, string who, string locale, int width)
    {
        var language = locale[..2];
        var tag = $"{who.ToLowerInvariant()}-{language}-{width}";
        var (_, statusLink) = await BrowserJourneys.FileThroughIntakeAsync(portal, locale, $"axe.{tag}@example.jp");
        var page = await BrowserJourneys.NewPageAsync(portal, locale, width);
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
            var failures = new List<string>();
            await BrowserJourneys.SignInAsync(page, email, Password, key, async step => failures.AddRange(await ViolationsAsync(page, tag, step)));
            Assert.Empty(failures);
            start = [new Uri(page.Url).PathAndQuery];
            prefix = "/staff";
        }

        var violations = new List<string>();
        var pages = await BrowserJourneys.CrawlAsync(page, start, prefix, 30, async n => violations.AddRange(await ViolationsAsync(page, tag, $"{n:00}")));

        Assert.True(pages.Count >= 4, $"only {pages.Count} pages were reached: {string.Join(", ", pages)}");
        Assert.True(violations.Count == 0, string.Join("\n", violations));
        await page.Context.CloseAsync();
    }

    internal static async Task<List<string>> ViolationsAsync(IPage page, string tag, string name)
    {
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, $"axe-{tag}-{name}.png"), FullPage = true });
        var where = new Uri(page.Url).PathAndQuery;
        return (await RunAxeAsync(page))
            .Select(v => $"{where} ({tag}): {v.Id} [{v.Impact}] {v.Help}: {string.Join(" | ", v.Nodes)}")
            .ToList();
    }

    /// <summary>
    /// Runs axe-core's WCAG 2.2 A and AA rules on the page's document and returns the violations with up to three
    /// elements each.
    /// </summary>
    /// <remarks>
    /// The portal's pages have no frames, so one <c>axe.run</c> in the page is the whole check. The package's own
    /// <c>RunAxe</c> re-sends the script and opens a second page to merge per-frame results on every call: about a
    /// second a page against a tenth of that for the run itself, which across three hundred scans was most of the
    /// browser tests' time.
    /// </remarks>
    private static async Task<AxeViolation[]> RunAxeAsync(IPage page)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
        {
            // Evaluated rather than added as a script element: the portal's Content-Security-Policy allows no inline script.
            await page.EvaluateAsync($"() => {{ {AxeSource.Value}\n}}");
        }

        var json = await page.EvaluateAsync<string>(
            """
            async () => {
              const results = await axe.run(document, {
                runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'] },
                resultTypes: ['violations'],
              });
              return JSON.stringify(results.violations.map(v => ({
                id: v.id, impact: v.impact ?? '', help: v.help, nodes: v.nodes.slice(0, 3).map(n => n.html),
              })));
            }
            """);
        return JsonSerializer.Deserialize<AxeViolation[]>(json, JsonSerializerOptions.Web)!;
    }

    private sealed record AxeViolation(string Id, string Impact, string Help, string[] Nodes);
}
