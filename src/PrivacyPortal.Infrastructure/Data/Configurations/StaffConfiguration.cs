using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PrivacyPortal.Domain.Controllers;
using PrivacyPortal.Infrastructure.Staff;

namespace PrivacyPortal.Infrastructure.Data.Configurations;

internal sealed class StaffUserConfiguration : IEntityTypeConfiguration<StaffUser>
{
    public void Configure(EntityTypeBuilder<StaffUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(StaffUser.MaxDisplayNameLength).IsRequired();
        builder.Property(u => u.Language).HasMaxLength(2).IsRequired();
    }
}

internal sealed class StaffSignInLockConfiguration : IEntityTypeConfiguration<StaffSignInLock>
{
    public void Configure(EntityTypeBuilder<StaffSignInLock> builder)
    {
        builder.ToTable("StaffSignInLocks");
        builder.HasKey(l => l.Key);
        builder.Property(l => l.Key).HasMaxLength(StaffSignInLock.KeyLength);
        builder.HasOne<StaffUser>().WithMany().HasForeignKey(l => l.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class StaffAssignmentConfiguration : IEntityTypeConfiguration<StaffAssignment>
{
    public void Configure(EntityTypeBuilder<StaffAssignment> builder)
    {
        builder.ToTable("StaffAssignments");
        builder.HasKey(a => new { a.UserId, a.ControllerId });
        builder.Property(a => a.ControllerId).HasMaxLength(ProcedureProfile.MaxIdLength);
        builder.HasOne<StaffUser>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<DataController>().WithMany().HasForeignKey(a => a.ControllerId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AdminAuditEventConfiguration : IEntityTypeConfiguration<AdminAuditEvent>
{
    public void Configure(EntityTypeBuilder<AdminAuditEvent> builder)
    {
        builder.ToTable("AdminAuditEvents");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Actor).HasMaxLength(256).IsRequired();
        builder.Property(e => e.Action).HasMaxLength(60).IsRequired();
        builder.Property(e => e.Subject).HasMaxLength(256).IsRequired();
        builder.Property(e => e.Detail).HasMaxLength(1000);
        builder.HasIndex(e => e.AtUtc);
        builder.Property(e => e.Hash).HasMaxLength(Domain.Audit.AuditChain.HashLength).IsRequired();
        builder.Property(e => e.PrevHash).HasMaxLength(Domain.Audit.AuditChain.HashLength).IsRequired();
        builder.HasIndex(e => e.Seq).IsUnique();
    }
}

internal sealed class StaffMessageConfiguration : IEntityTypeConfiguration<Notices.StaffMessage>
{
    public void Configure(EntityTypeBuilder<Notices.StaffMessage> builder)
    {
        builder.ToTable("StaffMessages");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Key).HasMaxLength(Notices.StaffMessage.MaxKeyLength).IsRequired();
        builder.HasIndex(m => m.Key).IsUnique();
        builder.Property(m => m.Recipient).HasMaxLength(256).IsRequired();
        builder.Property(m => m.Language).HasMaxLength(2).IsRequired();
        builder.Property(m => m.Subject).HasMaxLength(Notices.StaffMessage.MaxSubjectLength).IsRequired();
        builder.Property(m => m.Body).HasMaxLength(Notices.StaffMessage.MaxBodyLength).IsRequired();
        builder.Property(m => m.LastError).HasMaxLength(500);
        builder.HasIndex(m => m.SentAtUtc);
        builder.Ignore(m => m.MessageId);
    }
}
