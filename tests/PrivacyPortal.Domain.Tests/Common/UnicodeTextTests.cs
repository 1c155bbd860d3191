using System.Text;
using PrivacyPortal.Domain.Common;

namespace PrivacyPortal.Domain.Tests.Common;

public sealed class UnicodeTextTests
{
    [Theory]
    [InlineData("山田 花子", "山田 花子")]
    [InlineData("a\uFFFEb", "ab")]
    [InlineData("a\uFFFFb", "ab")]
    [InlineData("\uFDD0x\uFDEF", "x")]
    [InlineData("x\uFDCF\uFDF0", "x\uFDCF\uFDF0")]
    [InlineData("😀\uD83D\uDE00", "😀😀")]
    [InlineData("a\U0001FFFEb\U0010FFFF", "ab")]
    [InlineData("\uFFFD", "\uFFFD")]
    public void Clean_DropsLoneSurrogatesAndNoncharacters_AndKeepsEverythingElse(string typed, string kept) =>
        Assert.Equal(kept, UnicodeText.Clean(typed));

    /// <remarks>Built at run time: a lone surrogate does not survive in an attribute's constant.</remarks>
    [Fact]
    public void LoneSurrogates_AreDropped_WhereverTheyStand()
    {
        const char high = (char)0xD83D;
        const char low = (char)0xDE00;

        Assert.Equal("ab", UnicodeText.Clean("a" + high + "b"));
        Assert.Equal("a", UnicodeText.Clean("a" + low));
        Assert.Equal(string.Empty, UnicodeText.Clean(high.ToString()));
        Assert.Equal("😀", UnicodeText.Clean(low.ToString() + high + low + high));
    }

    [Fact]
    public void WhatNormalisationRefuses_NormalisesAfterCleaning()
    {
        Assert.Throws<ArgumentException>(() => "ｆｕｌｌ\uFFFE".Normalize(NormalizationForm.FormKC));

        Assert.Equal("full", UnicodeText.Normalize("ｆｕｌｌ\uFFFE", NormalizationForm.FormKC));
    }

    [Fact]
    public void CleanText_IsReturnedAsItIs() =>
        Assert.Same("already clean", UnicodeText.Clean("already clean"));
}
