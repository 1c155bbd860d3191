namespace PrivacyPortal.Domain.Requests;

/// <summary>Whose document it is.</summary>
public enum DocumentParty
{
    Requester,
    Agent,
}

/// <summary>
/// An identity or authority document the requester uploaded. The bytes live encrypted outside the web root under
/// <see cref="StoredName"/>; only what the case needs about them is kept here.
/// </summary>
public sealed class RequestDocument
{
    public const int MaxFileNameLength = 120;
    public const long MaxBytes = 10 * 1024 * 1024;

    /// <summary><see cref="MaxBytes"/> in the megabytes a text states.</summary>
    public const int MaxMegabytes = (int)(MaxBytes / (1024 * 1024));

    private RequestDocument()
    {
    }

    public RequestDocument(Guid id, DocumentParty party, string fileName, string contentType, long length, string storedName, string sha256, DateTime uploadedAtUtc)
    {
        Id = id;
        Party = party;
        FileName = fileName;
        ContentType = contentType;
        Length = length;
        StoredName = storedName;
        Sha256 = sha256;
        UploadedAtUtc = uploadedAtUtc;
    }

    public Guid Id { get; private set; }

    public DocumentParty Party { get; private set; }

    /// <summary>The uploaded file's name, cleaned of paths and control characters, for people only.</summary>
    public string FileName { get; private set; } = string.Empty;

    /// <summary>Decided from the file's bytes, never from its name.</summary>
    public string ContentType { get; private set; } = string.Empty;

    public long Length { get; private set; }

    public string StoredName { get; private set; } = string.Empty;

    /// <summary>SHA-256 of the plain bytes, to prove later what was received.</summary>
    public string Sha256 { get; private set; } = string.Empty;

    public DateTime UploadedAtUtc { get; private set; }
}
