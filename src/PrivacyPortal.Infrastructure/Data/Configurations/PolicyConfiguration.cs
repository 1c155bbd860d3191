using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PrivacyPortal.Domain.Controllers;

namespace PrivacyPortal.Infrastructure.Data.Configurations;

internal sealed class PolicyConfiguration : IEntityTypeConfiguration<Policy>
{
    public void Configure(EntityTypeBuilder<Policy> builder)
    {
        builder.ToTable("Policies");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).HasMaxLength(ProcedureProfile.MaxIdLength);
        builder.Property(p => p.DataControllerId).HasMaxLength(DataControllerProfile.MaxIdLength).IsRequired();
        builder.Property(p => p.TitleJa).HasMaxLength(Policy.MaxTitleLength);
        builder.Property(p => p.TitleEn).HasMaxLength(Policy.MaxTitleLength);
        builder.Property(p => p.SearchText).HasMaxLength(Policy.MaxSearchTextLength).IsRequired();
        builder.Property(p => p.CurrentVersion).IsRequired();
        builder.HasOne<DataController>().WithMany().HasForeignKey(p => p.DataControllerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(p => p.Versions).WithOne().HasForeignKey(v => v.PolicyId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(p => p.Versions).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
