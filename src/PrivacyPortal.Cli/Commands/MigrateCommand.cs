using Microsoft.Extensions.DependencyInjection;
using PrivacyPortal.Infrastructure.Data;

namespace PrivacyPortal.Cli.Commands;

/// <summary>portal migrate: applies pending migrations and lists them.</summary>
public static class MigrateCommand
{
    public static async Task<int> RunAsync(CommandContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        await using var scope = context.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var pending = await db.Database.MigratePortalAsync();
        await context.Out.WriteLineAsync(pending.Count == 0
            ? "Database is up to date."
            : $"Applied {pending.Count} migration(s): {string.Join(", ", pending)}");
        return ExitCodes.Ok;
    }
}
