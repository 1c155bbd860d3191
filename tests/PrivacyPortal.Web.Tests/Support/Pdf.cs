using System.Diagnostics;

namespace PrivacyPortal.Web.Tests.Support;

/// <summary>Reads a PDF back as text with pdftotext (poppler-utils), as a person reading the letter would see it.</summary>
public static class Pdf
{
    public static string Text(byte[] pdf)
    {
        var path = Path.Combine(Path.GetTempPath(), $"portal-letter-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(path, pdf);
        try
        {
            // Without -layout: long lines stay whole, so a sentence can be found as written.
            var (exit, text) = ChildProcess.Run(new ProcessStartInfo("pdftotext", [path, "-"]));
            return exit == 0 ? text : throw new InvalidOperationException($"pdftotext exited with {exit}.");
        }
        finally
        {
            File.Delete(path);
        }
    }
}
