using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PrivacyPortal.Infrastructure.Data;
using PrivacyPortal.Infrastructure.Jobs;
using PrivacyPortal.Infrastructure.Notices;
using PrivacyPortal.Infrastructure.Profiles;
using PrivacyPortal.Infrastructure.Security;
using PrivacyPortal.Infrastructure.Staff;
using PrivacyPortal.Infrastructure.Storage;

namespace PrivacyPortal.Infrastructure.Hosting;

public static class PortalInfrastructure
{
    /// <summary>The database, profiles and clock, shared by the web app and the operator CLI.</summary>
    public static IServiceCollection AddPortalInfrastructure(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        // Before anything is written: the folder and everything the host creates in it are owner-only.
        OwnerOnlyFiles.Apply(PortalOptions.ResolveDataDirectory(configuration, contentRoot));
        services.Configure<PortalOptions>(configuration.GetSection(PortalOptions.Section));
        services.Configure<DatabaseOptions>(configuration.GetSection(DatabaseOptions.Section));
        services.PostConfigure<PortalOptions>(options =>
        {
            options.DataDirectory = Path.GetFullPath(options.DataDirectory, contentRoot);
            options.ProfilesDirectory = string.IsNullOrWhiteSpace(options.ProfilesDirectory)
                ? Path.Combine(AppContext.BaseDirectory, "seeds")
                : Path.GetFullPath(options.ProfilesDirectory, contentRoot);
        });

        services.Configure<DocumentOptions>(configuration.GetSection(DocumentOptions.Section));
        services.AddSingleton(TimeProvider.System);

        var provider = DatabaseOptions.ResolveProvider(configuration);
        var dataDirectory = PortalOptions.ResolveDataDirectory(configuration, contentRoot);
        PortalKeys.AddPortalDataProtection(services, configuration, provider, dataDirectory);
        services.AddSingleton<NoticeLinks>();
        services.AddSingleton<DocumentVault>();
        services.AddSingleton<IBlobStore>(sp => BlobStores.Create(sp, configuration, provider));
        services.AddSingleton(sp => ProfileLoader.LoadDirectory(sp.GetRequiredService<IOptions<PortalOptions>>().Value.ProfilesDirectory));
        switch (provider)
        {
            case PortalProvider.Postgres:
                services.AddDbContext<PostgresPortalDbContext>((sp, builder) => PortalDatabase.Configure(builder, provider, ServerConnectionString(sp)));
                services.AddScoped<PortalDbContext>(sp => sp.GetRequiredService<PostgresPortalDbContext>());
                break;
            case PortalProvider.SqlServer:
                services.AddDbContext<SqlServerPortalDbContext>((sp, builder) => PortalDatabase.Configure(builder, provider, ServerConnectionString(sp)));
                services.AddScoped<PortalDbContext>(sp => sp.GetRequiredService<SqlServerPortalDbContext>());
                break;
            default:
                services.AddDbContext<SqlitePortalDbContext>((sp, builder) => PortalDatabase.Configure(
                    builder, provider, SqliteConnectionString(sp.GetRequiredService<IOptions<DatabaseOptions>>().Value, sp.GetRequiredService<IOptions<PortalOptions>>().Value)));
                services.AddScoped<PortalDbContext>(sp => sp.GetRequiredService<SqlitePortalDbContext>());
                break;
        }

        services.AddSingleton<RowClaims>();
        services.AddScoped<JobLeases>();
        services.Configure<SmtpOptions>(configuration.GetSection(SmtpOptions.Section));
        services.Configure<WorkerOptions>(configuration.GetSection(WorkerOptions.Section));
        services.AddSingleton<IMailSender, MailKitMailSender>();
        services.AddSingleton<NoticeComposer>();
        // The background jobs, run by Jobs.PortalJobHost (in the web app, or alone in `portal worker`).
        services.AddSingleton<Jobs.PortalJobStatus>();
        services.AddSingleton<Jobs.JobItems>();
        services.AddPortalJob<NoticeDispatcher>();
        services.AddPortalJob<Jobs.DraftHousekeeping>();
        services.AddPortalJob<Jobs.CaseHousekeeping>();
        services.AddPortalJob<Jobs.RetentionPurge>();
        services.AddPortalJob<Jobs.LetterPrinting>();
        services.AddPortalJob<Jobs.StaffDigests>();
        services.AddPortalJob<Audit.AuditCheckpoints>();
        services.Configure<Letters.LetterOptions>(configuration.GetSection(Letters.LetterOptions.Section));
        services.AddSingleton<Letters.ChromiumPdfPrinter>();
        services.AddSingleton<Letters.LetterRenderer>();
        services.AddScoped<ProfileImporter>();
        services.AddScoped<ProfileStore>();
        services.AddStaffIdentityCore();
        services.AddScoped<StaffAccounts>();
        services.AddScoped<StaffSignInGuard>();
        services.AddScoped<Audit.AuditExports>();
        services.AddScoped<Audit.TransparencyReports>();
        services.AddScoped<Retention.PersonalDataEraser>();
        services.AddScoped<ProfileEditor>();
        services.AddScoped<DemoSeeder>();
        return services;
    }

    private static string ServerConnectionString(IServiceProvider services)
    {
        var database = services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        return string.IsNullOrWhiteSpace(database.ConnectionString)
            ? throw new InvalidOperationException($"Database:ConnectionString is required for Database:Provider {database.Provider}.")
            : database.ConnectionString;
    }

    private static string SqliteConnectionString(DatabaseOptions database, PortalOptions portal)
    {
        if (!string.IsNullOrWhiteSpace(database.ConnectionString))
        {
            return database.ConnectionString;
        }

        Directory.CreateDirectory(portal.DataDirectory);
        return new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(portal.DataDirectory, "portal.db"),
            Pooling = true,
        }.ToString();
    }
}
