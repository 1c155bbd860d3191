using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PrivacyPortal.Domain.Requests;
using PrivacyPortal.Domain.Notices;
using PrivacyPortal.Infrastructure.Jobs;
using PrivacyPortal.Infrastructure.Storage;

namespace PrivacyPortal.Infrastructure.Data.Configurations;

internal sealed class StoredBlobConfiguration : IEntityTypeConfiguration<StoredBlob>
{
    public void Configure(EntityTypeBuilder<StoredBlob> builder)
    {
        builder.ToTable("Blobs");
        builder.HasKey(b => b.Name);
        builder.Property(b => b.Name).HasMaxLength(StoredBlob.MaxNameLength);
        builder.Property(b => b.Content).IsRequired();
    }
}

internal sealed class JobLeaseConfiguration : IEntityTypeConfiguration<JobLease>
{
    public void Configure(EntityTypeBuilder<JobLease> builder)
    {
        builder.ToTable("JobLeases");
        builder.HasKey(l => l.Name);
        builder.Property(l => l.Name).HasMaxLength(JobLease.MaxNameLength);
        builder.Property(l => l.Holder).HasMaxLength(RowClaims.MaxHolderLength).IsRequired();
    }
}

/// <summary>
/// The claim columns of the outbox tables (RowClaims): which worker holds a row and until when. Shadow properties:
/// the domain never reads them; only the claiming SQL does.
/// </summary>
internal sealed class ClaimColumnsConfiguration :
    IEntityTypeConfiguration<Notice>, IEntityTypeConfiguration<Notices.StaffMessage>, IEntityTypeConfiguration<RequestLetter>
{
    public void Configure(EntityTypeBuilder<Notice> builder) => Add(builder);

    public void Configure(EntityTypeBuilder<Notices.StaffMessage> builder) => Add(builder);

    public void Configure(EntityTypeBuilder<RequestLetter> builder) => Add(builder);

    private static void Add<T>(EntityTypeBuilder<T> builder)
        where T : class
    {
        builder.Property<string>(RowClaims.HolderColumn).HasMaxLength(RowClaims.MaxHolderLength);
        builder.Property<DateTime?>(RowClaims.UntilColumn);
    }
}

internal sealed class ReferenceCounterConfiguration : IEntityTypeConfiguration<Requests.ReferenceCounter>
{
    public void Configure(EntityTypeBuilder<Requests.ReferenceCounter> builder)
    {
        builder.ToTable("ReferenceCounters");
        builder.HasKey(c => c.Series);
        builder.Property(c => c.Series).HasMaxLength(Requests.ReferenceCounter.MaxSeriesLength);
    }
}
