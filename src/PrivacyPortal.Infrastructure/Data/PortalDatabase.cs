using Microsoft.EntityFrameworkCore;

namespace PrivacyPortal.Infrastructure.Data;

/// <summary>One place that knows how each provider is switched on, for the host, the CLI and copy-database.</summary>
public static class PortalDatabase
{
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder, PortalProvider provider, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return provider switch
        {
            PortalProvider.Postgres => builder.UseNpgsql(connectionString),
            PortalProvider.SqlServer => builder.UseSqlServer(connectionString),
            _ => builder.UseSqlite(connectionString).AddInterceptors(SqliteSecureDelete.Instance),
        };
    }

    /// <summary>The provider a context runs on, as EF Core's own provider checks tell.</summary>
    public static PortalProvider ProviderOf(DbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Database.IsNpgsql() ? PortalProvider.Postgres : db.Database.IsSqlServer() ? PortalProvider.SqlServer : PortalProvider.Sqlite;
    }

    /// <summary>A context of the provider's own type (its migrations) outside dependency injection.</summary>
    public static PortalDbContext Open(PortalProvider provider, string connectionString) => provider switch
    {
        PortalProvider.Postgres => new PostgresPortalDbContext(Options<PostgresPortalDbContext>(provider, connectionString)),
        PortalProvider.SqlServer => new SqlServerPortalDbContext(Options<SqlServerPortalDbContext>(provider, connectionString)),
        _ => new SqlitePortalDbContext(Options<SqlitePortalDbContext>(provider, connectionString)),
    };

    private static DbContextOptions<T> Options<T>(PortalProvider provider, string connectionString)
        where T : DbContext =>
        (DbContextOptions<T>)Configure(new DbContextOptionsBuilder<T>(), provider, connectionString).Options;
}

/// <summary>Which database the portal runs on (Database:Provider).</summary>
public enum PortalProvider
{
    Sqlite,
    Postgres,
    SqlServer,
}
