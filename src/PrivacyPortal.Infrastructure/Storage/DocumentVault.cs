using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace PrivacyPortal.Infrastructure.Storage;

/// <summary>
/// Identity documents and letters at rest: AES-256-GCM, one random nonce per file, the file's id as associated data
/// (a file cannot be swapped onto another record), kept under generated names in the blob store (files outside the
/// web root, or the database). The key comes from <c>Documents:EncryptionKey</c> (base64, 32 bytes) or, when unset,
/// is generated once and kept in the same store encrypted by ASP.NET Core data protection, so every instance on the
/// store uses the same key. Keys are never in the repository.
/// </summary>
public sealed class DocumentVault
{
    public const string Folder = "documents";
    public const string KeyName = "keys/documents.key";
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private static readonly byte[] Magic = "PPD1"u8.ToArray();
    private readonly IBlobStore _store;
    private readonly TimeProvider _clock;
    private readonly Lazy<Task<byte[]>> _key;

    public DocumentVault(IBlobStore store, IOptions<DocumentOptions> documents, IDataProtectionProvider protection, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(clock);
        _clock = clock;
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(protection);
        _store = store;
        var configured = documents.Value.EncryptionKey;
        _key = new Lazy<Task<byte[]>>(() => string.IsNullOrWhiteSpace(configured)
            ? LoadOrCreateKeyAsync(protection.CreateProtector("PrivacyPortal.Documents.Key.v1"))
            : Task.FromResult(ParseKey(configured)));
    }

    /// <summary>Encrypts and stores the bytes; returns the stored name.</summary>
    public async Task<string> SaveAsync(Guid documentId, ReadOnlyMemory<byte> plain, CancellationToken cancellationToken)
    {
        var key = await _key.Value;
        var storedName = $"{_clock.GetUtcNow():yyyy}/{Guid.NewGuid():N}.bin";
        var nonce = RandomNumberGenerator.GetBytes(NonceSize);
        var output = new byte[Magic.Length + NonceSize + TagSize + plain.Length];
        Magic.CopyTo(output, 0);
        nonce.CopyTo(output, Magic.Length);
        using (var aes = new AesGcm(key, TagSize))
        {
            aes.Encrypt(nonce, plain.Span, output.AsSpan(Magic.Length + NonceSize + TagSize), output.AsSpan(Magic.Length + NonceSize, TagSize), documentId.ToByteArray());
        }

        if (!await _store.TryAddAsync(BlobName(storedName), output, cancellationToken))
        {
            throw new IOException($"A stored file named {storedName} exists already.");
        }

        return storedName;
    }

    public async Task<byte[]> ReadAsync(Guid documentId, string storedName, CancellationToken cancellationToken)
    {
        var data = await ReadStoredAsync(storedName, cancellationToken);
        if (data.Length < Magic.Length + NonceSize + TagSize || !data.AsSpan(0, Magic.Length).SequenceEqual(Magic))
        {
            throw new CryptographicException("Not a portal document file.");
        }

        var plain = new byte[data.Length - Magic.Length - NonceSize - TagSize];
        using var aes = new AesGcm(await _key.Value, TagSize);
        aes.Decrypt(
            data.AsSpan(Magic.Length, NonceSize),
            data.AsSpan(Magic.Length + NonceSize + TagSize),
            data.AsSpan(Magic.Length + NonceSize, TagSize),
            plain,
            documentId.ToByteArray());
        return plain;
    }

    /// <summary>The file as stored: encrypted.</summary>
    public async Task<byte[]> ReadStoredAsync(string storedName, CancellationToken cancellationToken) =>
        await _store.ReadAsync(BlobName(storedName), cancellationToken) ?? throw new FileNotFoundException($"The stored file {storedName} is missing.");

    /// <summary>Removes a stored file; a file already gone is not an error.</summary>
    public Task DeleteAsync(string storedName, CancellationToken cancellationToken) => _store.DeleteAsync(BlobName(storedName), cancellationToken);

    public static string BlobName(string storedName) => $"{Folder}/{storedName}";

    private static byte[] ParseKey(string base64)
    {
        var key = Convert.FromBase64String(base64);
        return key.Length == 32 ? key : throw new InvalidOperationException("Documents:EncryptionKey must be 32 bytes in base64.");
    }

    private async Task<byte[]> LoadOrCreateKeyAsync(IDataProtector protector)
    {
        if (await _store.ReadAsync(KeyName, CancellationToken.None) is { } stored)
        {
            return protector.Unprotect(stored);
        }

        var key = RandomNumberGenerator.GetBytes(32);
        if (await _store.TryAddAsync(KeyName, protector.Protect(key), CancellationToken.None))
        {
            return key;
        }

        // Another instance created it first: use theirs.
        return protector.Unprotect((await _store.ReadAsync(KeyName, CancellationToken.None))!);
    }
}

/// <summary>The "Documents" configuration section.</summary>
public sealed class DocumentOptions
{
    public const string Section = "Documents";

    /// <summary>Base64 of 32 random bytes; empty: a key generated in the data folder, protected by data protection.</summary>
    public string EncryptionKey { get; set; } = string.Empty;
}
