using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using PrivacyPortal.Domain.Controllers;
using PrivacyPortal.Infrastructure.Data;

namespace PrivacyPortal.Infrastructure.Profiles;

/// <summary>A policy's profile in force, with its version number.</summary>
public sealed record CurrentProfile(string PolicyId, int Version, DataControllerProfile Controller, ProcedureProfile Profile);

/// <summary>
/// Reads the profile versions in force from the database. Parsed profiles are cached by content hash, which
/// never changes for a version, so a cache entry can never be stale.
/// </summary>
public sealed class ProfileStore(PortalDbContext db)
{
    private static readonly ConcurrentDictionary<string, ProfileSnapshot> Parsed = new(StringComparer.Ordinal);

    public Task<CurrentProfile?> FindAsync(string policyId, CancellationToken cancellationToken) =>
        SingleAsync(CurrentVersions().Where(v => v.PolicyId == policyId), cancellationToken);

    /// <summary>A given version of a policy's profile: requests keep the version in force when they were filed.</summary>
    public Task<CurrentProfile?> FindVersionAsync(string policyId, int version, CancellationToken cancellationToken) =>
        SingleAsync(db.ProfileVersions.AsNoTracking().Where(v => v.PolicyId == policyId && v.Number == version), cancellationToken);

    /// <summary>Every version of every policy (a few rows per policy): for jobs that pick requests by what their profile says.</summary>
    public async Task<IReadOnlyList<CurrentProfile>> AllVersionsAsync(CancellationToken cancellationToken)
    {
        var rows = await db.ProfileVersions.AsNoTracking()
            .Select(v => new { v.PolicyId, v.Number, v.ContentSha256, v.Content, v.SourcePath })
            .ToListAsync(cancellationToken);
        return rows.Select(r => ToCurrent(r.PolicyId, r.Number, r.ContentSha256, r.Content, r.SourcePath)).ToList();
    }

    public async Task<IReadOnlyList<CurrentProfile>> ListAsync(string? search, CancellationToken cancellationToken)
    {
        var policies = db.Policies.AsNoTracking();
        foreach (var term in Policy.SearchWords(search).Take(8).Select(Policy.SearchPattern))
        {
            policies = policies.Where(p => p.SearchText.Contains(term));
        }

        var rows = await CurrentVersions()
            .Join(policies, v => v.PolicyId, p => p.Id, (v, p) => new { v.PolicyId, v.Number, v.ContentSha256, v.Content, v.SourcePath, p.DataControllerId })
            .OrderBy(r => r.DataControllerId).ThenBy(r => r.PolicyId)
            .ToListAsync(cancellationToken);
        return rows.Select(r => ToCurrent(r.PolicyId, r.Number, r.ContentSha256, r.Content, r.SourcePath)).ToList();
    }

    private static async Task<CurrentProfile?> SingleAsync(IQueryable<ProfileVersion> versions, CancellationToken cancellationToken)
    {
        var row = await versions
            .Select(v => new { v.PolicyId, v.Number, v.ContentSha256, v.Content, v.SourcePath })
            .SingleOrDefaultAsync(cancellationToken);
        return row is null ? null : ToCurrent(row.PolicyId, row.Number, row.ContentSha256, row.Content, row.SourcePath);
    }

    private IQueryable<ProfileVersion> CurrentVersions() =>
        db.ProfileVersions.AsNoTracking()
            .Where(v => db.Policies.Any(p => p.Id == v.PolicyId && p.CurrentVersion == v.Number));

    private static CurrentProfile ToCurrent(string policyId, int number, string sha, string content, string sourcePath)
    {
        var snapshot = Parsed.GetOrAdd(sha, _ => ProfileLoader.FromStored(content, sourcePath));
        return new CurrentProfile(policyId, number, snapshot.Controller, snapshot.Profile);
    }
}
