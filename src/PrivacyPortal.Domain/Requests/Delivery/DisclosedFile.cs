using System.Text;

namespace PrivacyPortal.Domain.Requests;

/// <summary>
/// A file of the data a disclosure, third-party-records disclosure or GDPR access or portability answer delivers. The
/// bytes live encrypted like identity documents; the requester downloads them from the status page for the profile's
/// period, then they are deleted and only this record of what was delivered stays.
/// </summary>
public sealed class DisclosedFile
{
    /// <summary>The most a request's disclosed files may weigh together.</summary>
    public const long MaxBytesPerRequest = 100L * 1024 * 1024;

    /// <summary><see cref="MaxBytesPerRequest"/> in the megabytes a text states.</summary>
    public const int MaxMegabytesPerRequest = (int)(MaxBytesPerRequest / (1024 * 1024));

    public const int MaxFilesPerRequest = 20;

    private DisclosedFile()
    {
    }

    public DisclosedFile(Guid id, string fileName, string contentType, long length, string storedName, string sha256, DateTime addedAtUtc)
    {
        Id = id;
        FileName = fileName;
        ContentType = contentType;
        Length = length;
        StoredName = storedName;
        Sha256 = sha256;
        AddedAtUtc = addedAtUtc;
    }

    public Guid Id { get; private set; }

    public string FileName { get; private set; } = string.Empty;

    /// <summary>Decided from the bytes (<see cref="DisclosedFileType"/>), never from the name alone.</summary>
    public string ContentType { get; private set; } = string.Empty;

    public long Length { get; private set; }

    public string StoredName { get; private set; } = string.Empty;

    public string Sha256 { get; private set; } = string.Empty;

    public DateTime AddedAtUtc { get; private set; }

    /// <summary>The end of retention: the name can say who the data is about; what was delivered stays.</summary>
    internal void EraseName() => FileName = "-";

    /// <summary>CSV or JSON: the structured, commonly used, machine-readable format GDPR Art. 20(1) asks for.</summary>
    public bool IsMachineReadable => ContentType is DisclosedFileType.Csv or DisclosedFileType.Json;
}

/// <summary>
/// The type of a disclosed file from its bytes. Any type may be delivered, but a file whose name claims a type its
/// bytes are not (a ".pdf" that is no PDF, a ".json" that is not JSON) is refused, as uploads are.
/// </summary>
public static class DisclosedFileType
{
    public const string Pdf = Verification.DocumentFileType.Pdf;
    public const string Png = Verification.DocumentFileType.Png;
    public const string Jpeg = Verification.DocumentFileType.Jpeg;
    public const string Zip = "application/zip";
    public const string Json = "application/json";
    public const string Csv = "text/csv";
    public const string Text = "text/plain";
    public const string Binary = "application/octet-stream";

    /// <summary>The content type, or null when the name's extension says something the bytes contradict.</summary>
    public static string? Detect(ReadOnlySpan<byte> bytes, string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        var sniffed = Sniff(bytes);
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        return extension switch
        {
            ".pdf" => sniffed == Pdf ? Pdf : null,
            ".png" => sniffed == Png ? Png : null,
            ".jpg" or ".jpeg" => sniffed == Jpeg ? Jpeg : null,
            ".zip" => sniffed == Zip ? Zip : null,
            ".json" => sniffed == Json ? Json : null,
            ".csv" => sniffed is Text or Json ? Csv : null,
            ".txt" => sniffed is Text or Json ? Text : null,
            _ => sniffed,
        };
    }

    private static string Sniff(ReadOnlySpan<byte> bytes)
    {
        // PDF, PNG and JPEG are told apart exactly as identity uploads are.
        if (Verification.DocumentFileType.Detect(bytes) is { } document)
        {
            return document;
        }

        if (bytes.StartsWith("PK\x03\x04"u8))
        {
            return Zip;
        }

        if (bytes.Length == 0 || bytes.Contains((byte)0) || !IsUtf8(bytes))
        {
            return Binary;
        }

        return IsJson(bytes) ? Json : Text;
    }

    private static bool IsUtf8(ReadOnlySpan<byte> bytes)
    {
        try
        {
            _ = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetCharCount(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    private static bool IsJson(ReadOnlySpan<byte> bytes)
    {
        try
        {
            var reader = new System.Text.Json.Utf8JsonReader(bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? bytes[3..] : bytes);
            while (reader.Read())
            {
            }

            return true;
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }
}
