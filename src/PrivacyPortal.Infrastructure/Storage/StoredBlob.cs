namespace PrivacyPortal.Infrastructure.Storage;

/// <summary>One stored file in the database blob store: already encrypted by its owner (DocumentVault).</summary>
public sealed class StoredBlob
{
    public const int MaxNameLength = 200;

    public string Name { get; set; } = string.Empty;

    public byte[] Content { get; set; } = [];

    public long Length { get; set; }

    public DateTime StoredAtUtc { get; set; }
}
