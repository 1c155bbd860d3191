using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql;
using PrivacyPortal.Infrastructure.Data;
using PrivacyPortal.Web.Tests.Support;

namespace PrivacyPortal.Web.Tests.Data;

/// <summary>
/// The generated PostgreSQL migrations build exactly the schema the model describes, on the throwaway server: every
/// column (type, length, nullability, default), constraint and index (its whole definition, filter included) of a
/// migrated database equals what EnsureCreated makes from the model; migrating twice changes nothing.
/// </summary>
public sealed class PostgresMigrationTests
{
    [Fact]
    public async Task TheMigratedPostgresSchema_EqualsTheModel()
    {
        using var migratedDatabase = TestPostgres.Create("migrated");
        using var modelDatabase = TestPostgres.Create("model");
        await using (var migrated = PortalDatabase.Open(PortalProvider.Postgres, migratedDatabase.ConnectionString))
        {
            Assert.Equal(migrated.Database.GetMigrations(), await migrated.Database.MigratePortalAsync());
        }

        await using (var model = PortalDatabase.Open(PortalProvider.Postgres, modelDatabase.ConnectionString))
        {
            await model.Database.EnsureCreatedAsync();
        }

        var expected = await DescribeAsync(modelDatabase.ConnectionString);
        var actual = await DescribeAsync(migratedDatabase.ConnectionString);

        Assert.Contains(expected, line => line.StartsWith("column Requests.DueOn date", StringComparison.Ordinal));
        Assert.Contains(expected, line => line.Contains("IX_Requests_Open_ControllerId_DueOn_Reference", StringComparison.Ordinal) && line.Contains("WHERE", StringComparison.Ordinal));
        Assert.Equal(expected, actual);
    }

    [Fact]
    public async Task MigratingTwice_ChangesNothing()
    {
        using var database = TestPostgres.Create("twice");
        await using (var db = PortalDatabase.Open(PortalProvider.Postgres, database.ConnectionString))
        {
            await db.Database.MigratePortalAsync();
        }

        var before = await DescribeAsync(database.ConnectionString);
        await using (var db = PortalDatabase.Open(PortalProvider.Postgres, database.ConnectionString))
        {
            Assert.Empty(await db.Database.MigratePortalAsync());
            Assert.False(db.Database.HasPendingModelChanges());
        }

        Assert.Equal(before, await DescribeAsync(database.ConnectionString));
    }

    [Fact]
    public async Task ADatabaseOfTheFirstMigration_UpgradesWithoutLosingARow()
    {
        using var database = TestPostgres.Create("upgrade");
        await using (var db = PortalDatabase.Open(PortalProvider.Postgres, database.ConnectionString))
        {
            var first = db.Database.GetMigrations().First();
            Assert.True(db.Database.GetMigrations().Count() > 1, "an upgrade needs a later migration");
            await db.GetService<Microsoft.EntityFrameworkCore.Migrations.IMigrator>().MigrateAsync(first);
            await new Infrastructure.Profiles.ProfileImporter(db, TimeProvider.System)
                .ImportAsync(Infrastructure.Profiles.ProfileLoader.LoadDirectory(RepoPaths.Seeds), Infrastructure.Profiles.ImportMode.MissingOnly, CancellationToken.None);
            // Written as the first migration's portal wrote it (its columns only): the upgrade seals it onto the chain.
            await db.Database.ExecuteSqlRawAsync("INSERT INTO \"AdminAuditEvents\" (\"AtUtc\", \"Actor\", \"Action\", \"Subject\") VALUES (now(), 'admin@example.jp', 'account-created', 'officer@example.jp')");
        }

        var before = await RowCountsAsync(database.ConnectionString);
        await using (var db = PortalDatabase.Open(PortalProvider.Postgres, database.ConnectionString))
        {
            var applied = await db.Database.MigratePortalAsync();
            Assert.Equal(db.Database.GetMigrations().Skip(1), applied);
            var sealedEvent = await db.AdminAuditEvents.SingleAsync();
            Assert.Equal("officer@example.jp", sealedEvent.Subject);
            Assert.Equal(1, sealedEvent.Seq);
            Assert.True((await Infrastructure.Audit.AuditChainVerifier.VerifyAsync(db, Domain.Audit.AuditChain.Administration)).Intact);
            Assert.Equal(5, await db.Policies.CountAsync());
        }

        // Every table that was there keeps its rows; tables added since start with theirs (the chains' heads).
        Assert.Subset((await RowCountsAsync(database.ConnectionString)).ToHashSet(), before.ToHashSet());
        using var fresh = TestPostgres.Create("fresh");
        await using (var db = PortalDatabase.Open(PortalProvider.Postgres, fresh.ConnectionString))
        {
            await db.Database.MigratePortalAsync();
        }

        Assert.Equal(await DescribeAsync(fresh.ConnectionString), await DescribeAsync(database.ConnectionString));
    }

    private static async Task<List<string>> RowCountsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var tables = await QueryAsync(connection, "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename NOT LIKE '__EF%' ORDER BY tablename");
        var counts = new List<string>();
        foreach (var table in tables)
        {
            counts.Add($"{table}: {(await QueryAsync(connection, $"SELECT count(*)::text FROM \"{table}\""))[0]}");
        }

        return counts;
    }

    internal static async Task<List<string>> DescribeAsync(string connectionString)
    {
        var lines = new List<string>();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        const string History = "('__EFMigrationsHistory', '__EFMigrationsLock')";
        lines.AddRange(await QueryAsync(connection,
            $"SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type || ' len=' || coalesce(character_maximum_length::text, '-') || ' null=' || is_nullable || ' default=' || coalesce(column_default, '-') || ' identity=' || is_identity FROM information_schema.columns WHERE table_schema = 'public' AND table_name NOT IN {History}"));
        lines.AddRange(await QueryAsync(connection,
            $"SELECT 'constraint ' || conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text NOT IN ('\"__EFMigrationsHistory\"')"));
        lines.AddRange(await QueryAsync(connection,
            $"SELECT 'index ' || indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename NOT IN {History}"));
        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    private static async Task<List<string>> QueryAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }
}
