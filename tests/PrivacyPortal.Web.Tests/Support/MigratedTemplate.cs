using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using PrivacyPortal.Infrastructure.Data;
using PrivacyPortal.Web.Tests.Data;

namespace PrivacyPortal.Web.Tests.Support;

/// <summary>
/// An empty portal database migrated once per test run, then copied for each test host: a file copy on SQLite,
/// CREATE DATABASE ... TEMPLATE on PostgreSQL. A host started on a copy finds every migration applied, so it spends
/// no time migrating; the start-up path itself (migrate on start, profiles imported) still runs and still checks.
/// Tests about migrating or an unmigrated database ask for an empty one (<see cref="PortalFactory.EmptyDatabase"/>).
/// </summary>
public static class MigratedTemplate
{
    private static readonly Lazy<string> SqliteFile = new(CreateSqlite, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lazy<string> PostgresName = new(CreatePostgres, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Copies the migrated SQLite file to portal.db in <paramref name="dataDirectory"/>.</summary>
    public static void CopySqliteTo(string dataDirectory) =>
        File.Copy(SqliteFile.Value, Path.Combine(dataDirectory, "portal.db"), overwrite: false);

    /// <summary>The name of the migrated PostgreSQL database that new test databases are created from.</summary>
    public static string Postgres => PostgresName.Value;

    private static string CreateSqlite()
    {
        var directory = Path.Combine(Path.GetTempPath(), "portal-tests", $"template-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(directory, recursive: true);
        var path = Path.Combine(directory, "portal.db");
        using (var db = SqliteDatabase.Open(path))
        {
            db.Database.MigratePortalAsync().GetAwaiter().GetResult();
        }

        // Pooling is off for the template: once disposed, the file is closed and whole (no -wal beside it).
        SqliteConnection.ClearAllPools();
        return path;
    }

    private static string CreatePostgres()
    {
        var database = TestPostgres.Create("template");
        using (var db = new PostgresPortalDbContext(new DbContextOptionsBuilder<PostgresPortalDbContext>()
            .UseNpgsql(database.ConnectionString).Options))
        {
            db.Database.MigratePortalAsync().GetAwaiter().GetResult();
        }

        // A template must have no open connection while it is copied.
        NpgsqlConnection.ClearAllPools();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => database.Dispose();
        return database.Name;
    }
}
