using System.Text.RegularExpressions;
using PrivacyPortal.Web.Tests.Support;

namespace PrivacyPortal.Web.Tests.Pages;

/// <summary>People see a policy by its title and date; the names of the files it was transcribed from are for the team.</summary>
public sealed partial class SourceNamingTests() : PortalTest
{
    [Theory]
    [InlineData("nec-website", "en")]
    [InlineData("nec-univerge-st500", "ja")]
    [InlineData("netone", "ja")]
    [InlineData("ntt-resonant", "en")]
    [InlineData("ntt-smartconnect", "ja")]
    public async Task NoPageOfAPolicy_ShowsASeedFileName(string policy, string language)
    {
        using var person = new IntakeClient(Factory, language);

        var (page, _) = await person.GetAsync($"/policies/{policy}");
        var pages = new List<string> { page };
        foreach (Match type in TypeLink().Matches(page))
        {
            pages.Add((await person.GetAsync(type.Value[6..^1])).Html);
        }

        Assert.True(pages.Count > 1);
        Assert.All(pages, p => Assert.DoesNotMatch(SeedFile(), p));
        Assert.Contains("id=\"source-document\"", page, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\d{3}_[0-9a-f]{16}\.txt")]
    private static partial Regex SeedFile();

    [GeneratedRegex("href=\"/policies/[a-z0-9-]+/requests/[a-z-]+\"")]
    private static partial Regex TypeLink();
}
