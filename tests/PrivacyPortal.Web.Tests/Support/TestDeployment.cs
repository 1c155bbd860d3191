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
        if (provider == Providers.Postgres)
        {
            _postgres = TestPostgres.Create();
            Settings["Database:Provider"] = "Postgres";
            Settings["Database:ConnectionString"] = _postgres.ConnectionString;
            Settings["DataProtection:CertificatePath"] = TestCertificate.Write(Data.File("keys.pfx"), "test-password");
            Settings["DataProtection:CertificatePassword"] = "test-password";
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
public static class TestCertificate
{
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
