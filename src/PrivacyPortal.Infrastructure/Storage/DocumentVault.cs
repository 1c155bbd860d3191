using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using PrivacyPortal.Infrastructure.Hosting;

namespace PrivacyPortal.Infrastructure.Storage;

/// <summary>
/// Identity documents at rest: AES-256-GCM, one random nonce per file, the document id as associated data (a file
/// cannot be swapped onto another record), stored under generated names in the data folder, outside the web root.
/// The key comes from <c>Documents:EncryptionKey</c> (base64, 32 bytes) or, when unset, is generated once and kept
/// in the data folder encrypted by ASP.NET Core data protection. Keys are never in the repository.
/// </summary>
public sealed class DocumentVault
{
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private static readonly byte[] Magic = "PPD1"u8.ToArray();
    private readonly string _directory;
    private readonly Lazy<byte[]> _key;

    public DocumentVault(IOptions<PortalOptions> portal, IOptions<DocumentOptions> documents, IDataProtectionProvider protection)
    {
        ArgumentNullException.ThrowIfNull(portal);
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(protection);
        _directory = Path.Combine(portal.Value.DataDirectory, "documents");
        var configured = documents.Value.EncryptionKey;
        _key = new Lazy<byte[]>(() => string.IsNullOrWhiteSpace(configured)
            ? LoadOrCreateKey(Path.Combine(portal.Value.DataDirectory, "keys", "documents.key"), protection.CreateProtector("PrivacyPortal.Documents.Key.v1"))
            : ParseKey(configured));
    }

    /// <summary>Encrypts and writes the bytes atomically; returns the stored name.</summary>
    public async Task<string> SaveAsync(Guid documentId, ReadOnlyMemory<byte> plain, CancellationToken cancellationToken)
    {
        var storedName = $"{DateTime.UtcNow:yyyy}/{Guid.NewGuid():N}.bin";
        var path = Path.Combine(_directory, storedName);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var nonce = RandomNumberGenerator.GetBytes(NonceSize);
        var output = new byte[Magic.Length + NonceSize + TagSize + plain.Length];
        Magic.CopyTo(output, 0);
        nonce.CopyTo(output, Magic.Length);
        using (var aes = new AesGcm(_key.Value, TagSize))
        {
            aes.Encrypt(nonce, plain.Span, output.AsSpan(Magic.Length + NonceSize + TagSize), output.AsSpan(Magic.Length + NonceSize, TagSize), documentId.ToByteArray());
        }

        // Temp file and rename: a crash never leaves half a document under its final name.
        var temp = path + ".tmp";
        await File.WriteAllBytesAsync(temp, output, cancellationToken);
        File.Move(temp, path, overwrite: false);
        return storedName;
    }

    public async Task<byte[]> ReadAsync(Guid documentId, string storedName, CancellationToken cancellationToken)
    {
        var data = await File.ReadAllBytesAsync(Path.Combine(_directory, storedName), cancellationToken);
        if (data.Length < Magic.Length + NonceSize + TagSize || !data.AsSpan(0, Magic.Length).SequenceEqual(Magic))
        {
            throw new CryptographicException("Not a portal document file.");
        }

        var plain = new byte[data.Length - Magic.Length - NonceSize - TagSize];
        using var aes = new AesGcm(_key.Value, TagSize);
        aes.Decrypt(
            data.AsSpan(Magic.Length, NonceSize),
            data.AsSpan(Magic.Length + NonceSize + TagSize),
            data.AsSpan(Magic.Length + NonceSize, TagSize),
            plain,
            documentId.ToByteArray());
        return plain;
    }

    public string PathOf(string storedName) => Path.Combine(_directory, storedName);

    /// <summary>Removes a stored file; a file already gone is not an error.</summary>
    public void Delete(string storedName) => File.Delete(PathOf(storedName));

    private static byte[] ParseKey(string base64)
    {
        var key = Convert.FromBase64String(base64);
        return key.Length == 32 ? key : throw new InvalidOperationException("Documents:EncryptionKey must be 32 bytes in base64.");
    }

    private static byte[] LoadOrCreateKey(string path, IDataProtector protector)
    {
        if (File.Exists(path))
        {
            return protector.Unprotect(File.ReadAllBytes(path));
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var key = RandomNumberGenerator.GetBytes(32);
        var temp = path + ".tmp";
        File.WriteAllBytes(temp, protector.Protect(key));
        try
        {
            File.Move(temp, path, overwrite: false);
            return key;
        }
        catch (IOException)
        {
            // Another process created it first: use theirs.
            File.Delete(temp);
            return protector.Unprotect(File.ReadAllBytes(path));
        }
    }
}

/// <summary>The "Documents" configuration section.</summary>
public sealed class DocumentOptions
{
    public const string Section = "Documents";

    /// <summary>Base64 of 32 random bytes; empty: a key generated in the data folder, protected by data protection.</summary>
    public string EncryptionKey { get; set; } = string.Empty;
}
