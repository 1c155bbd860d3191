using Serilog.Core;
using Serilog.Events;

namespace PrivacyPortal.Infrastructure.Hosting;

/// <summary>
/// Paths as they may appear in a log: what follows a secret-carrying prefix (`/r/`, `/confirm/`) and any segment that
/// looks like a token is replaced by "{redacted}". Idempotent: a route template's `{token}` stays as it is.
/// </summary>
public static class LoggedPaths
{
    /// <summary>Tokens are 256 random bits in base64url (43 characters); no public path segment but an id is that long.</summary>
    private const int TokenLikeLength = 32;

    /// <summary>First path segments whose next segment is a secret (the status page, the confirmation link, the page of the person an agent filed for).</summary>
    private static readonly HashSet<string> SecretPrefixes = new(StringComparer.OrdinalIgnoreCase) { "r", "confirm", "p" };

    public static string Redact(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var segments = path.Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            var segment = segments[i];
            var isPlaceholder = segment.StartsWith('{') && segment.EndsWith('}');
            if (segment.Length > 0 && !isPlaceholder && ((i > 0 && SecretPrefixes.Contains(segments[i - 1])) || LooksLikeToken(segment)))
            {
                segments[i] = "{redacted}";
            }
        }

        return string.Join('/', segments);
    }

    private static bool LooksLikeToken(string segment) =>
        segment.Length >= TokenLikeLength && segment.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '%')
        && !Guid.TryParse(segment, out _);
}

/// <summary>
/// ASP.NET Core puts the raw request path on every event logged during a request (its hosting scope's RequestPath):
/// each event's RequestPath is redacted before any sink sees it.
/// </summary>
public sealed class RedactedRequestPathEnricher : ILogEventEnricher
{
    public const string Property = "RequestPath";

    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        if (logEvent.Properties.TryGetValue(Property, out var value) && value is ScalarValue { Value: string path })
        {
            logEvent.AddOrUpdateProperty(new LogEventProperty(Property, new ScalarValue(LoggedPaths.Redact(path))));
        }
    }
}
