using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PrivacyPortal.Domain.Notices;
using PrivacyPortal.Infrastructure.Data;
using PrivacyPortal.Infrastructure.Security;
using PrivacyPortal.Infrastructure.Staff;

namespace PrivacyPortal.Browser.Tests;

/// <summary>What several journeys start from: a staff account with a password and an authenticator, a request filed through the public pages.</summary>
internal static class BrowserJourneys
{
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
        var context = await portal.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = portal.BaseAddress.ToString(), Locale = locale, JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
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
        await context.CloseAsync();
        return (reference, statusUrl);
    }
}
