using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PrivacyPortal.Infrastructure.Data;
using PrivacyPortal.Infrastructure.Profiles;

namespace PrivacyPortal.Infrastructure.Hosting;

/// <summary>
/// What happens before the portal serves anyone: every profile is validated (a broken one stops start-up),
/// the database is migrated when configured to, and profiles the database lacks are imported.
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
