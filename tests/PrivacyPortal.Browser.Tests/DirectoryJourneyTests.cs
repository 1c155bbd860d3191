using Microsoft.Playwright;

namespace PrivacyPortal.Browser.Tests;

/// <summary>A person finds NTT SmartConnect in the directory and reads its procedure, in English and in Japanese.</summary>
public sealed class DirectoryJourneyTests(BrowserFixture portal) : IClassFixture<BrowserFixture>
{
    private async Task<IPage> NewPageAsync(string locale)
    {
        return await BrowserJourneys.NewPageAsync(portal, locale, 1100, javaScript: false);
    }

    [Fact]
    public async Task FromTheDirectory_ToNttSmartConnectsProcedure_InEnglish()
    {
        var page = await NewPageAsync("en-GB");

        await page.GotoAsync("/directory");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "directory-en.png"), FullPage = true });
        await page.GetByLabel("Company or policy").FillAsync("SmartConnect");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        Assert.Equal("1 policies found.", (await page.GetByRole(AriaRole.Status).InnerTextAsync()).Trim());

        await page.GetByRole(AriaRole.Link, new() { Name = "NTT SmartConnect Corporation" }).ClickAsync();

        Assert.EndsWith("/policies/ntt-smartconnect", page.Url, StringComparison.Ordinal);
        Assert.Equal("NTT SmartConnect Corporation", await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync());
        var disclosureFee = await page.Locator("#type-disclosure .fee").InnerTextAsync();
        Assert.Equal("1,100 yen including tax (1,000 yen + 10% consumption tax)", disclosureFee.Trim());
        Assert.Equal("Free", (await page.Locator("#type-correction .fee").InnerTextAsync()).Trim());
        var email = page.GetByRole(AriaRole.Link, new() { Name = "kojin@nttsmc.com" });
        Assert.Equal("mailto:kojin@nttsmc.com", await email.GetAttributeAsync("href"));
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "procedure-ntt-smartconnect-en.png"), FullPage = true });
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "procedure-ntt-smartconnect-en-top.png") });
    }

    [Fact]
    public async Task TheSameJourney_InJapanese_AndSwitchingLanguage()
    {
        var page = await NewPageAsync("ja-JP");

        await page.GotoAsync("/directory");
        // The Japanese page names the company by its registered Japanese name.
        await page.GetByRole(AriaRole.Link, new() { Name = "エヌ・ティ・ティ・スマートコネクト株式会社" }).ClickAsync();

        Assert.Equal("ja", await page.Locator("html").GetAttributeAsync("lang"));
        Assert.Equal("1,100円（税込。本体1,000円＋消費税10%）", (await page.Locator("#type-disclosure .fee").InnerTextAsync()).Trim());
        Assert.True(await page.GetByRole(AriaRole.Link, new() { Name = "kojin@nttsmc.com" }).IsVisibleAsync());
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "procedure-ntt-smartconnect-ja.png"), FullPage = true });

        await page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();

        Assert.EndsWith("/policies/ntt-smartconnect", page.Url, StringComparison.Ordinal);
        Assert.Equal("en", await page.Locator("html").GetAttributeAsync("lang"));
    }

    [Fact]
    public async Task TheSkipLink_IsTheFirstThingTheKeyboardReaches()
    {
        var page = await NewPageAsync("en-GB");
        await page.GotoAsync("/policies/netone");

        await page.Keyboard.PressAsync("Tab");

        Assert.Equal("Skip to main content", await page.EvaluateAsync<string>("() => document.activeElement.textContent"));
    }
}
