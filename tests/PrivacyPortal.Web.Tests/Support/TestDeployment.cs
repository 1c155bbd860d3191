using System.Diagnostics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
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

/// <summary>A self-signed certificate with its private key, as a PKCS#12 file, for the data-protection key ring.</summary>
/// <summary>Key-ring certificates: outside Development the portal will not start without one.</summary>
public static class TestCertificate
{
    public const string Password = "test-password";

    private static readonly Lazy<string> SharedPath = new(() =>
    {
        // One per test run, outside every portal's data folder, as a deployment keeps it.
        var folder = Directory.CreateTempSubdirectory("portal-test-keyring-");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => folder.Delete(recursive: true);
        return Write(Path.Combine(folder.FullName, "keyring.pfx"), Password);
    });

    /// <summary>A certificate shared by the portals of this test run (each has its own key ring, encrypted with it).</summary>
    public static string Shared => SharedPath.Value;

    public static string Write(string path, string password)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=PrivacyPortal test key ring", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyEncipherment | X509KeyUsageFlags.DataEncipherment, critical: false));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pkcs12, password));
        return path;
    }
}
