using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PrivacyPortal.Infrastructure.Letters;

namespace PrivacyPortal.Web.Tests.Support;

/// <summary>
/// The real web app on a fresh database (SQLite in a temp folder, or a database of its own on the throwaway
/// PostgreSQL server), with the repository's or a test's own profiles.
/// </summary>
public class PortalFactory : WebApplicationFactory<Program>
{
    /// <summary>
    /// One Chromium (and its Playwright driver) prints the letters of every test host in this process, instead of one
    /// started per host: starting them costs more than printing. A test about the printer itself (its path, its page
    /// count, a crash) sets a "Letters:" setting and gets a printer of its own, as the portal has one per process.
    /// </summary>
    private static readonly Lazy<ChromiumPdfPrinter> SharedPrinter = new(() =>
    {
        var printer = new ChromiumPdfPrinter(Options.Create(new LetterOptions()));
        AppDomain.CurrentDomain.ProcessExit += (_, _) => printer.Dispose();
        return printer;
    });

    private readonly TempDirectory _data = new();
    private PostgresDatabase? _postgres;

    /// <summary>Providers.Sqlite (default) or Providers.Postgres.</summary>
    public string Provider { get; init; } = Providers.Sqlite;

    /// <summary>"File" or "Database"; empty: the provider's default blob store.</summary>
    public string? BlobStore { get; init; }

    public string? ProfilesDirectory { get; init; }

    /// <summary>
    /// Start on an empty database rather than a copy of the migrated template (<see cref="MigratedTemplate"/>): for
    /// tests about migrating, or about an unmigrated database.
    /// </summary>
    public bool EmptyDatabase { get; init; }

    public FixedClock Clock { get; } = new(FixedClock.DefaultInstant);

    /// <summary>Requests per minute the rate limiter allows; high by default so tests are not throttled by each other.</summary>
    public int RateLimit { get; init; } = 10_000;

    /// <summary>Extra configuration, e.g. the SMTP server of a test.</summary>
    public Dictionary<string, string> Settings { get; init; } = [];

    public string DataDirectory => _data.Path;

    /// <summary>
    /// Every request arrives from a load balancer (10.0.0.1) that is a known proxy, so a client's address is the one
    /// its X-Forwarded-For names (StaffClient.From, or the header on a request).
    /// </summary>
    public bool BehindBalancer { get; init; }

    public const string Balancer = "10.0.0.1";

    /// <summary>Settings that point `portal` (PortalCli.RunAsync) at this portal's database and data folder.</summary>
    public Dictionary<string, string?> CliSettings
    {
        get
        {
            _ = Services;
            var settings = new Dictionary<string, string?>
            {
                ["Portal:DataDirectory"] = _data.Path,
                ["Portal:ProfilesDirectory"] = ProfilesDirectory ?? RepoPaths.Seeds,
                ["DataProtection:CertificatePath"] = TestCertificate.Shared,
                ["DataProtection:CertificatePassword"] = TestCertificate.Password,
            };
            if (_postgres is not null)
            {
                settings["Database:Provider"] = "Postgres";
                settings["Database:ConnectionString"] = _postgres.ConnectionString;
            }

            return settings;
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Testing");
        builder.UseSetting("Portal:DataDirectory", _data.Path);
        builder.UseSetting("Portal:ProfilesDirectory", ProfilesDirectory ?? RepoPaths.Seeds);
        builder.UseSetting("Portal:PublicBaseUrl", "http://localhost");
        builder.UseSetting("DataProtection:CertificatePath", TestCertificate.Shared);
        builder.UseSetting("DataProtection:CertificatePassword", TestCertificate.Password);
        if (Provider == Providers.Postgres)
        {
            _postgres ??= TestPostgres.Create(template: EmptyDatabase ? null : MigratedTemplate.Postgres);
            builder.UseSetting("Database:Provider", "Postgres");
            builder.UseSetting("Database:ConnectionString", _postgres.ConnectionString);
        }

        else if (!EmptyDatabase && !Settings.ContainsKey("Database:ConnectionString") && !File.Exists(Path.Combine(_data.Path, "portal.db")))
        {
            MigratedTemplate.CopySqliteTo(_data.Path);
        }

        if (BlobStore is not null)
        {
            builder.UseSetting("Storage:Blobs", BlobStore);
        }
        foreach (var setting in new[] { "SubmitPerMinute", "ConfirmPerMinute", "StatusPerMinute", "UploadPerMinute", "StatusLinkPerMinute", "StaffSignInPerMinute" })
        {
            builder.UseSetting($"RateLimits:{setting}", RateLimit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        // Tests run the notices job themselves, when they want it.
        builder.UseSetting("Worker:Enabled", "false");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        if (BehindBalancer)
        {
            builder.UseSetting("ForwardedHeaders:KnownProxies", Balancer);
        }

        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            if (!Settings.Keys.Any(key => key.StartsWith(LetterOptions.Section + ":", StringComparison.Ordinal)))
            {
                // Registered as an instance, so a host's disposal leaves it running for the next host.
                services.AddSingleton(SharedPrinter.Value);
            }

            if (BehindBalancer)
            {
                services.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter>(new FromBalancer());
            }
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _postgres?.Dispose();
            _data.Dispose();
        }
    }

    private sealed class FromBalancer : Microsoft.AspNetCore.Hosting.IStartupFilter
    {
        public Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> Configure(Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = System.Net.IPAddress.Parse(Balancer);
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
