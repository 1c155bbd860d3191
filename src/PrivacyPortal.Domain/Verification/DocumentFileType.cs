namespace PrivacyPortal.Domain.Verification;

/// <summary>The file types accepted for identity documents, decided from the file's first bytes, never its name.</summary>
public static class DocumentFileType
{
    public const string Pdf = "application/pdf";
    public const string Jpeg = "image/jpeg";
    public const string Png = "image/png";

    private static ReadOnlySpan<byte> PdfMagic => "%PDF-"u8;

    private static ReadOnlySpan<byte> PngMagic => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static ReadOnlySpan<byte> JpegMagic => [0xFF, 0xD8, 0xFF];

    /// <summary>The content type the bytes really are, or null when they are none of PDF, JPEG or PNG.</summary>
    public static string? Detect(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith(PdfMagic))
        {
            return Pdf;
        }

        if (head.StartsWith(PngMagic))
        {
            return Png;
        }

        return head.StartsWith(JpegMagic) ? Jpeg : null;
    }
}
