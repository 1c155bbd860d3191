using System.Net;
using System.Text.RegularExpressions;
using PrivacyPortal.Web.Tests.Support;

namespace PrivacyPortal.Web.Tests.Localization;

/// <summary>
/// A policy's own words are shown in the language the company wrote them in, and say so: an English-only title on a
/// Japanese page is marked lang="en" (WCAG 3.1.2), a Japanese one is not.
/// </summary>
public sealed partial class PolicyLanguageTests() : PortalTest
{
    [Theory]
    [InlineData("nec-website", "Privacy Policy | NEC (nec.com)")]
    [InlineData("netone", "Privacy Handling")]
    [InlineData("ntt-resonant", "Personal Information Handling Policy")]
    [InlineData("ntt-smartconnect", "Privacy Policy and Privacy Statement")]
    public async Task AnEnglishOnlyTitle_OnAJapanesePage_IsMarkedEnglish(string policy, string title)
    {
        using var person = new IntakeClient(Factory, "ja");

        var (page, status) = await person.GetAsync($"/policies/{policy}");

        Assert.Equal(HttpStatusCode.OK, status);
        var source = SourceDocument().Match(page).Value;
        Assert.Contains($"<span lang=\"en\">{WebUtility.HtmlEncode(title)}</span>", source, StringComparison.Ordinal);
        Assert.Contains("会社のポリシー「", Html.Text(source), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AJapaneseTitle_IsShownAsIs_AndInEnglishTheEnglishOne()
    {
        using var japanese = new IntakeClient(Factory, "ja");
        using var english = new IntakeClient(Factory, "en");

        var (ja, _) = await japanese.GetAsync("/policies/nec-univerge-st500");
        var (en, _) = await english.GetAsync("/policies/nec-univerge-st500");

        Assert.Contains("「UNIVERGE ST500 プライバシーポリシー", SourceDocument().Match(ja).Value, StringComparison.Ordinal);
        Assert.DoesNotContain("lang=", SourceDocument().Match(ja).Value, StringComparison.Ordinal);
        Assert.Contains("“UNIVERGE ST500 Privacy Policy", SourceDocument().Match(en).Value, StringComparison.Ordinal);
    }

    [GeneratedRegex("<p class=\"source\" id=\"source-document\">.*?</p>", RegexOptions.Singleline)]
    private static partial Regex SourceDocument();
}
