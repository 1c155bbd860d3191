using System.Text;
using Microsoft.AspNetCore.Routing.Patterns;
using PrivacyPortal.Infrastructure.Hosting;

namespace PrivacyPortal.Web.Hosting;

/// <summary>
/// The path written to the request log. Status links, confirmation links and set-password links carry secrets: a
/// matched route is logged from its template with secret parameters left as their name (`/r/{token}`), and the query
/// string is never logged. A path no route matched (a mistyped link, a 404) is redacted by <see cref="LoggedPaths"/>.
/// </summary>
public static class RequestLogPaths
{
    public const int MaxLength = 200;

    /// <summary>Route parameters whose values are secrets (RequestStatus, Confirm).</summary>
    private static readonly HashSet<string> SecretParameters = new(StringComparer.OrdinalIgnoreCase) { "token" };

    private const string ItemKey = "portal.logged-path";

    /// <summary>
    /// Middleware after routing: notes the path to log while the endpoint is the one asked for. A status-code page or
    /// the error page re-executes the request later, and the first note stays, so the log says /r/{token}, not /status/404.
    /// </summary>
    public static Task Remember(HttpContext context, RequestDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        context.Items.TryAdd(ItemKey, Of(context.GetEndpoint(), context.Request.RouteValues, context.Request.Path.Value));
        return next(context);
    }

    /// <summary>The path for the request's log line: as noted after routing, or (static files, early failures) redacted now.</summary>
    public static string Of(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Items.TryGetValue(ItemKey, out var noted) && noted is string path
            ? path
            : Of(context.GetEndpoint(), context.Request.RouteValues, context.Request.Path.Value);
    }

    private static string Of(Endpoint? endpoint, RouteValueDictionary? values, string? path) =>
        endpoint is RouteEndpoint route && route.RoutePattern.PathSegments.Count > 0
            ? Bound(FromPattern(route.RoutePattern, values ?? []))
            : Bound(LoggedPaths.Redact(string.IsNullOrEmpty(path) ? "/" : path));

    private static string FromPattern(RoutePattern pattern, RouteValueDictionary values)
    {
        var path = new StringBuilder();
        foreach (var segment in pattern.PathSegments)
        {
            path.Append('/');
            foreach (var part in segment.Parts)
            {
                switch (part)
                {
                    case RoutePatternLiteralPart literal:
                        path.Append(literal.Content);
                        break;
                    case RoutePatternSeparatorPart separator:
                        path.Append(separator.Content);
                        break;
                    case RoutePatternParameterPart parameter when SecretParameters.Contains(parameter.Name):
                        path.Append('{').Append(parameter.Name).Append('}');
                        break;
                    case RoutePatternParameterPart parameter:
                        var value = values.TryGetValue(parameter.Name, out var raw) ? Convert.ToString(raw, System.Globalization.CultureInfo.InvariantCulture) : null;
                        path.Append(value is null ? $"{{{parameter.Name}}}" : LoggedPaths.Redact(Uri.EscapeDataString(value)));
                        break;
                    default:
                        break;
                }
            }
        }

        return path.ToString();
    }

    private static string Bound(string path) => path.Length <= MaxLength ? path : path[..MaxLength] + "…";
}
