using System.Globalization;
using System.Text;
using Microsoft.Net.Http.Headers;
using PrivacyPortal.Domain.Requests;

namespace PrivacyPortal.Web.Hosting;

/// <summary>
/// File names typed by someone else (an upload's name) made safe to store, show and send back: no path, no control
/// or bidirectional-formatting characters (U+202E turns "gpj.exe" around into what reads as "exe.jpg"), and in a
/// Content-Disposition header only as RFC 6266 <c>filename*</c> (UTF-8, percent-encoded) beside an ASCII
/// <c>filename</c>, since Kestrel refuses a raw non-ASCII header value.
/// </summary>
public static class FileNames
{
    private static readonly HashSet<string> ShownInline = ["application/pdf", "image/jpeg", "image/png", "image/gif", "image/webp"];

    public static string Clean(string? name, string fallback = "document")
    {
        var file = Domain.Common.UnicodeText.Normalize(Path.GetFileName((name ?? string.Empty).Replace('\\', '/')), NormalizationForm.FormC);
        var kept = new StringBuilder(file.Length);
        foreach (var c in file)
        {
            // Cc: controls (NUL, CR, LF, tab); Cf: formatting (U+200E/F, U+202A-E, U+2066-9, zero-width); Zl/Zp: line breaks.
            if (CharUnicodeInfo.GetUnicodeCategory(c) is not (UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator))
            {
                kept.Append(c);
            }
        }

        var clean = kept.ToString().Trim().TrimStart('.');
        if (clean.Length == 0)
        {
            clean = fallback;
        }

        if (clean.Length > RequestDocument.MaxFileNameLength)
        {
            clean = clean[..RequestDocument.MaxFileNameLength];
            if (char.IsHighSurrogate(clean[^1]))
            {
                clean = clean[..^1];
            }
        }

        return clean;
    }

    /// <summary>The name with the extension its detected type has, when it does not already end with it.</summary>
    public static string WithExtension(string name, string extension) =>
        name.EndsWith(extension, StringComparison.OrdinalIgnoreCase) ? name : Clean(name[..Math.Min(name.Length, RequestDocument.MaxFileNameLength - extension.Length)]) + extension;

    /// <summary>
    /// Inline only for what the browser shows without running anything (PDF and raster images; not SVG, not HTML);
    /// everything else is an attachment.
    /// </summary>
    public static string ContentDisposition(string fileName, string contentType)
    {
        var header = new ContentDispositionHeaderValue(ShownInline.Contains(contentType) ? "inline" : "attachment");
        header.SetHttpFileName(Clean(fileName));
        return header.ToString();
    }
}
