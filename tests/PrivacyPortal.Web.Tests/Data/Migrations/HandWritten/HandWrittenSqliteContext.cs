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

    /// <summary>The model as it stood at the last hand-written migration: what came after is left out.</summary>
    protected override void OnModelCreating(ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        base.OnModelCreating(builder);
        builder.Ignore<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey>();
        builder.Ignore<PrivacyPortal.Infrastructure.Storage.StoredBlob>();
        builder.Ignore<PrivacyPortal.Infrastructure.Jobs.JobLease>();
        builder.Ignore<PrivacyPortal.Infrastructure.Requests.ReferenceCounter>();
        foreach (var claimed in new[] { typeof(PrivacyPortal.Domain.Notices.Notice), typeof(PrivacyPortal.Infrastructure.Notices.StaffMessage), typeof(PrivacyPortal.Domain.Cases.RequestLetter) })
        {
            builder.Entity(claimed).Ignore(PrivacyPortal.Infrastructure.Jobs.RowClaims.HolderColumn).Ignore(PrivacyPortal.Infrastructure.Jobs.RowClaims.UntilColumn);
        }
    }
}
