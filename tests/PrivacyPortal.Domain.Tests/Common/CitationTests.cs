using PrivacyPortal.Domain.Common;

namespace PrivacyPortal.Domain.Tests.Common;

/// <summary>Japanese readers see statutes cited the Japanese way: 条, 項, 号, ただし書.</summary>
public sealed class CitationTests
{
    [Theory]
    [InlineData("APPI Art. 33(2)(i)", "個人情報保護法第33条第2項第1号")]
    [InlineData("APPI Art. 32(2)(ii)", "個人情報保護法第32条第2項第2号")]
    [InlineData("APPI Art. 35(1), (3), (5)", "個人情報保護法第35条第1項、第3項、第5項")]
    [InlineData("APPI Art. 35(2), (6) proviso", "個人情報保護法第35条第2項、第6項ただし書")]
    [InlineData("APPI Art. 33", "個人情報保護法第33条")]
    [InlineData("GDPR Art. 12(2), 12(6)", "GDPR第12条第2項、第12条第6項")]
    [InlineData("GDPR Art. 17(3)(a)", "GDPR第17条第3項(a)")]
    public void AStatute_IsCitedInJapanese_OnJapanesePages(string article, string japanese)
    {
        Assert.Equal(japanese, Citation.Of(article, "ja"));
        Assert.Equal(article, Citation.Of(article, "en"));
    }

    [Theory]
    [InlineData("X. Procedure for disclosure, etc., 1.")]
    [InlineData("APPI Art. (2)")]
    [InlineData("")]
    public void AnythingElse_IsShownAsItIs(string text) => Assert.Equal(text, Citation.Of(text, "ja"));
}
