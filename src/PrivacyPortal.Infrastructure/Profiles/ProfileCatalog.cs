using PrivacyPortal.Domain.Controllers;

namespace PrivacyPortal.Infrastructure.Profiles;

/// <summary>The validated profiles of a seeds directory, in a stable order.</summary>
public sealed class ProfileCatalog
{
    public ProfileCatalog(string directory, IReadOnlyList<ProfileSnapshot> profiles)
    {
        Directory = directory;
        Profiles = profiles;
    }

    public string Directory { get; }

    public IReadOnlyList<ProfileSnapshot> Profiles { get; }

    public ProfileSnapshot? Find(string profileId) => Profiles.FirstOrDefault(p => p.Profile.Id == profileId);
}
