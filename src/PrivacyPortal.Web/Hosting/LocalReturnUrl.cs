namespace PrivacyPortal.Web.Hosting;

/// <summary>
/// The one test for a return URL taken from a query string or form: a path on this site, under the given prefix,
/// with no control characters (CR, LF, tab and NUL make redirects throw or split headers) and no way to leave the
/// host ("//evil", "/\evil").
/// </summary>
public static class LocalReturnUrl
{
    public const int MaxLength = 2048;

    public static bool IsSafe(string? url, string prefix = "/") =>
        !string.IsNullOrEmpty(url)
        && url.Length <= MaxLength
        && url.StartsWith(prefix, StringComparison.Ordinal)
        && !url.StartsWith("//", StringComparison.Ordinal)
        && !url.Contains('\\', StringComparison.Ordinal)
        && !url.Any(char.IsControl);

    public static string OrDefault(string? url, string prefix, string fallback) => IsSafe(url, prefix) ? url! : fallback;
}
