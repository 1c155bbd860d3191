using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using PrivacyPortal.Infrastructure.Data;
using PrivacyPortal.Infrastructure.Profiles;

namespace PrivacyPortal.Web.Health;

/// <summary>Every valid profile on disk is in the database with a version in force.</summary>
public sealed class ProfilesHealthCheck(ProfileCatalog catalog, PortalDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var imported = await db.Policies.AsNoTracking().Where(p => p.CurrentVersion > 0).Select(p => p.Id).ToListAsync(cancellationToken);
        var missing = catalog.Profiles.Select(p => p.Profile.Id).Except(imported, StringComparer.Ordinal).ToList();
        var data = new Dictionary<string, object>
        {
            ["onDisk"] = catalog.Profiles.Count,
            ["inDatabase"] = imported.Count,
        };
        return missing.Count == 0
            ? HealthCheckResult.Healthy($"{imported.Count} profiles in force.", data)
            : HealthCheckResult.Unhealthy($"Not imported: {string.Join(", ", missing)}. Run 'portal import-profiles'.", data: data);
    }
}
