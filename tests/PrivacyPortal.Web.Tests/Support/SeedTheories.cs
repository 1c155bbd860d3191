using PrivacyPortal.Domain.Requests;
using PrivacyPortal.Infrastructure.Profiles;

namespace PrivacyPortal.Web.Tests.Support;

/// <summary>Theory data from the repository's seed profiles.</summary>
public static class SeedTheories
{
    public static ProfileCatalog Seeds { get; } = ProfileLoader.LoadDirectory(RepoPaths.Seeds);

    /// <summary>One accepted request type per family (disclosure, correction, deletion, stop-provision) of every seed policy.</summary>
    public static TheoryData<string, string> OneTypePerFamilyPerPolicy()
    {
        var data = new TheoryData<string, string>();
        foreach (var snapshot in Seeds.Profiles)
        {
            foreach (var family in snapshot.Profile.AcceptedTypes().GroupBy(t => t.Type.Family).Where(g => g.Key != RequestFamily.Other))
            {
                data.Add(snapshot.Profile.Id, family.First().Type.Id);
            }
        }

        return data;
    }
}
