using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using PrivacyPortal.Infrastructure.Staff;
using PrivacyPortal.Web.Staff;

namespace PrivacyPortal.Web.Health;

/// <summary>
/// Two answers: anonymous <c>/health</c> says only whether the portal serves (for a load balancer), and
/// <c>/health/details</c> names each check, its figures and the reason it is failing, which map the system (provider,
/// Chromium path, counts) and so are for a signed-in administrator or a request arriving on the management port.
/// </summary>
public static class HealthEndpoints
{
    public const string Path = "/health";

    public const string DetailsPath = "/health/details";

    public const string DetailsPolicy = "HealthDetails";

    /// <summary>The "Health" section: ManagementPort, a port Kestrel also listens on (and a firewall keeps private).</summary>
    public const string Section = "Health";

    public static IServiceCollection AddPortalHealthDetailsPolicy(this IServiceCollection services, IConfiguration configuration)
    {
        var managementPort = configuration.GetValue<int?>($"{Section}:ManagementPort");
        if (managementPort is < 1 or > 65535)
        {
            throw new InvalidOperationException($"{Section}:ManagementPort holds {managementPort}, which is not a TCP port (1-65535).");
        }

        services.AddAuthorizationBuilder().AddPolicy(DetailsPolicy, policy => policy
            .AddAuthenticationSchemes(IdentityConstants.ApplicationScheme)
            .RequireAssertion(context =>
                // The port the connection arrived on, never the Host header, which the client writes.
                (managementPort is { } port && context.Resource is HttpContext http && http.Connection.LocalPort == port)
                || (context.User.IsInRole(StaffRoles.Administrator)
                    && context.User.HasClaim(StaffWebHosting.AuthenticationMethodClaim, StaffWebHosting.MultiFactor))));
        return services;
    }

    public static WebApplication MapPortalHealth(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapHealthChecks(Path, new HealthCheckOptions
        {
            ResponseWriter = HealthResponseWriter.WriteStatusAsync,
            // Degraded (mail or letters failing) still serves requesters: a balancer must keep sending traffic.
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status200OK,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
        });
        app.MapHealthChecks(DetailsPath, new HealthCheckOptions { ResponseWriter = HealthResponseWriter.WriteAsync })
            .RequireAuthorization(DetailsPolicy);
        return app;
    }
}
