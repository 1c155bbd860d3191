using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace PrivacyPortal.Infrastructure.Data;

/// <summary>
/// For `dotnet ef` only (migrations add, list, script): the SQLite context on a throwaway file, so the tools never
/// need the web host, its configuration or a data folder. The portal itself builds its context in PortalInfrastructure.
/// </summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqlitePortalDbContext>
{
    public SqlitePortalDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlitePortalDbContext>()
            .UseSqlite($"Data Source={Path.Combine(Path.GetTempPath(), "privacyportal-design.db")}")
            .Options);
}

/// <summary>For `dotnet ef` on the PostgreSQL migrations; adding a migration or scripting it connects to nothing.</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresPortalDbContext>
{
    public PostgresPortalDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresPortalDbContext>()
            .UseNpgsql("Host=localhost;Database=privacyportal_design")
            .Options);
}

/// <summary>For `dotnet ef` on the SQL Server migrations (no SQL Server runs where they are generated).</summary>
public sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerPortalDbContext>
{
    public SqlServerPortalDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerPortalDbContext>()
            .UseSqlServer("Server=localhost;Database=privacyportal_design;Integrated Security=false")
            .Options);
}
