using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PrivacyPortal.Domain.Notices;
using PrivacyPortal.Infrastructure.Data;
using PrivacyPortal.Infrastructure.Security;

namespace PrivacyPortal.Browser.Tests;

/// <summary>
/// An agent files for someone; that person opens the link in the email sent to them, sees who asked for what, and
/// says they did not ask. Each step is checked by axe and kept as a screenshot, in both languages.
/// </summary>
public sealed class PersonJourneyTests(BrowserFixture portal) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData("en-GB")]
    [InlineData("ja-JP")]
    public async Task ThePersonAnAgentFiledFor_SaysTheyDidNotAsk(string locale)
    {
        var language = locale[..2];
        var personEmail = $"person.{language}@example.jp";
        var (reference, _) = await BrowserJourneys.FileThroughIntakeAsync(portal, locale, personEmail, agentEmail: $"agent.{language}@example.jp");
        string link;
        using (var scope = portal.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var notice = db.Notices.AsNoTracking().Where(n => n.Kind == NoticeKind.AgentFiled && n.Recipient == personEmail).AsEnumerable().Single();
            link = scope.ServiceProvider.GetRequiredService<NoticeLinks>().Unprotect(notice.ProtectedLink!);
        }

        var page = await BrowserJourneys.NewPageAsync(portal, locale, 375, height: 800);
        var violations = new List<string>();
        await page.GotoAsync(link);
        Assert.Equal(reference, (await page.Locator("#reference").InnerTextAsync()).Trim());
        Assert.Contains("代理 太郎", await page.Locator("#made-by").InnerTextAsync(), StringComparison.Ordinal);
        violations.AddRange(await AccessibilityTests.ViolationsAsync(page, $"person-{language}", "1-told"));

        await page.Locator("#did-not-ask").ClickAsync();
        await page.Locator("#recorded").WaitForAsync();
        Assert.Equal(0, await page.Locator("#did-not-ask").CountAsync());
        violations.AddRange(await AccessibilityTests.ViolationsAsync(page, $"person-{language}", "2-recorded"));
        await page.Context.CloseAsync();

        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
        using (var scope = portal.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            Assert.NotNull(db.Requests.AsNoTracking().Single(r => r.Reference == reference).PersonObjectedAtUtc);
        }
    }
}
