using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using PrivacyPortal.Infrastructure.Hosting;
using PrivacyPortal.Infrastructure.Notices;
using PrivacyPortal.Web.Tests.Support;

namespace PrivacyPortal.Web.Tests.Security;

/// <summary>
/// The data folder holds nothing another user of the machine can read, and neither the key ring nor the document key
/// it protects is stored in plain form: outside Development the portal does not start without the key-ring certificate.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class FilesAtRestTests
{
    private const UnixFileMode GroupOrOther = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    [Fact]
    public async Task EverythingThePortalWrites_DatabaseLogsKeysDocumentsAndMail_IsOwnerOnly()
    {
        await using var factory = new PortalFactory();
        using (var filed = await ReceivedCase.FileAsync(factory))
        {
            Assert.Equal(HttpStatusCode.Redirect, await filed.UploadPdfAsync());
            using var scope = factory.Services.CreateScope();
            Assert.True(await scope.ServiceProvider.GetRequiredService<NoticeDispatcher>().RunOnceAsync(CancellationToken.None) > 0);
        }

        var root = new DirectoryInfo(factory.DataDirectory);
        var entries = root.EnumerateFileSystemInfos("*", SearchOption.AllDirectories).Prepend(root).ToList();

        foreach (var expected in new[] { "portal.db", "keys", "logs", "documents", "mail" })
        {
            Assert.Contains(entries, e => e.Name == expected);
        }

        Assert.Contains(entries, e => e.Extension == ".eml");
        Assert.Contains(entries, e => e.FullName.Contains($"{Path.DirectorySeparatorChar}documents{Path.DirectorySeparatorChar}", StringComparison.Ordinal) && e is FileInfo);
        Assert.All(entries, e => Assert.True((e.UnixFileMode & GroupOrOther) == 0, $"{Path.GetRelativePath(root.FullName, e.FullName)} is {e.UnixFileMode}"));
        Assert.All(entries.OfType<DirectoryInfo>(), d => Assert.Equal(OwnerOnlyFiles.FolderMode, d.UnixFileMode));
        Assert.All(entries.OfType<FileInfo>(), f => Assert.Equal(OwnerOnlyFiles.FileMode, f.UnixFileMode & ~UnixFileMode.UserExecute));
    }

    [Fact]
    public async Task ALooserDataFolderFromBefore_IsNarrowedAtStartUp()
    {
        await using var factory = new PortalFactory();
        var old = Path.Combine(factory.DataDirectory, "documents", "2025");
        Directory.CreateDirectory(old);
        var file = Path.Combine(old, "old.bin");
        await File.WriteAllBytesAsync(file, [1, 2, 3]);
        File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        File.SetUnixFileMode(old, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        File.SetUnixFileMode(factory.DataDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute);

        _ = factory.Services;

        Assert.Equal(OwnerOnlyFiles.FolderMode, File.GetUnixFileMode(factory.DataDirectory));
        Assert.Equal(OwnerOnlyFiles.FolderMode, File.GetUnixFileMode(old));
        Assert.Equal(OwnerOnlyFiles.FileMode, File.GetUnixFileMode(file));
    }

    [Fact]
    public async Task TheKeyRing_IsEncryptedWithTheCertificate_SoTheDocumentKeyIsNeverStoredPlain()
    {
        await using var factory = new PortalFactory();
        using (var filed = await ReceivedCase.FileAsync(factory))
        {
            Assert.Equal(HttpStatusCode.Redirect, await filed.UploadPdfAsync());
        }

        var keys = Directory.GetFiles(Path.Combine(factory.DataDirectory, "keys"), "*.xml");

        Assert.NotEmpty(keys);
        Assert.All(keys, k =>
        {
            var xml = File.ReadAllText(k);
            Assert.Contains("EncryptedXmlDecryptor", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("unencrypted form", xml, StringComparison.Ordinal);
        });
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    [InlineData("Testing")]
    public async Task OutsideDevelopment_WithoutTheCertificate_ThePortalDoesNotStart_AndSaysWhy(string environment)
    {
        await using var factory = new PortalFactory();
        await using var configured = factory.WithWebHostBuilder(b => b.UseEnvironment(environment).UseSetting("DataProtection:CertificatePath", string.Empty));

        var error = Assert.Throws<InvalidOperationException>(() => configured.CreateClient());

        Assert.Contains("DataProtection:CertificatePath is required outside Development", error.Message, StringComparison.Ordinal);
        Assert.Contains("in the keys folder beside the database", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(factory.DataDirectory, "keys")));
    }

    [Fact]
    public async Task InDevelopment_ThePortalStartsWithoutTheCertificate()
    {
        await using var factory = new PortalFactory();
        await using var configured = factory.WithWebHostBuilder(b => b.UseEnvironment("Development").UseSetting("DataProtection:CertificatePath", string.Empty));
        using var client = configured.CreateClient();

        using var health = await client.GetAsync(new Uri("/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }
}
