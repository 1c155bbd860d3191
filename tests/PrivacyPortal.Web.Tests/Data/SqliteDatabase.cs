using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PrivacyPortal.Infrastructure.Data;

namespace PrivacyPortal.Web.Tests.Data;

/// <summary>A real SQLite file in a temp folder, one per test class.</summary>
public static class SqliteDatabase
{
    public static SqlitePortalDbContext Open(string path) =>
        new(new DbContextOptionsBuilder<SqlitePortalDbContext>()
            .UseSqlite(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString())
            .Options);
}
