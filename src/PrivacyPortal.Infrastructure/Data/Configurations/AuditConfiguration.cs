using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PrivacyPortal.Domain.Audit;
using PrivacyPortal.Domain.Controllers;
using PrivacyPortal.Infrastructure.Audit;

namespace PrivacyPortal.Infrastructure.Data.Configurations;

internal sealed class AuditChainHeadConfiguration : IEntityTypeConfiguration<AuditChainHead>
{
    public void Configure(EntityTypeBuilder<AuditChainHead> builder)
    {
        builder.ToTable("AuditChainHeads");
        builder.HasKey(h => h.Chain);
        builder.Property(h => h.Chain).HasMaxLength(10);
        builder.Property(h => h.Hash).HasMaxLength(AuditChain.HashLength).IsRequired();
        // Both chains start empty; the migration that adds the chain seals the events already written.
        var epoch = new DateTime(2026, 12, 2, 0, 0, 0, DateTimeKind.Utc);
        builder.HasData(
            new AuditChainHead { Chain = AuditChain.Cases, Seq = 0, Hash = AuditChain.Genesis, UpdatedAtUtc = epoch },
            new AuditChainHead { Chain = AuditChain.Administration, Seq = 0, Hash = AuditChain.Genesis, UpdatedAtUtc = epoch });
    }
}

internal sealed class AuditCheckpointConfiguration : IEntityTypeConfiguration<AuditCheckpoint>
{
    public void Configure(EntityTypeBuilder<AuditCheckpoint> builder)
    {
        builder.ToTable("AuditCheckpoints");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Chain).HasMaxLength(10).IsRequired();
        builder.Property(c => c.Hash).HasMaxLength(AuditChain.HashLength).IsRequired();
        builder.HasIndex(c => new { c.Chain, c.Day }).IsUnique();
    }
}

internal sealed class TransparencyReportConfiguration : IEntityTypeConfiguration<TransparencyReport>
{
    public void Configure(EntityTypeBuilder<TransparencyReport> builder)
    {
        builder.ToTable("TransparencyReports");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.ControllerId).HasMaxLength(ProcedureProfile.MaxIdLength).IsRequired();
        builder.Property(r => r.PublishedBy).HasMaxLength(256).IsRequired();
        builder.Property(r => r.Figures).HasMaxLength(TransparencyReport.MaxFiguresLength).IsRequired();
        builder.HasIndex(r => new { r.ControllerId, r.FiscalYear });
        builder.HasOne<DataController>().WithMany().HasForeignKey(r => r.ControllerId).OnDelete(DeleteBehavior.Restrict);
    }
}
