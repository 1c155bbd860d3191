using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PrivacyPortal.Infrastructure.Data;
using PrivacyPortal.Infrastructure.Hosting;
using PrivacyPortal.Infrastructure.Storage;

namespace PrivacyPortal.Cli.Commands;

/// <summary>
/// portal copy-database --to-provider Postgres --to "CONNECTION": the configured portal (the embedded SQLite one,
/// its files and key ring included) into a new, empty PostgreSQL database. The source is only read.
/// </summary>
public static class CopyDatabaseCommand
{
    public static async Task<int> RunAsync(CommandContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var provider = DatabaseOptions.ParseProvider(context.Command.Required("to-provider"));
        var connection = context.Command.Required("to");
        if (provider != PortalProvider.Postgres)
        {
            // SQL Server needs IDENTITY_INSERT around the copied keys, which cannot be exercised here: refused, not guessed.
            throw new UsageException("--to-provider: only Postgres is supported as a target.");
        }

        await using var scope = context.Services.CreateAsyncScope();
        var source = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        if (PortalDatabase.ProviderOf(source) == provider)
        {
            throw new UsageException("the configured database is PostgreSQL already; back it up with pg_dump instead (docs/deploy.md).");
        }

        // The embedded portal's files and key ring are in its data folder: they move into the target's tables.
        var files = scope.ServiceProvider.GetRequiredService<IBlobStore>() is FileBlobStore
            ? scope.ServiceProvider.GetRequiredService<IOptions<PortalOptions>>().Value.DataDirectory
            : null;
        await using var target = PortalDatabase.Open(provider, connection);
        try
        {
            var counts = await new DatabaseCopier(source, target, context.Error).CopyAsync(files, CancellationToken.None);
            await context.Out.WriteLineAsync($"Copied {counts.Values.Sum()} rows in {counts.Count} tables to {provider}.");
            await context.Out.WriteLineAsync($"Now start the portal with Database__Provider={provider}, Database__ConnectionString set to the target and Storage__Blobs=Database.");
            return ExitCodes.Ok;
        }
        catch (InvalidOperationException ex)
        {
            await context.Error.WriteLineAsync($"portal: {ex.Message}");
            return ExitCodes.Failure;
        }
    }
}
