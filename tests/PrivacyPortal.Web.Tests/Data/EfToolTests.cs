using System.Diagnostics;
using PrivacyPortal.Infrastructure.Data;
using PrivacyPortal.Web.Tests.Support;

namespace PrivacyPortal.Web.Tests.Data;

/// <summary>
/// The `dotnet ef` tool from the repository's tool manifest works against the design-time factory, on the build the
/// tests run (no second build): it lists the generated migrations and finds no model change without a migration.
/// </summary>
public sealed class EfToolTests
{
    [Fact]
    public async Task DotnetEf_ListsTheSqliteMigrations()
    {
        var (exit, output) = await EfAsync("migrations", "list");
        Assert.True(exit == 0, output);
        Assert.Contains(PortalMigrations.SqliteBaseline, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DotnetEf_FindsNoPendingModelChanges()
    {
        var (exit, output) = await EfAsync("migrations", "has-pending-model-changes");
        Assert.True(exit == 0, output);
        Assert.Contains("No changes have been made to the model", output, StringComparison.Ordinal);
    }

    private static async Task<(int Exit, string Output)> EfAsync(params string[] verb)
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var start = new ProcessStartInfo("dotnet", ["ef", .. verb, "--no-build", "--configuration", configuration, "--project", Path.Combine("src", "PrivacyPortal.Infrastructure"), "--context", nameof(SqlitePortalDbContext)])
        {
            WorkingDirectory = RepoPaths.Root,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet ef did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }
}
