using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using PrivacyPortal.Infrastructure.Data;
using PrivacyPortal.Web.Tests.Support;

namespace PrivacyPortal.Web.Tests.Data;

/// <summary>
/// The `dotnet ef` tool from the repository's tool manifest works against the design-time factories of every
/// provider, on the build the tests run (no second build): it lists each provider's generated migrations and writes SQL Server's idempotent script (no SQL Server runs here, so the
/// script is what a DBA would apply; it is kept with the test output). No provider's model has a change without its
/// migration.
/// </summary>
public sealed class EfToolTests
{
    public static TheoryData<string> Contexts => new() { nameof(SqlitePortalDbContext), nameof(PostgresPortalDbContext), nameof(SqlServerPortalDbContext) };

    [Theory]
    [MemberData(nameof(Contexts))]
    public async Task DotnetEf_ListsEachProvidersMigrations(string context)
    {
        var (exit, output) = await EfAsync(context, "migrations", "list");
        Assert.True(exit == 0, output);
        using var db = DesignTime(context);
        var migrations = db.Database.GetMigrations().ToList();
        Assert.NotEmpty(migrations);
        Assert.All(migrations, id => Assert.Contains(id, output, StringComparison.Ordinal));
    }

    /// <remarks>
    /// The same comparison `dotnet ef migrations has-pending-model-changes` makes (the model against the provider's
    /// snapshot), on the same design-time context, without starting the tool once more per provider: the tool itself
    /// is exercised by the list and the script above and below.
    /// </remarks>
    [Theory]
    [MemberData(nameof(Contexts))]
    public void NoProvider_HasAModelChangeWithoutItsMigration(string context)
    {
        using var db = DesignTime(context);

        Assert.False(db.Database.HasPendingModelChanges(), $"{context}: the model has changes no migration records; add one with dotnet ef migrations add.");
    }

    [Fact]
    public async Task TheSqlServerIdempotentScript_CreatesEveryTableOfTheModel_OnlyWhenItsMigrationIsMissing()
    {
        var output = Path.Combine(Environment.GetEnvironmentVariable("PORTAL_TEST_OUTPUT") ?? Path.GetTempPath(), "sqlserver-idempotent.sql");
        var (exit, log) = await EfAsync(nameof(SqlServerPortalDbContext), "migrations", "script", "--idempotent", "--output", output);
        Assert.True(exit == 0, log);
        var script = await File.ReadAllTextAsync(output);

        using var db = DesignTime(nameof(SqlServerPortalDbContext));
        var tables = db.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().Distinct().ToList();
        Assert.Contains("Requests", tables);
        Assert.All(tables, table => Assert.Contains($"CREATE TABLE [{table}]", script, StringComparison.Ordinal));
        // Idempotent: every migration's statements are guarded by its row in the history table.
        Assert.All(db.Database.GetMigrations(), id => Assert.Contains($"WHERE [MigrationId] = N'{id}'", script, StringComparison.Ordinal));
        Assert.Contains("[__EFMigrationsHistory]", script, StringComparison.Ordinal);
        Assert.Contains("[IX_Requests_Open_ControllerId_DueOn_Reference]", script, StringComparison.Ordinal);
    }

    private static PortalDbContext DesignTime(string context) => context switch
    {
        nameof(PostgresPortalDbContext) => new PostgresDesignTimeFactory().CreateDbContext([]),
        nameof(SqlServerPortalDbContext) => new SqlServerDesignTimeFactory().CreateDbContext([]),
        _ => new SqliteDesignTimeFactory().CreateDbContext([]),
    };

    private static async Task<(int Exit, string Output)> EfAsync(string context, params string[] verb)
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var start = new ProcessStartInfo("dotnet", ["ef", .. verb, "--no-build", "--configuration", configuration, "--project", Path.Combine("src", "PrivacyPortal.Infrastructure"), "--context", context])
        {
            WorkingDirectory = RepoPaths.Root,
        };
        return await ChildProcess.RunAsync(start);
    }
}
