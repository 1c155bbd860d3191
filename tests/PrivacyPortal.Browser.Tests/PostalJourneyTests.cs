using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PrivacyPortal.Infrastructure.Data;
using PrivacyPortal.Infrastructure.Staff;

namespace PrivacyPortal.Browser.Tests;

/// <summary>
/// A letter reaches Net One, which takes requests by post: its officer registers it with the day it arrived, scans
/// the enclosed licence, finds the printed acknowledgement in the post tray and records it as posted.
/// </summary>
public sealed class PostalJourneyTests(BrowserFixture portal) : IClassFixture<BrowserFixture>
{
    private const string Password = "officer passphrase 2026";

    [Theory]
    [InlineData("ja-JP", "郵送")]
    [InlineData("en-GB", "Post")]
    public async Task RegisterALetter_ScanTheLicence_AndPostTheAcknowledgement(string locale, string channel)
    {
        var language = locale[..2];
        var email = $"post.{language}@netone.example";
        var key = await BrowserJourneys.CreateStaffAsync(portal, email, StaffRoles.PrivacyOfficer, ["netone"], Password);
        string Shot(string name) => Path.Combine(BrowserFixture.ScreenshotDirectory, $"postal-{name}-{language}.png");
        var page = await BrowserJourneys.NewPageAsync(portal, locale);
        await page.GotoAsync("/staff");
        await BrowserJourneys.SignInAsync(page, email, Password, key);

        await page.Locator("#nav-register").ClickAsync();
        await page.Locator("#policies a[href='/staff/register/netone']").ClickAsync();
        await page.Locator("#type-disclosure").CheckAsync();
        await page.Locator("#choose-types").ClickAsync();

        // A day in the future is refused, with the error linked from the summary and nothing typed lost.
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeBySystemTimeZoneId(DateTime.UtcNow, "Asia/Tokyo"));
        await page.Locator("#Channel-Post").CheckAsync();
        await page.Locator("#ArrivedOn").FillAsync(today.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.Locator($"#RequestLanguage-{language}").CheckAsync();
        await page.Locator("#Input-Details-disclosure-data-").FillAsync(language == "ja" ? "会員情報" : "Membership details");
        await page.Locator("input[type=radio][name^='Input.Details[disclosure.']").First.CheckAsync();
        await page.Locator("#Input-FullName").FillAsync("郵送 花子");
        await page.Locator("#Input-BirthDate").FillAsync("1970-05-05");
        await page.Locator("#Input-PostalCode").FillAsync("100-0001");
        await page.Locator("#Input-Address").FillAsync("東京都千代田区千代田1-1");
        await page.ScreenshotAsync(new() { Path = Shot("1-form"), FullPage = true });
        await page.Locator("#register").ClickAsync();
        Assert.True(await page.Locator("#error-summary a[href='#ArrivedOn']").IsVisibleAsync());
        Assert.Equal("郵送 花子", await page.Locator("#Input-FullName").InputValueAsync());
        await page.ScreenshotAsync(new() { Path = Shot("2-refused"), FullPage = true });

        await page.Locator("#ArrivedOn").FillAsync(today.AddDays(-2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.Locator("#register").ClickAsync();
        Assert.Equal(channel, (await page.Locator("#case-channel").InnerTextAsync()).Trim());
        Assert.True(await page.Locator("#by-post").IsVisibleAsync());

        await page.Locator("#scan-file").SetInputFilesAsync(new FilePayload { Name = "licence.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"u8.ToArray() });
        await page.Locator("#scan").ClickAsync();
        Assert.Contains("licence.pdf", await page.Locator("#documents").InnerTextAsync(), StringComparison.Ordinal);
        await page.ScreenshotAsync(new() { Path = Shot("3-case"), FullPage = true });

        using (var scope = portal.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<Infrastructure.Jobs.LetterPrinting>().RunOnceAsync(CancellationToken.None);
        }

        await page.Locator("#nav-post").ClickAsync();
        await page.ScreenshotAsync(new() { Path = Shot("4-post-tray"), FullPage = true });
        await page.Locator("#to-post tbody tr").Last.Locator("td").First.Locator("a").ClickAsync();
        await page.Locator("#letters button[id^=posted-]").ClickAsync();
        Assert.Equal(1, await page.Locator("#letters .posted").CountAsync());
        Assert.Contains("letter-posted", await page.Locator("#timeline").InnerHTMLAsync(), StringComparison.Ordinal);
        await page.ScreenshotAsync(new() { Path = Shot("5-posted"), FullPage = true });
        await page.Context.CloseAsync();

        using var check = portal.Services.CreateScope();
        var db = check.ServiceProvider.GetRequiredService<PortalDbContext>();
        var registered = await db.Requests.AsNoTracking().Include(r => r.Letters).Where(r => r.Requester.FullName == "郵送 花子" && r.Language == language).SingleAsync();
        Assert.Equal(today.AddDays(-2), registered.ReceivedOn);
        Assert.Empty(await db.Notices.AsNoTracking().Where(n => n.RequestId == registered.Id).ToListAsync());
    }
}
