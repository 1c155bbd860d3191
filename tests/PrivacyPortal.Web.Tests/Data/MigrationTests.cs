using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PrivacyPortal.Web.Tests.Support;

namespace PrivacyPortal.Web.Tests.Data;

/// <summary>
/// The generated SQLite migrations build exactly the schema the model describes: tables, columns (type, nullability,
/// key), foreign keys and indexes (columns, uniqueness, filter) of a migrated database equal those EnsureCreated makes
/// from the model, and the model snapshot has no pending change.
/// </summary>
public sealed class MigrationTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task TheMigratedSqliteSchema_EqualsTheModel()
    {
        var migratedPath = _folder.File("migrated.db");
        var modelPath = _folder.File("model.db");
        await using (var migrated = SqliteDatabase.Open(migratedPath))
        {
            await migrated.Database.MigrateAsync();
        }

        await using (var model = SqliteDatabase.Open(modelPath))
        {
            await model.Database.EnsureCreatedAsync();
        }

        var expected = Describe(modelPath);
        var actual = Describe(migratedPath);

        Assert.Contains("table DataControllers", expected);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void TheModelSnapshot_HasNoPendingChanges()
    {
        using var db = SqliteDatabase.Open(_folder.File("snapshot.db"));
        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(), "The model changed without a migration: run dotnet ef migrations add.");
    }

    [Fact]
    public async Task MigratingTwice_ChangesNothing()
    {
        var path = _folder.File("twice.db");
        await using (var db = SqliteDatabase.Open(path))
        {
            await db.Database.MigrateAsync();
        }

        var before = Describe(path);
        await using (var db = SqliteDatabase.Open(path))
        {
            await db.Database.MigrateAsync();
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        }

        Assert.Equal(before, Describe(path));
    }

    internal static List<string> Describe(string path)
    {
        var lines = new List<string>();
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        var tables = Query(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT IN ('__EFMigrationsHistory', '__EFMigrationsLock') ORDER BY name")
            .Select(r => r[0]).ToList();
        foreach (var table in tables)
        {
            lines.Add($"table {table}");
            lines.AddRange(Query(connection, $"PRAGMA table_info(\"{table}\")")
                .Select(r => $"  column {table}.{r[1]} {r[2]} notnull={r[3]} pk={r[5]}"));
            lines.AddRange(Query(connection, $"PRAGMA foreign_key_list(\"{table}\")")
                .Select(r => $"  fk {table}.{r[3]} -> {r[2]}.{r[4]} on delete {r[6]}"));
            foreach (var index in Query(connection, $"PRAGMA index_list(\"{table}\")").Where(r => !r[1].StartsWith("sqlite_autoindex", StringComparison.Ordinal)))
            {
                var columns = string.Join(",", Query(connection, $"PRAGMA index_info(\"{index[1]}\")").Select(r => r[2]));
                var filter = Query(connection, $"SELECT sql FROM sqlite_master WHERE type = 'index' AND name = '{index[1]}'").Select(r => r[0]).SingleOrDefault() is { } sql && sql.Contains(" WHERE ", StringComparison.Ordinal)
                    ? sql[(sql.IndexOf(" WHERE ", StringComparison.Ordinal) + 7)..]
                    : "none";
                lines.Add($"  index {index[1]} ({columns}) unique={index[2]} where {filter}");
            }
        }

        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    internal static List<string[]> Query(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string[]>();
        while (reader.Read())
        {
            rows.Add(Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "null" : reader.GetValue(i).ToString()!).ToArray());
        }

        return rows;
    }
}
