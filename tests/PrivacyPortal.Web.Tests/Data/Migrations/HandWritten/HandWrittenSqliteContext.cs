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
    // Events are written as that portal wrote them: before the chain, with nothing to seal.
    public static HandWrittenSqliteContext Open(string path) =>
        new(new DbContextOptionsBuilder<HandWrittenSqliteContext>()
            .UseSqlite(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString())
            .Options)
        { WritesChainVerbatim = true };

    /// <summary>The model as it stood at the last hand-written migration: what came after is left out.</summary>
    protected override void OnModelCreating(ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        base.OnModelCreating(builder);
        builder.Ignore<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey>();
        builder.Ignore<PrivacyPortal.Infrastructure.Storage.StoredBlob>();
        builder.Ignore<PrivacyPortal.Infrastructure.Jobs.JobLease>();
        builder.Ignore<PrivacyPortal.Infrastructure.Staff.StaffSignInLock>();
        builder.Ignore<PrivacyPortal.Infrastructure.Requests.ReferenceCounter>();
        builder.Ignore<PrivacyPortal.Infrastructure.Audit.AuditChainHead>();
        builder.Ignore<PrivacyPortal.Infrastructure.Audit.AuditCheckpoint>();
        builder.Ignore<PrivacyPortal.Infrastructure.Audit.TransparencyReport>();
        builder.Entity<PrivacyPortal.Domain.Audit.AuditEvent>().Ignore(x => x.Seq).Ignore(x => x.Hash).Ignore(x => x.PrevHash).Ignore(x => x.TextDigest).Ignore(x => x.Text);
        builder.Entity<PrivacyPortal.Infrastructure.Staff.StaffUser>().Ignore(x => x.LastAuthenticatorStep);
        builder.Entity<PrivacyPortal.Infrastructure.Staff.AdminAuditEvent>().Ignore(x => x.Seq).Ignore(x => x.Hash).Ignore(x => x.PrevHash);
        builder.Entity<PrivacyPortal.Domain.Requests.PrivacyRequest>().Ignore(x => x.Channel).Ignore(x => x.DisclosedFiles).Ignore(x => x.DeliveryEndsOn).Ignore(x => x.DisclosedFilesDeletedAtUtc).Ignore(x => x.StatusLinkProtected).Ignore(x => x.PersonTokenHash).Ignore(x => x.PersonObjectedAtUtc).Ignore(x => x.AnswerToPerson);
        builder.Entity<PrivacyPortal.Domain.Requests.RequestLetter>().Ignore(x => x.PostedAtUtc).Ignore(x => x.Subject).Ignore(x => x.Detail).Ignore(x => x.ToPerson);
        builder.Ignore<PrivacyPortal.Domain.Requests.DisclosedFile>();
        builder.Entity<PrivacyPortal.Domain.Requests.RequestItem>().Ignore(x => x.Decision);
        builder.Entity<PrivacyPortal.Domain.Requests.PrivacyRequest>().OwnsOne(x => x.Fee, fee => fee.Ignore(f => f.Basis).Ignore(f => f.Reasons));
        foreach (var claimed in new[] { typeof(PrivacyPortal.Domain.Notices.Notice), typeof(PrivacyPortal.Infrastructure.Notices.StaffMessage), typeof(PrivacyPortal.Domain.Requests.RequestLetter) })
        {
            builder.Entity(claimed).Ignore(PrivacyPortal.Infrastructure.Jobs.RowClaims.HolderColumn).Ignore(PrivacyPortal.Infrastructure.Jobs.RowClaims.UntilColumn);
        }
    }
}
