using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PrivacyPortal.Domain.Notices;
using PrivacyPortal.Infrastructure.Data;
using PrivacyPortal.Infrastructure.Security;

namespace PrivacyPortal.Browser.Tests;

/// <summary>
/// A person files a disclosure request to NTT SmartConnect without JavaScript: fills in the form, reviews the fee,
/// uploads a PDF, confirms through the link the portal emailed, and follows the request on its status page.
/// </summary>
public sealed class IntakeJourneyTests(BrowserFixture portal) : IClassFixture<BrowserFixture>
{
    private static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"u8.ToArray();

    [Theory]
    [InlineData("en-GB", "Make a request", "Disclosure", "Continue", "Electronic record", "Review my request", "Submit my request", "Upload", "Confirm and send my request", "Reference number", "1,100 yen including tax")]
    [InlineData("ja-JP", "請求する", "開示", "次へ", "電磁的記録（電子データ）", "入力内容を確認する", "請求を送信する", "アップロード", "確認して請求を送る", "受付番号", "1,100円（税込")]
    public async Task FileADisclosureRequest_UploadAPdf_ConfirmByEmail_AndFollowIt(
        string locale, string start, string disclosure, string next, string electronic, string review, string submit, string upload, string confirm, string referenceLabel, string fee)
    {
        var language = locale[..2];
        var page = await BrowserJourneys.NewPageAsync(portal, locale, 1100, javaScript: false);
        string Shot(string name) => Path.Combine(BrowserFixture.ScreenshotDirectory, $"intake-{name}-{language}.png");

        await page.GotoAsync("/policies/ntt-smartconnect");
        await page.GetByRole(AriaRole.Link, new() { Name = start, Exact = true }).First.ClickAsync();
        await page.GetByRole(AriaRole.Checkbox, new() { Name = disclosure }).First.CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = next }).ClickAsync();

        await page.Locator("#Input-Details-disclosure-data-").FillAsync(language == "ja" ? "会員情報とサービス利用履歴" : "My membership details and usage history");
        await page.GetByLabel(electronic).CheckAsync();
        await page.Locator("#Input-FullName").FillAsync("山田 花子");
        await page.Locator("#Input-BirthDate").FillAsync("1985-04-01");
        await page.Locator("#Input-PostalCode").FillAsync("541-0047");
        await page.Locator("#Input-Address").FillAsync("大阪府大阪市中央区淡路町4-2-13");
        var email = $"hanako.{language}@example.jp";
        await page.Locator("#Input-Email").FillAsync(email);
        await page.ScreenshotAsync(new() { Path = Shot("1-form"), FullPage = true });
        await page.GetByRole(AriaRole.Button, new() { Name = review }).ClickAsync();

        Assert.Contains(fee, await page.Locator("#fee").InnerTextAsync(), StringComparison.Ordinal);
        await page.ScreenshotAsync(new() { Path = Shot("2-review"), FullPage = true });
        await page.GetByRole(AriaRole.Button, new() { Name = submit }).ClickAsync();

        Assert.Matches("/r/[A-Za-z0-9_-]{43}", page.Url);
        await page.Locator("#file").SetInputFilesAsync(new FilePayload { Name = "licence.pdf", MimeType = "application/pdf", Buffer = Pdf });
        await page.GetByRole(AriaRole.Button, new() { Name = upload, Exact = true }).ClickAsync();
        Assert.Contains("licence.pdf", await page.Locator(".documents").InnerTextAsync(), StringComparison.Ordinal);
        await page.ScreenshotAsync(new() { Path = Shot("3-draft"), FullPage = true });

        await page.GotoAsync(ConfirmationLinkFor(email));
        await page.ScreenshotAsync(new() { Path = Shot("4-confirm"), FullPage = true });
        await page.GetByRole(AriaRole.Button, new() { Name = confirm }).ClickAsync();

        var summary = await page.Locator("#summary").InnerTextAsync();
        Assert.Contains(referenceLabel, summary, StringComparison.Ordinal);
        Assert.Matches("NTTSMC-\\d{4}-\\d{6}", await page.Locator("#reference").InnerTextAsync());
        Assert.NotEmpty((await page.Locator("#due-appi").InnerTextAsync()).Trim());
        Assert.Contains("licence.pdf", await page.Locator(".documents").InnerTextAsync(), StringComparison.Ordinal);
        await page.ScreenshotAsync(new() { Path = Shot("5-status"), FullPage = true });
        await page.Context.CloseAsync();
    }

    /// <summary>The link the worker would email: read from the outbox and decrypted as the sender does.</summary>
    private string ConfirmationLinkFor(string email)
    {
        using var scope = portal.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var notice = db.Notices.AsNoTracking().Where(n => n.Kind == NoticeKind.EmailConfirmation && n.Recipient == email).AsEnumerable().Last();
        return scope.ServiceProvider.GetRequiredService<NoticeLinks>().Unprotect(notice.ProtectedLink!);
    }
}
