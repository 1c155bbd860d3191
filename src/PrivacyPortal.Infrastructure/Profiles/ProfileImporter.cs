using Microsoft.EntityFrameworkCore;
using PrivacyPortal.Domain.Controllers;
using PrivacyPortal.Infrastructure.Data;

namespace PrivacyPortal.Infrastructure.Profiles;

public enum ImportMode
{
    /// <summary>Start-up: add profiles the database does not have; leave existing ones (and their edits) alone.</summary>
    MissingOnly,

    /// <summary>Operator import: add missing profiles and a new version of every changed one.</summary>
    NewVersionsForChanges,
}

public sealed record ImportResult(IReadOnlyList<string> Added, IReadOnlyList<(string PolicyId, int Version)> Updated, IReadOnlyList<string> Unchanged);

/// <summary>Brings validated profiles into the database: a changed profile becomes a new version, an unchanged one does nothing.</summary>
public sealed class ProfileImporter(PortalDbContext db, TimeProvider clock)
{
    public async Task<ImportResult> ImportAsync(ProfileCatalog catalog, ImportMode mode, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var now = clock.GetUtcNow().UtcDateTime;
        var controllers = await db.DataControllers.ToDictionaryAsync(c => c.Id, cancellationToken);
        var policies = await db.Policies.ToDictionaryAsync(p => p.Id, cancellationToken);
        var currentHashes = await db.ProfileVersions
            .Where(v => db.Policies.Any(p => p.Id == v.PolicyId && p.CurrentVersion == v.Number))
            .ToDictionaryAsync(v => v.PolicyId, v => v.ContentSha256, cancellationToken);

        var added = new List<string>();
        var updated = new List<(string, int)>();
        var unchanged = new List<string>();
        foreach (var snapshot in catalog.Profiles)
        {
            if (!controllers.TryGetValue(snapshot.Controller.Id, out var controller))
            {
                controller = DataController.Create(snapshot.Controller);
                controllers.Add(controller.Id, controller);
                db.DataControllers.Add(controller);
            }
            else if (mode == ImportMode.NewVersionsForChanges)
            {
                controller.UpdateFrom(snapshot.Controller);
            }

            if (!policies.TryGetValue(snapshot.Profile.Id, out var policy))
            {
                policy = Policy.Create(snapshot, now);
                policies.Add(policy.Id, policy);
                db.Policies.Add(policy);
                added.Add(policy.Id);
                continue;
            }

            if (mode == ImportMode.MissingOnly)
            {
                unchanged.Add(policy.Id);
                continue;
            }

            var version = policy.Import(snapshot, currentHashes.GetValueOrDefault(policy.Id, string.Empty), now);
            if (version is null)
            {
                unchanged.Add(policy.Id);
            }
            else
            {
                db.ProfileVersions.Add(version);
                updated.Add((policy.Id, version.Number));
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return new ImportResult(added, updated, unchanged);
    }
}
