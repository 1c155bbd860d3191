using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PrivacyPortal.Domain.Controllers;

namespace PrivacyPortal.Infrastructure.Data.Configurations;

internal sealed class ProfileVersionConfiguration : IEntityTypeConfiguration<ProfileVersion>
{
    public void Configure(EntityTypeBuilder<ProfileVersion> builder)
    {
        builder.ToTable("ProfileVersions");
        builder.HasKey(v => v.Id);
        builder.Property(v => v.PolicyId).HasMaxLength(ProcedureProfile.MaxIdLength).IsRequired();
        builder.Property(v => v.ContentSha256).HasMaxLength(64).IsRequired();
        builder.Property(v => v.Content).IsRequired();
        builder.Property(v => v.SourcePath).HasMaxLength(ProfileVersion.MaxSourcePathLength).IsRequired();
        builder.Property(v => v.ImportedAtUtc).IsRequired();
        builder.HasIndex(v => new { v.PolicyId, v.Number }).IsUnique();
    }
}
