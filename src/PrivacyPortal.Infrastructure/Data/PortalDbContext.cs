using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using PrivacyPortal.Domain.Audit;
using PrivacyPortal.Domain.Controllers;
using PrivacyPortal.Domain.Notices;
using PrivacyPortal.Domain.Requests;
using PrivacyPortal.Infrastructure.Staff;

namespace PrivacyPortal.Infrastructure.Data;

/// <summary>
/// The portal's one context. Provider-specific subclasses (<see cref="SqlitePortalDbContext"/>,
/// <see cref="PostgresPortalDbContext"/>, <see cref="SqlServerPortalDbContext"/>) only carry their own migration set
/// and the provider's conventions; the model is defined here, once.
/// </summary>
public abstract class PortalDbContext : IdentityDbContext<StaffUser, IdentityRole, string>, IDataProtectionKeyContext
{
    protected PortalDbContext(DbContextOptions options)
        : base(options)
    {
    }

    public DbSet<DataController> DataControllers => Set<DataController>();

    public DbSet<Policy> Policies => Set<Policy>();

    public DbSet<ProfileVersion> ProfileVersions => Set<ProfileVersion>();

    public DbSet<PrivacyRequest> Requests => Set<PrivacyRequest>();

    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();

    public DbSet<Notice> Notices => Set<Notice>();

    public DbSet<StaffAssignment> StaffAssignments => Set<StaffAssignment>();

    public DbSet<AdminAuditEvent> AdminAuditEvents => Set<AdminAuditEvent>();

    public DbSet<Notices.StaffMessage> StaffMessages => Set<Notices.StaffMessage>();

    public DbSet<StaffSignInLock> StaffSignInLocks => Set<StaffSignInLock>();

    /// <summary>ASP.NET Core data-protection keys, shared by every instance on a server database.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>The database blob store's files (documents, letters), each encrypted before it gets here.</summary>
    public DbSet<Storage.StoredBlob> Blobs => Set<Storage.StoredBlob>();

    public DbSet<Jobs.JobLease> JobLeases => Set<Jobs.JobLease>();

    public DbSet<Requests.ReferenceCounter> ReferenceCounters => Set<Requests.ReferenceCounter>();

    public DbSet<Audit.AuditChainHead> AuditChainHeads => Set<Audit.AuditChainHead>();

    public DbSet<Audit.AuditCheckpoint> AuditCheckpoints => Set<Audit.AuditCheckpoint>();

    public DbSet<Audit.TransparencyReport> TransparencyReports => Set<Audit.TransparencyReport>();

    /// <summary>
    /// Set only while events are written as they already are: sealed by <see cref="Audit.AuditChainBackfill"/>, or
    /// copied with their chain by <see cref="DatabaseCopier"/>. Otherwise every added event is sealed on save.
    /// </summary>
    internal bool WritesChainVerbatim { get; set; }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    /// <summary>
    /// Every save that adds audit events seals them onto their chain in the same transaction (its own when the caller
    /// has none), so an event is numbered and hashed exactly when it is written, whoever writes it.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var pending = Audit.AuditChainWriter.Pending(this);
        if (pending.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        if (Database.CurrentTransaction is not null)
        {
            await Audit.AuditChainWriter.SealAsync(this, pending, cancellationToken);
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        await using var transaction = await Database.BeginTransactionAsync(cancellationToken);
        await Audit.AuditChainWriter.SealAsync(this, pending, cancellationToken);
        var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return saved;
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PortalDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        // Enums as their names: readable in the database and stable when values are reordered.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
    }
}

/// <summary>The context on SQLite, the embedded default; owns the SQLite migrations.</summary>
public sealed class SqlitePortalDbContext(DbContextOptions<SqlitePortalDbContext> options) : PortalDbContext(options);

/// <summary>The context on PostgreSQL; owns the PostgreSQL migrations.</summary>
public sealed class PostgresPortalDbContext(DbContextOptions<PostgresPortalDbContext> options) : PortalDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        base.ConfigureConventions(configurationBuilder);
        // Every instant the portal keeps is UTC (the *AtUtc names). Npgsql writes timestamptz only from a UTC
        // DateTime; a value that lost its kind on the way (read back from SQLite by copy-database, say) is UTC too.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }
}

/// <summary>The context on SQL Server; owns the SQL Server migrations.</summary>
public sealed class SqlServerPortalDbContext(DbContextOptions<SqlServerPortalDbContext> options) : PortalDbContext(options);

/// <summary>Stores and reads a DateTime as UTC whatever kind it arrived with.</summary>
internal sealed class UtcDateTimeConverter() : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTime, DateTime>(
    value => value.Kind == DateTimeKind.Utc ? value : DateTime.SpecifyKind(value, DateTimeKind.Utc),
    value => DateTime.SpecifyKind(value, DateTimeKind.Utc));
