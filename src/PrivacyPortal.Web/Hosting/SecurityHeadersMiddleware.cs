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
        context.Response.OnStarting(() =>
        {
            if (context.Response.ContentType is { } type
                && !type.StartsWith("text/html", StringComparison.OrdinalIgnoreCase)
                && !type.StartsWith("text/css", StringComparison.OrdinalIgnoreCase))
            {
                context.Response.Headers.ContentSecurityPolicy = ServedFilePolicy;
            }

            return Task.CompletedTask;
        });
        if (context.Request.Path.StartsWithSegments("/staff", StringComparison.OrdinalIgnoreCase))
        {
            // Staff pages and documents carry personal data: never kept by the browser or a proxy.
            context.Response.OnStarting(() =>
            {
                context.Response.Headers.CacheControl = "no-store";
                context.Response.Headers.Pragma = "no-cache";
                return Task.CompletedTask;
            });
        }

        return next(context);
    }
}
