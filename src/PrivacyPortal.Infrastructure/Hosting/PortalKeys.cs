using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PrivacyPortal.Infrastructure.Data;

namespace PrivacyPortal.Infrastructure.Hosting;

/// <summary>
/// ASP.NET Core data protection (cookies, antiforgery tokens, notice links, the document key). On the embedded
/// default the key ring is a folder in the data directory; on a server database it is a table, so every instance
/// reads the same ring and a restart keeps it. With DataProtection:CertificatePath set, each key is encrypted with
/// that certificate before it is stored.
/// </summary>
public static class PortalKeys
{
    public const string Section = "DataProtection";

    public static void AddPortalDataProtection(IServiceCollection services, IConfiguration configuration, PortalProvider provider, string dataDirectory)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var protection = services.AddDataProtection().SetApplicationName("PrivacyPortal");
        if (provider == PortalProvider.Sqlite)
        {
            protection.PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(dataDirectory, "keys")));
        }
        else
        {
            protection.PersistKeysToDbContext<PortalDbContext>();
        }

        if (LoadCertificate(configuration) is { } certificate)
        {
            // Also registers the certificate for decrypting the keys it protected.
            protection.ProtectKeysWithCertificate(certificate);
        }
    }

    /// <summary>The PKCS#12 file at DataProtection:CertificatePath (password: DataProtection:CertificatePassword), or none.</summary>
    public static X509Certificate2? LoadCertificate(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var path = configuration[$"{Section}:CertificatePath"];
        if (string.IsNullOrWhiteSpace(path))
        {
            return null;
        }

        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"DataProtection:CertificatePath names a file that does not exist: {path}");
        }

        var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, configuration[$"{Section}:CertificatePassword"]);
        return certificate.HasPrivateKey
            ? certificate
            : throw new InvalidOperationException($"The certificate at DataProtection:CertificatePath has no private key: {path}");
    }

    /// <summary>
    /// What a deployment must set, checked before the host starts so it stops with the reason instead of running
    /// half-safe: links in emails from Portal:PublicBaseUrl only (never from a request's Host header) outside
    /// Development, and outside Development a certificate for the key ring, so neither the ring nor the document key it
    /// protects is ever stored in plain form beside the data.
    /// </summary>
    public static void RequireDeploymentSettings(IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        var problems = new List<string>();
        var url = configuration[$"{PortalOptions.Section}:{nameof(PortalOptions.PublicBaseUrl)}"];
        if (!environment.IsDevelopment() && string.IsNullOrWhiteSpace(url))
        {
            problems.Add("Portal:PublicBaseUrl is required outside Development (e.g. https://privacy.example.jp): links in emails are built from it alone.");
        }
        else if (!string.IsNullOrWhiteSpace(url) && (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
        {
            problems.Add($"Portal:PublicBaseUrl must be an absolute http or https address: {url}");
        }

        if (!environment.IsDevelopment() && string.IsNullOrWhiteSpace(configuration[$"{Section}:CertificatePath"]))
        {
            var where = DatabaseOptions.ResolveProvider(configuration) == PortalProvider.Sqlite ? "in the keys folder beside the database" : "in the database";
            problems.Add($"DataProtection:CertificatePath is required outside Development: the data-protection keys (which also protect the document key) are stored {where} and must be encrypted with a certificate (a PKCS#12 file kept outside the data folder; password in DataProtection:CertificatePassword).");
        }

        if (problems.Count > 0)
        {
            throw new InvalidOperationException("The portal cannot start: " + string.Join(" ", problems));
        }
    }
}
