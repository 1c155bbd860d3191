using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PrivacyPortal.Domain.Controllers;

namespace PrivacyPortal.Infrastructure.Data.Configurations;

internal sealed class DataControllerConfiguration : IEntityTypeConfiguration<DataController>
{
    public void Configure(EntityTypeBuilder<DataController> builder)
    {
        builder.ToTable("DataControllers");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).HasMaxLength(DataControllerProfile.MaxIdLength);
        builder.Property(c => c.NameJa).HasMaxLength(DataController.MaxNameLength);
        builder.Property(c => c.NameEn).HasMaxLength(DataController.MaxNameLength);
        builder.Property(c => c.ReferencePrefix).HasMaxLength(DataController.MaxReferencePrefixLength).IsRequired();
        builder.HasIndex(c => c.ReferencePrefix).IsUnique();
    }
}
