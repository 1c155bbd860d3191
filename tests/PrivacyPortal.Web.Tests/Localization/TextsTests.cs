using System.Text.RegularExpressions;
using PrivacyPortal.Web.Localization;
using PrivacyPortal.Web.Tests.Support;

namespace PrivacyPortal.Web.Tests.Localization;

public sealed partial class TextsTests
{
    [GeneratedRegex("""T\["([A-Za-z0-9.\-]+)"[,\]]""")]
    private static partial Regex LiteralKey();

    [Fact]
    public void JapaneseAndEnglish_HaveTheSameKeys()
    {
        var texts = JsonStringLocalizerFactory.LoadAll();

        Assert.Equal(texts["en"].Keys.Order(StringComparer.Ordinal), texts["ja"].Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void EveryKeyAPageUses_Exists()
    {
        var known = JsonStringLocalizerFactory.LoadAll()["en"];
        var pages = Directory.GetFiles(Path.Combine(RepoPaths.Root, "src", "PrivacyPortal.Web"), "*.cshtml", SearchOption.AllDirectories);
        var used = pages.SelectMany(p => LiteralKey().Matches(File.ReadAllText(p)).Select(m => (Page: Path.GetFileName(p), Key: m.Groups[1].Value))).ToList();

        Assert.NotEmpty(used);
        Assert.All(used, u => Assert.True(known.ContainsKey(u.Key), $"{u.Page} uses missing key {u.Key}"));
    }

    [Fact]
    public void NoJapaneseText_IsLeftEmpty() =>
        Assert.All(JsonStringLocalizerFactory.LoadAll()["ja"], pair => Assert.False(string.IsNullOrWhiteSpace(pair.Value), pair.Key));
}
