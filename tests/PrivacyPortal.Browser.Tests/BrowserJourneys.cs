using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PrivacyPortal.Domain.Notices;
using PrivacyPortal.Infrastructure.Data;
using PrivacyPortal.Infrastructure.Security;
using PrivacyPortal.Infrastructure.Staff;

namespace PrivacyPortal.Browser.Tests;

/// <summary>
/// What several journeys share: a page for a reader of one language and width, a staff account with a password and
/// an authenticator and its sign-in, a request filed through the public pages, and a crawl of the links a page offers.
/// </summary>
internal static class BrowserJourneys
{
    /// <summary>A fresh browser context and page for someone reading in <paramref name="locale"/>; close it with <c>page.Context.CloseAsync()</c>.</summary>
    public static async Task<IPage> NewPageAsync(BrowserFixture portal, string locale, int width = 1200, int height = 900, bool javaScript = true)
    {
        var context = await portal.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = portal.BaseAddress.ToString(),
            Locale = locale,
            ExtraHTTPHeaders = new Dictionary<string, string> { ["Accept-Language"] = locale },
            ViewportSize = new ViewportSize { Width = width, Height = height },
            JavaScriptEnabled = javaScript,
        });
        return await context.NewPageAsync();
    }

    /// <summary>
    /// Signs in with password and authenticator code from wherever the page is (a staff page that sends to sign-in, or
    /// the sign-in page itself); <paramref name="atStep"/> runs on the password step ("login") and the code step ("code").
    /// </summary>
    public static async Task SignInAsync(IPage page, string email, string password, string authenticatorKey, Func<string, Task>? atStep = null)
    {
        if (!new Uri(page.Url).AbsolutePath.StartsWith("/staff/login", StringComparison.Ordinal))
        {
            await page.GotoAsync("/staff/login");
        }

        await page.Locator("#email").FillAsync(email);
        await page.Locator("#password").FillAsync(password);
        if (atStep is not null)
        {
            await atStep("login");
        }

        await page.Locator("button[type=submit]").Last.ClickAsync();
        Assert.Contains("/staff/login/code", page.Url, StringComparison.Ordinal);
        await page.Locator("#code").FillAsync(PrivacyPortal.Web.Tests.Support.Totp.Code(authenticatorKey, DateTimeOffset.UtcNow));
        if (atStep is not null)
        {
            await atStep("code");
        }

        await page.Locator("main button[type=submit]").ClickAsync();
    }

    /// <summary>
    /// Visits the pages reachable from <paramref name="start"/> through the navigation's and main content's links under
    /// <paramref name="prefix"/> (at most <paramref name="maxPages"/>), running <paramref name="onPage"/> on each HTML page.
    /// Downloads, documents, letters, exports, sign-out and language switches are not followed.
    /// </summary>
    public static async Task<List<string>> CrawlAsync(IPage page, IEnumerable<string> start, string prefix, int maxPages, Func<int, Task> onPage)
    {
        var pages = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>(start);
        while (queue.Count > 0 && pages.Count < maxPages)
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
            await onPage(pages.Count);
            var links = await page.Locator($"nav a[href^='{prefix}'], main a[href^='{prefix}']").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
            foreach (var link in links.Where(l => Followable(l) && (prefix != "/" || !l.StartsWith("/staff", StringComparison.Ordinal))))
            {
                queue.Enqueue(link.Split('#')[0]);
            }
        }

        return pages;
    }

    private static bool Followable(string link) =>
        !link.Contains("logout", StringComparison.Ordinal) && !link.Contains("/documents/", StringComparison.Ordinal)
        && !link.Contains("/letters/", StringComparison.Ordinal) && !link.Contains("format=", StringComparison.Ordinal)
        && !link.Contains("/dev/", StringComparison.Ordinal) && !link.Contains("lang=", StringComparison.Ordinal);

    public static async Task<string> CreateStaffAsync(BrowserFixture portal, string email, string role, string[] controllers, string password)
    {
        using var scope = portal.Services.CreateScope();
        var created = await scope.ServiceProvider.GetRequiredService<StaffAccounts>().CreateAsync(email, "Staff", role, controllers, "test");
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = (await users.FindByIdAsync(created.User.Id))!;
        await users.AddPasswordAsync(user, password);
        await users.ResetAuthenticatorKeyAsync(user);
        await users.SetTwoFactorEnabledAsync(user, true);
        return (await users.GetAuthenticatorKeyAsync(user))!;
    }

    /// <summary>A person files through the public form (no JavaScript) and confirms by the emailed link.</summary>
    /// <remarks>With <paramref name="agentEmail"/>, an appointed agent files for the person whose address is <paramref name="email"/>.</remarks>
    public static async Task<(string Reference, string StatusUrl)> FileThroughIntakeAsync(BrowserFixture portal, string locale, string email, bool withCorrection = false, string? agentEmail = null)
    {
        var page = await NewPageAsync(portal, locale, javaScript: false);
        await page.GotoAsync(withCorrection ? "/policies/ntt-smartconnect/file?types=disclosure&types=correction" : "/policies/ntt-smartconnect/file?types=disclosure");
        await page.Locator("#Input-Details-disclosure-data-").FillAsync("Membership details");
        await page.Locator("input[type=radio][name^='Input.Details[disclosure.']").First.CheckAsync();
        if (withCorrection)
        {
            await page.Locator("#Input-Details-correction-untrue-").FillAsync("The address on my membership record is an old one.");
            await page.Locator("#Input-Details-correction-correct-").FillAsync("大阪府大阪市中央区淡路町4-2-13");
        }

        await page.Locator("#Input-FullName").FillAsync("山田 花子");
        await page.Locator("#Input-BirthDate").FillAsync("1985-04-01");
        await page.Locator("#Input-PostalCode").FillAsync("541-0047");
        await page.Locator("#Input-Address").FillAsync("大阪府大阪市中央区淡路町4-2-13");
        await page.Locator("#Input-Email").FillAsync(email);
        if (agentEmail is not null)
        {
            await page.Locator("input[type=radio][name='Input.AgentKind'][value='AppointedAgent']").CheckAsync();
            await page.Locator("#Input-AgentFullName").FillAsync("代理 太郎");
            await page.Locator("#Input-AgentEmail").FillAsync(agentEmail);
            await page.Locator("#Input-AgentPostalCode").FillAsync("100-0001");
            await page.Locator("#Input-AgentAddress").FillAsync("東京都千代田区千代田1-1");
        }

        await page.Locator("button[name=step][value=review]").ClickAsync();
        await page.Locator("button[name=step][value=submit]").ClickAsync();
        using (var scope = portal.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var notice = db.Notices.AsNoTracking().Where(n => n.Kind == NoticeKind.EmailConfirmation && n.Recipient == (agentEmail ?? email)).AsEnumerable().Last();
            await page.GotoAsync(scope.ServiceProvider.GetRequiredService<NoticeLinks>().Unprotect(notice.ProtectedLink!));
        }

        await page.Locator("main button[type=submit]").ClickAsync();
        var reference = (await page.Locator("#reference").InnerTextAsync()).Trim();
        var statusUrl = page.Url;
        await page.Context.CloseAsync();
        return (reference, statusUrl);
    }
}
