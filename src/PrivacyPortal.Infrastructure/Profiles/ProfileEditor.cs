using Microsoft.EntityFrameworkCore;
using PrivacyPortal.Infrastructure.Data;
using PrivacyPortal.Infrastructure.Staff;

namespace PrivacyPortal.Infrastructure.Profiles;

public enum ProfileEditOutcome
{
    Saved,
    Unchanged,
    Invalid,
    ChangedMeanwhile,
    NotFound,
}

public sealed record ProfileEditResult(ProfileEditOutcome Outcome, int? Version, IReadOnlyList<ProfileFileProblem> Problems);

/// <summary>
/// Edits a policy's profile from the browser. An edit is a new version; requests already filed keep the version
/// they were filed under. The edit is refused if someone else saved a version since the editor opened it.
/// </summary>
public sealed class ProfileEditor(PortalDbContext db, ProfileStore profiles, StaffAccounts accounts, TimeProvider clock)
{
    public async Task<ProfileEditResult> SaveAsync(string policyId, int baseVersion, string json, string actor, CancellationToken cancellationToken)
    {
        var policy = await db.Policies.FirstOrDefaultAsync(p => p.Id == policyId, cancellationToken);
        var current = await profiles.FindAsync(policyId, cancellationToken);
        if (policy is null || current is null)
        {
            return new(ProfileEditOutcome.NotFound, null, []);
        }

        if (policy.CurrentVersion != baseVersion)
        {
            return new(ProfileEditOutcome.ChangedMeanwhile, policy.CurrentVersion, []);
        }

        var (snapshot, problems) = ProfileLoader.ParseEdited(json, current.Controller, policyId, $"edited by {actor}");
        if (snapshot is null)
        {
            return new(ProfileEditOutcome.Invalid, null, problems);
        }

        var currentSha = await db.ProfileVersions.Where(v => v.PolicyId == policyId && v.Number == policy.CurrentVersion).Select(v => v.ContentSha256).SingleAsync(cancellationToken);
        var version = policy.Import(snapshot, currentSha, clock.GetUtcNow().UtcDateTime);
        if (version is null)
        {
            return new(ProfileEditOutcome.Unchanged, policy.CurrentVersion, []);
        }

        db.ProfileVersions.Add(version);
        accounts.Record(actor, "profile-edited", policyId, $"version {baseVersion} -> {version.Number}, sha256 {snapshot.Sha256}");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another editor saved the same version number first (unique policy + number).
            db.ChangeTracker.Clear();
            return new(ProfileEditOutcome.ChangedMeanwhile, null, []);
        }

        return new(ProfileEditOutcome.Saved, version.Number, []);
    }
}
