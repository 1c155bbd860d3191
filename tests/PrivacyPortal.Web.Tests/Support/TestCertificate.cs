using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace PrivacyPortal.Web.Tests.Support;

/// <summary>Self-signed PKCS#12 certificates for the data-protection key ring: outside Development the portal will not start without one.</summary>
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
