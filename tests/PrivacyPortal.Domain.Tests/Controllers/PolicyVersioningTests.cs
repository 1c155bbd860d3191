using PrivacyPortal.Domain.Common;
using PrivacyPortal.Domain.Controllers;

namespace PrivacyPortal.Domain.Tests.Controllers;

public sealed class PolicyVersioningTests
{
    private static readonly DateTime Now = new(2026, 11, 22, 9, 0, 0, DateTimeKind.Utc);

    private static ProfileSnapshot Snapshot(string sha) => new(
        new DataControllerProfile { Id = "example-co", Name = LocalizedText.Of("例", "Example"), ReferencePrefix = "EX" },
        ProfileBuilder.Appi(),
        Content: "{}",
        Sha256: sha,
        SourcePath: "seeds/example/example.json");

    [Fact]
    public void ANewPolicy_StartsAtVersionOne()
    {
        var policy = Policy.Create(Snapshot("a"), Now);

        Assert.Equal(1, policy.CurrentVersion);
        Assert.Equal(1, Assert.Single(policy.Versions).Number);
    }

    [Fact]
    public void ReimportingAnUnchangedProfile_DoesNothing()
    {
        var policy = Policy.Create(Snapshot("a"), Now);

        Assert.Null(policy.Import(Snapshot("a"), "a", Now));
        Assert.Equal(1, policy.CurrentVersion);
    }

    [Fact]
    public void ReimportingAChangedProfile_AddsTheNextVersion_AndKeepsTheOldOne()
    {
        var policy = Policy.Create(Snapshot("a"), Now);

        var version = policy.Import(Snapshot("b"), "a", Now.AddDays(1));

        Assert.Equal(2, version!.Number);
        Assert.Equal(2, policy.CurrentVersion);
        Assert.Equal(["a", "b"], policy.Versions.Select(v => v.ContentSha256));
    }

    [Fact]
    public void SearchText_CoversBothLanguages_InLowerCase()
    {
        var policy = Policy.Create(Snapshot("a"), Now);

        Assert.Contains("example", policy.SearchText, StringComparison.Ordinal);
        Assert.Contains("例", policy.SearchText, StringComparison.Ordinal);
        Assert.DoesNotContain("Example", policy.SearchText, StringComparison.Ordinal);
    }
}
