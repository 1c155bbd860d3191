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
