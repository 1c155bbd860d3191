using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
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

        // Keys for antiforgery, cookies, notice links and the document key live in the data folder, so restarts
        // and the CLI share them.
        var dataDirectory = PortalOptions.ResolveDataDirectory(configuration, contentRoot);
        services.AddDataProtection()
            .SetApplicationName("PrivacyPortal")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(dataDirectory, "keys")));
        services.AddSingleton<NoticeLinks>();
        services.AddSingleton<DocumentVault>();
        services.AddSingleton(sp => ProfileLoader.LoadDirectory(sp.GetRequiredService<IOptions<PortalOptions>>().Value.ProfilesDirectory));
        services.AddDbContext<SqlitePortalDbContext>((sp, builder) =>
        {
            var database = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            if (!string.Equals(database.Provider, "Sqlite", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException($"Database:Provider '{database.Provider}' is not supported; use Sqlite.");
            }

            builder.UseSqlite(SqliteConnectionString(database, sp.GetRequiredService<IOptions<PortalOptions>>().Value));
        });
        services.AddScoped<PortalDbContext>(sp => sp.GetRequiredService<SqlitePortalDbContext>());
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
        services.Configure<Letters.LetterOptions>(configuration.GetSection(Letters.LetterOptions.Section));
        services.AddSingleton<Letters.ChromiumPdfPrinter>();
        services.AddSingleton<Letters.LetterRenderer>();
        services.AddScoped<ProfileImporter>();
        services.AddScoped<ProfileStore>();
        services.AddStaffIdentityCore();
        services.AddScoped<StaffAccounts>();
        services.AddScoped<ProfileEditor>();
        services.AddScoped<DemoSeeder>();
        return services;
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
