using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PrivacyPortal.Infrastructure.Data;

namespace PrivacyPortal.Web.Tests.Data.Migrations.HandWritten;

/// <summary>
/// The portal's model with the hand-written SQLite migrations it carried until 2026-12-01 (kept here, unchanged but for
/// their namespace and context), to build databases as that version did and prove they upgrade.
/// </summary>
public sealed class HandWrittenSqliteContext(DbContextOptions<HandWrittenSqliteContext> options) : PortalDbContext(options)
{
    public static HandWrittenSqliteContext Open(string path) =>
        new(new DbContextOptionsBuilder<HandWrittenSqliteContext>()
            .UseSqlite(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString())
            .Options);
}
