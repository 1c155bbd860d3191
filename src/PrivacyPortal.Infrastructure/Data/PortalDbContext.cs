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
/// The portal's one context. Provider-specific subclasses (<see cref="SqlitePortalDbContext"/>) only carry their
/// own migration set; the model is defined here, once.
/// </summary>
public abstract class PortalDbContext : IdentityDbContext<StaffUser, IdentityRole, string>
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
