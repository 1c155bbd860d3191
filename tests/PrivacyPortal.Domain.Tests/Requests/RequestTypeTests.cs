using PrivacyPortal.Domain.Requests;

namespace PrivacyPortal.Domain.Tests.Requests;

public sealed class RequestTypeTests
{
    [Fact]
    public void EveryId_IsUnique() =>
        Assert.Equal(RequestType.All.Count, RequestType.All.Select(t => t.Id).Distinct().Count());

    [Fact]
    public void FeesAreAllowedByLaw_OnlyForPurposeNotificationAndDisclosure_AppiArt38() =>
        Assert.Equal(
            ["disclosure", "third-party-records", "purpose-notification"],
            RequestType.All.Where(t => t.FeeAllowedByLaw).Select(t => t.Id));

    [Fact]
    public void TheFourFamilies_ComeFirst()
    {
        var families = RequestType.All.Select(t => t.Family).ToList();

        Assert.Equal(
            [RequestFamily.Disclosure, RequestFamily.Disclosure, RequestFamily.Correction, RequestFamily.Deletion, RequestFamily.StopProvision],
            families.Take(5));
    }

    [Fact]
    public void EveryType_HasAJapaneseAndAnEnglishName() =>
        Assert.All(RequestType.All, t => Assert.True(t.Name.HasLanguage("ja") && t.Name.HasLanguage("en"), t.Id));

    [Fact]
    public void TheIssueIds_AreAllKnown() =>
        Assert.All(
            new[] { "purpose-notification", "disclosure", "third-party-records", "correction", "suspension", "stop-provision", "access", "rectification", "erasure", "restriction", "portability", "objection", "withdraw-consent" },
            id => Assert.NotNull(RequestType.Find(id)));
}
