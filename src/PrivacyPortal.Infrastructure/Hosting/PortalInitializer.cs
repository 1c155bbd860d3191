using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PrivacyPortal.Infrastructure.Data;
using PrivacyPortal.Infrastructure.Profiles;

namespace PrivacyPortal.Infrastructure.Hosting;

/// <summary>
/// What happens before the portal serves anyone: every profile is validated (a broken one stops start-up),
/// the database is migrated when configured to, second factors still stored in plain text are sealed, and profiles
/// the database lacks are imported.
/// </summary>
public static class PortalInitializer
{
    public static async Task InitializeAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        var catalog = services.GetRequiredService<ProfileCatalog>();
        await using var scope = services.CreateAsyncScope();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(PortalInitializer));
        var database = scope.ServiceProvider.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        if (database.MigrateOnStartup)
        {
            await db.Database.MigratePortalAsync(cancellationToken);
            logger.LogInformation("Database migrated ({Provider})", database.Provider);
        }
        else
        {
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            if (pending.Count > 0)
            {
                throw new InvalidOperationException(
                    $"The database lacks {pending.Count} migration(s) ({string.Join(", ", pending)}) and Database:MigrateOnStartup is false. Run 'portal migrate' first.");
            }
        }

        // Second factors written before they were sealed at rest are sealed now, once (later starts find none).
        var sealedFactors = await Staff.StaffUserStore.SealStoredSecondFactorsAsync(db, scope.ServiceProvider.GetRequiredService<IDataProtectionProvider>(), cancellationToken);
        if (sealedFactors > 0)
        {
            logger.LogInformation("Sealed {Count} stored second factor(s) written in plain text", sealedFactors);
        }

        var result = await scope.ServiceProvider.GetRequiredService<ProfileImporter>()
            .ImportAsync(catalog, ImportMode.MissingOnly, cancellationToken);
        logger.LogInformation(
            "Profiles: {Count} valid in {Directory}; imported {Added}",
            catalog.Profiles.Count, catalog.Directory, result.Added.Count == 0 ? "none" : string.Join(", ", result.Added));
        if (scope.ServiceProvider.GetRequiredService<IOptions<PortalOptions>>().Value.Demo)
        {
            await scope.ServiceProvider.GetRequiredService<Staff.DemoSeeder>().SeedAsync(catalog, cancellationToken);
        }
    }
}
