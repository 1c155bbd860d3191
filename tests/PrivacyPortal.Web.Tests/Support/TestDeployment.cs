using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace PrivacyPortal.Web.Tests.Support;

/// <summary>
/// What a portal process of a test runs on: a data folder, the database (SQLite in that folder, or a database of
/// its own on the throwaway PostgreSQL server, with the key ring encrypted by a fresh certificate as Production
/// requires) and the settings for it, for processes started by the test and for services the test builds itself.
/// </summary>
public sealed class TestDeployment : IDisposable
{
    private readonly PostgresDatabase? _postgres;

    public TestDeployment(string provider)
    {
        Provider = provider;
        Settings["Portal:DataDirectory"] = Data.Path;
        Settings["Portal:ProfilesDirectory"] = RepoPaths.Seeds;
        Settings["Portal:PublicBaseUrl"] = "http://127.0.0.1";
        Settings["DataProtection:CertificatePath"] = TestCertificate.Shared;
        Settings["DataProtection:CertificatePassword"] = TestCertificate.Password;
        if (provider == Providers.Postgres)
        {
            _postgres = TestPostgres.Create();
            Settings["Database:Provider"] = "Postgres";
            Settings["Database:ConnectionString"] = _postgres.ConnectionString;
        }
    }

    public string Provider { get; }

    public TempDirectory Data { get; } = new();

    public Dictionary<string, string?> Settings { get; } = [];

    /// <summary>The portal's own services on this deployment, for seeding and reading back what a process did.</summary>
    public ServiceProvider Services(IDictionary<string, string?>? extra = null)
    {
        return PortalServices.Build(Settings.Concat(extra ?? new Dictionary<string, string?>()));
    }

    /// <summary>The settings as environment variables of a process (Section__Key).</summary>
    public void Apply(ProcessStartInfo start)
    {
        ArgumentNullException.ThrowIfNull(start);
        foreach (var (key, value) in Settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }
    }

    public void Dispose()
    {
        _postgres?.Dispose();
        Data.Dispose();
    }
}
