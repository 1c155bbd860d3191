using PrivacyPortal.Infrastructure.Hosting;
using PrivacyPortal.Web.Health;

namespace PrivacyPortal.Web.Hosting;

/// <summary>
/// In Production: HSTS for a year with subdomains on every HTTPS response, and plain HTTP redirected to the HTTPS
/// address in Portal:PublicBaseUrl. "HTTPS" is the scheme the portal sees, directly or through X-Forwarded-Proto from
/// a known proxy (UseForwardedHeaders runs first), so a proxy ending TLS gets the header and no redirect loop.
/// </summary>
public static class TransportSecurity
{
    public static readonly TimeSpan HstsMaxAge = TimeSpan.FromDays(365);

    public static IServiceCollection AddPortalTransportSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddHsts(options =>
        {
            options.MaxAge = HstsMaxAge;
            options.IncludeSubDomains = true;
        });
        var httpsPort = HttpsPort(configuration[$"{PortalOptions.Section}:{nameof(PortalOptions.PublicBaseUrl)}"]);
        services.AddHttpsRedirection(options =>
        {
            options.HttpsPort = httpsPort;
            // 308 keeps a POST a POST: a form sent over HTTP by an old bookmark is sent again, not lost.
            options.RedirectStatusCode = StatusCodes.Status308PermanentRedirect;
        });
        return services;
    }

    public static WebApplication UsePortalTransportSecurity(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!app.Environment.IsProduction())
        {
            return app;
        }

        app.UseHsts();
        if (HttpsPort(app.Configuration[$"{PortalOptions.Section}:{nameof(PortalOptions.PublicBaseUrl)}"]) is not null)
        {
            // Balancers probe health over plain HTTP on the private side: answer them rather than redirect.
            app.UseWhen(context => !context.Request.Path.StartsWithSegments(HealthEndpoints.Path, StringComparison.Ordinal), branch => branch.UseHttpsRedirection());
        }

        return app;
    }

    /// <summary>The port of an https public address (443 when none is written); null for an http one.</summary>
    private static int? HttpsPort(string? publicBaseUrl) =>
        Uri.TryCreate(publicBaseUrl, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps ? uri.Port : null;
}
