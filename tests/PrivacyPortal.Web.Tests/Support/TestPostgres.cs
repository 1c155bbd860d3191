using Npgsql;

namespace PrivacyPortal.Web.Tests.Support;

/// <summary>
/// The throwaway PostgreSQL server scripts/test.sh starts (PORTAL_TEST_POSTGRES). Each test gets a database of its
/// own, dropped afterwards. Without the server the PostgreSQL cases fail with the reason: they are never skipped.
/// </summary>
public static class TestPostgres
{
    public const string Variable = "PORTAL_TEST_POSTGRES";

    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{Variable} is not set: the PostgreSQL tests run against the throwaway server that scripts/test.sh starts (run the suite with bash scripts/test.sh).");

    /// <summary>Where pg_dump and pg_restore of the server's own version are.</summary>
    public static string BinDirectory => Environment.GetEnvironmentVariable("PORTAL_TEST_PG_BIN") is { Length: > 0 } bin ? bin : "/usr/bin";

    /// <summary>A new database; a copy of <paramref name="template"/> (an already migrated one) when given.</summary>
    public static PostgresDatabase Create(string purpose = "portal", string? template = null)
    {
        var name = $"{purpose}_{Guid.NewGuid():N}"[..Math.Min(purpose.Length + 33, 63)];
        using var connection = new NpgsqlConnection(ServerConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = template is null ? $"CREATE DATABASE \"{name}\"" : $"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"";
        command.ExecuteNonQuery();
        var builder = new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = name, MaxPoolSize = 30 };
        return new PostgresDatabase(name, builder.ConnectionString);
    }
}

/// <summary>One test's database on the throwaway server.</summary>
public sealed class PostgresDatabase(string name, string connectionString) : IDisposable
{
    public string Name { get; } = name;

    public string ConnectionString { get; } = connectionString;

    public void Dispose()
    {
        // The portal's pooled connections to it go first; FORCE ends any a background job still holds.
        NpgsqlConnection.ClearAllPools();
        using var connection = new NpgsqlConnection(TestPostgres.ServerConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)";
        command.ExecuteNonQuery();
    }
}

/// <summary>The providers a provider-sensitive test runs on.</summary>
public static class Providers
{
    public const string Sqlite = "Sqlite";
    public const string Postgres = "Postgres";

    public static TheoryData<string> Both => new() { Sqlite, Postgres };
}
