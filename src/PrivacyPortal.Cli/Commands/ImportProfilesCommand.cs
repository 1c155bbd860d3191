using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PrivacyPortal.Infrastructure.Data;
using PrivacyPortal.Infrastructure.Hosting;
using PrivacyPortal.Infrastructure.Profiles;

namespace PrivacyPortal.Cli.Commands;

/// <summary>portal import-profiles [DIR]: validates every profile, then adds new ones and a new version of each changed one.</summary>
public static class ImportProfilesCommand
{
    public static async Task<int> RunAsync(CommandContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var directory = context.Command.Positionals.Count > 0
            ? Path.GetFullPath(context.Command.Positionals[0])
            : context.Services.GetRequiredService<IOptions<PortalOptions>>().Value.ProfilesDirectory;
        var catalog = ProfileLoader.LoadDirectory(directory);

        await using var scope = context.Services.CreateAsyncScope();
        if (scope.ServiceProvider.GetRequiredService<IOptions<DatabaseOptions>>().Value.MigrateOnStartup)
        {
            await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Database.MigratePortalAsync();
        }

        var result = await scope.ServiceProvider.GetRequiredService<ProfileImporter>()
            .ImportAsync(catalog, ImportMode.NewVersionsForChanges, CancellationToken.None);
        foreach (var id in result.Added)
        {
            await context.Out.WriteLineAsync($"added      {id} (version 1)");
        }

        foreach (var (id, version) in result.Updated)
        {
            await context.Out.WriteLineAsync($"updated    {id} (version {version})");
        }

        foreach (var id in result.Unchanged)
        {
            await context.Out.WriteLineAsync($"unchanged  {id}");
        }

        return ExitCodes.Ok;
    }
}
