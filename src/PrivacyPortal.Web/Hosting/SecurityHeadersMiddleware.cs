namespace PrivacyPortal.Web.Hosting;

/// <summary>
/// Headers every response carries: no framing, no sniffing, no referrer leaking status-link tokens, scripts only from
/// this site. A served file (an identity document, a letter, disclosed data, an export) is sandboxed on top: opened in
/// the browser, whatever it holds runs no script, submits no form and reaches nothing.
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    /// <summary>The policy of every response that is not one of the portal's own pages or styles.</summary>
    public const string ServedFilePolicy = "sandbox; default-src 'none'; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'";
        var staff = context.Request.Path.StartsWithSegments("/staff", StringComparison.OrdinalIgnoreCase);
        context.Response.OnStarting(() =>
        {
            var response = context.Response;
            if (response.ContentType is { } type
                && !type.StartsWith("text/html", StringComparison.OrdinalIgnoreCase)
                && !type.StartsWith("text/css", StringComparison.OrdinalIgnoreCase))
            {
                response.Headers.ContentSecurityPolicy = ServedFilePolicy;
            }

            if (staff)
            {
                // Staff pages and documents carry personal data: never kept by the browser or a proxy.
                response.Headers.CacheControl = "no-store";
                response.Headers.Pragma = "no-cache";
            }

            return Task.CompletedTask;
        });

        return next(context);
    }
}
