using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PrivacyPortal.Domain.Notices;
using PrivacyPortal.Infrastructure.Data;
using PrivacyPortal.Infrastructure.Security;

namespace PrivacyPortal.Browser.Tests;

/// <summary>
/// Filing done with the keyboard alone (WCAG 2.1.1): every control is reached with Tab, shows where the focus is
/// (2.4.7), and is worked with typing, Space, the arrow keys and Enter. Each step is checked by axe and kept as a
/// screenshot. The confirmation link is opened as a mail client would open it. An officer then signs in and decides
/// a case the same way.
/// </summary>
public sealed class KeyboardJourneyTests(BrowserFixture portal) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData("en-GB")]
    [InlineData("ja-JP")]
    public async Task FilingADisclosureRequest_WorksWithTheKeyboardAlone(string locale)
    {
        var language = locale[..2];
        var email = $"keyboard.{language}@example.jp";
        var page = await BrowserJourneys.NewPageAsync(portal, locale, 1280, height: 720);
        var violations = new List<string>();
        await page.GotoAsync("/policies/ntt-smartconnect");
        violations.AddRange(await StepAsync(page, language, "1-policy"));

        await TabToAsync(page, "main a[href='/policies/ntt-smartconnect/file']");
        await page.Keyboard.PressAsync("Enter");
        // The next page is there once its first control is (as for the other steps), not when every resource is loaded.
        await page.Locator("#type-disclosure").WaitForAsync();
        Assert.EndsWith("/policies/ntt-smartconnect/file", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
        violations.AddRange(await StepAsync(page, language, "2-types"));

        await TabToAsync(page, "#type-disclosure");
        await page.Keyboard.PressAsync("Space");
        Assert.True(await page.Locator("#type-disclosure").IsCheckedAsync());
        await TabToAsync(page, "main button[type=submit]");
        await page.Keyboard.PressAsync("Enter");
        await page.Locator("#Input-FullName").WaitForAsync();
        violations.AddRange(await StepAsync(page, language, "3-details"));

        await TypeIntoAsync(page, "#Input-Details-disclosure-data-", "Membership details");
        await TabToAsync(page, "input[type=radio][name^='Input.Details[disclosure.']");
        await page.Keyboard.PressAsync("Space");
        Assert.True(await page.Locator("input[type=radio][name^='Input.Details[disclosure.']:checked").CountAsync() == 1);
        await TypeIntoAsync(page, "#Input-FullName", "山田 花子");
        await TabToAsync(page, "#Input-BirthDate");
        // A date control takes its parts as typed digits, in the order of the browser's own format (month, day,
        // year here); each two-digit part moves on by itself.
        await page.Keyboard.TypeAsync("04011985");
        Assert.Equal("1985-04-01", await page.Locator("#Input-BirthDate").InputValueAsync());
        await TypeIntoAsync(page, "#Input-PostalCode", "541-0047");
        await TypeIntoAsync(page, "#Input-Address", "大阪府大阪市中央区淡路町4-2-13");
        await TypeIntoAsync(page, "#Input-Email", email);
        await TabToAsync(page, "button[name=step][value=review]");
        await page.Keyboard.PressAsync("Enter");
        await page.Locator("button[name=step][value=submit]").WaitForAsync();
        violations.AddRange(await StepAsync(page, language, "4-review"));
        Assert.Contains("1985", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);

        await TabToAsync(page, "button[name=step][value=submit]");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/r/**");
        violations.AddRange(await StepAsync(page, language, "5-filed"));

        using (var scope = portal.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var notice = db.Notices.AsNoTracking().Where(n => n.Kind == NoticeKind.EmailConfirmation && n.Recipient == email).AsEnumerable().Last();
            await page.GotoAsync(scope.ServiceProvider.GetRequiredService<NoticeLinks>().Unprotect(notice.ProtectedLink!));
        }

        violations.AddRange(await StepAsync(page, language, "6-confirm"));
        await TabToAsync(page, "main button[type=submit]");
        await page.Keyboard.PressAsync("Enter");
        await page.Locator("#reference").WaitForAsync();
        violations.AddRange(await StepAsync(page, language, "7-confirmed"));

        Assert.Empty(violations);
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("en-GB", "Decided")]
    [InlineData("ja-JP", "決定済み")]
    public async Task SigningInAndDecidingACase_WorkWithTheKeyboardAlone(string locale, string decided)
    {
        var language = locale[..2];
        var email = $"keyboard.officer.{language}@example.jp";
        const string Password = "keyboard passphrase 2026";
        var key = await BrowserJourneys.CreateStaffAsync(portal, email, Infrastructure.Staff.StaffRoles.PrivacyOfficer, ["ntt-smartconnect"], Password);
        var (reference, _) = await BrowserJourneys.FileThroughIntakeAsync(portal, locale, $"keyboard.person.{language}@example.jp");
        var page = await BrowserJourneys.NewPageAsync(portal, locale, 1280, height: 720);
        var violations = new List<string>();
        async Task Step(string name)
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, $"keyboard-deciding-{language}-{name}.png"), FullPage = true });
            violations.AddRange(await AccessibilityTests.ViolationsAsync(page, $"keyboard-officer-{language}", name));
        }

        await page.GotoAsync("/staff/login");
        await TypeIntoAsync(page, "#email", email);
        await TypeIntoAsync(page, "#password", Password);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/staff/login/code**");
        await TypeIntoAsync(page, "#code", PrivacyPortal.Web.Tests.Support.Totp.Code(key, DateTimeOffset.UtcNow));
        await page.Keyboard.PressAsync("Enter");
        await page.Locator("#queue").WaitForAsync();
        await Step("1-queue");

        var caseLink = await page.GetByRole(AriaRole.Link, new() { Name = reference }).GetAttributeAsync("href");
        await TabToAsync(page, $"#queue a[href='{caseLink}']");
        await page.Keyboard.PressAsync("Enter");
        await page.Locator("#verify").WaitForAsync();
        await Step("2-case");
        foreach (var check in new[] { "#nameMatches", "#addressMatches", "#currentAndValid", "#masked" })
        {
            await TabToAsync(page, check);
            await page.Keyboard.PressAsync("Space");
        }

        await TabToAsync(page, "#verify");
        await page.Keyboard.PressAsync("Enter");
        await page.Locator("#identity-verified").WaitForAsync();

        // The last day to pay, three weeks on, typed in the browser's own date order (month, day, year).
        var payBy = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(9)).AddDays(21);
        await TabToAsync(page, "#payBy");
        await page.Keyboard.TypeAsync(payBy.ToString("MMddyyyy", System.Globalization.CultureInfo.InvariantCulture));
        await TabToAsync(page, "#request-fee");
        await page.Keyboard.PressAsync("Enter");
        await page.Locator("#record-payment").WaitForAsync();
        await TypeIntoAsync(page, "#method", language == "ja" ? "郵便切手" : "Postage stamps");
        await TypeIntoAsync(page, "#receipt", "R-2026-0042");
        await TabToAsync(page, "#record-payment");
        await page.Keyboard.PressAsync("Enter");
        await page.Locator("#decide-disclosure").WaitForAsync();
        await Step("3-to-decide");

        await TabToAsync(page, "#outcome-disclosure-Fulfilled");
        await page.Keyboard.PressAsync("Space");
        Assert.True(await page.Locator("#outcome-disclosure-Fulfilled").IsCheckedAsync());
        await TabToAsync(page, "#decide-disclosure");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**done=**");
        await Step("4-decided");

        Assert.Equal(decided, (await page.Locator("#case-status").InnerTextAsync()).Trim());
        Assert.Empty(violations);
        await page.Context.CloseAsync();
    }

    /// <summary>Presses Tab until the focus is on the control, as a keyboard user would; fails when it never gets there.</summary>
    internal static async Task TabToAsync(IPage page, string selector)
    {
        for (var presses = 0; presses < 120; presses++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<bool>("s => document.activeElement !== null && document.activeElement.matches(s)", selector))
            {
                // WCAG 2.4.7: the focused control is visibly marked.
                var outline = await page.EvaluateAsync<string>("() => { const s = getComputedStyle(document.activeElement); return s.outlineStyle + ' ' + s.outlineWidth; }");
                Assert.False(outline.StartsWith("none", StringComparison.Ordinal) || outline.EndsWith(" 0px", StringComparison.Ordinal), $"{selector} has no visible focus ({outline})");
                return;
            }
        }

        Assert.Fail($"Tab never reached {selector} on {page.Url}");
    }

    private static async Task TypeIntoAsync(IPage page, string selector, string text)
    {
        await TabToAsync(page, selector);
        await page.Keyboard.InsertTextAsync(text);
    }

    private static async Task<IReadOnlyList<string>> StepAsync(IPage page, string language, string name)
    {
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, $"keyboard-filing-{language}-{name}.png"), FullPage = true });
        return await AccessibilityTests.ViolationsAsync(page, $"keyboard-{language}", name);
    }
}
