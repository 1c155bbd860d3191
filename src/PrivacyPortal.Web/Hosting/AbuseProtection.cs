using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace PrivacyPortal.Web.Hosting;

/// <summary>The "RateLimits" section: attempts per minute per client address on the public forms.</summary>
public sealed class RateLimitSettings
{
    public const string Section = "RateLimits";

    public int SubmitPerMinute { get; set; } = 20;

    public int ConfirmPerMinute { get; set; } = 20;

    public int StatusPerMinute { get; set; } = 60;

    public int UploadPerMinute { get; set; } = 20;

    public int StatusLinkPerMinute { get; set; } = 5;

    /// <summary>Staff sign-in attempts (password and code steps together) per client address.</summary>
    public int StaffSignInPerMinute { get; set; } = 10;
}

/// <summary>
/// Rate limits on submitting, confirming, the status page, uploads and new-link requests: per client address, a
/// fixed window of one minute, no queue. A refused request gets 429 and the friendly status page.
/// </summary>
public static class AbuseProtection
{
    /// <summary>The policy the staff sign-in pages carry: posts per client address, whichever account they name.</summary>
    public const string StaffSignInPolicy = "staff-sign-in";

    public static IServiceCollection AddPortalRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<RateLimitSettings>(configuration.GetSection(RateLimitSettings.Section));
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                var settings = context.RequestServices.GetRequiredService<IOptions<RateLimitSettings>>().Value;
                int? permits = Category(context.Request) switch
                {
                    "submit" => settings.SubmitPerMinute,
                    "confirm" => settings.ConfirmPerMinute,
                    "upload" => settings.UploadPerMinute,
                    "status" => settings.StatusPerMinute,
                    "status-link" => settings.StatusLinkPerMinute,
                    _ => null,
                };
                if (permits is not { } limit)
                {
                    return RateLimitPartition.GetNoLimiter(string.Empty);
                }

                var client = context.Connection.RemoteIpAddress?.ToString() ?? "local";
                return RateLimitPartition.GetFixedWindowLimiter(
                    $"{Category(context.Request)}|{client}",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = limit, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
            });
            options.AddPolicy(StaffSignInPolicy, context =>
            {
                if (!HttpMethods.IsPost(context.Request.Method))
                {
                    return RateLimitPartition.GetNoLimiter(string.Empty);
                }

                var limit = context.RequestServices.GetRequiredService<IOptions<RateLimitSettings>>().Value.StaffSignInPerMinute;
                return RateLimitPartition.GetFixedWindowLimiter(
                    $"{StaffSignInPolicy}|{context.Connection.RemoteIpAddress?.ToString() ?? "local"}",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = limit, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
            });
        });
        return services;
    }

    private static string? Category(HttpRequest request)
    {
        var path = request.Path.Value ?? string.Empty;
        var post = HttpMethods.IsPost(request.Method);
        if (path.StartsWith("/policies/", StringComparison.Ordinal) && path.EndsWith("/file", StringComparison.Ordinal))
        {
            return post ? "submit" : null;
        }

        if (path.StartsWith("/confirm/", StringComparison.Ordinal))
        {
            return "confirm";
        }

        if (path.StartsWith("/r/", StringComparison.Ordinal))
        {
            return post && string.Equals(request.Query["handler"], "Upload", StringComparison.OrdinalIgnoreCase) ? "upload" : "status";
        }

        return path == "/status-link" && post ? "status-link" : null;
    }
}
