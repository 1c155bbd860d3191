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
/// Rate limits per client address, a fixed window of one minute, no queue: a refused request gets 429 and the
/// friendly status page. Each limited page names its policy with <c>[EnableRateLimiting]</c> (so a new route or a
/// renamed path cannot slip out of its limit): filing, confirming, the status page (its uploads counted apart), new
/// status links and staff sign-in.
/// </summary>
public static class AbuseProtection
{
    /// <summary>Posting the filing form (any step).</summary>
    /// <summary>Each limit counts requests per address in a fixed window this long (the "too many" page says so).</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    public const string SubmitPolicy = "submit";

    /// <summary>Opening and posting the confirmation link.</summary>
    public const string ConfirmPolicy = "confirm";

    /// <summary>The status page and its downloads; its posts (uploads, withdrawal) count against the uploads' limit.</summary>
    public const string StatusPolicy = "status";

    /// <summary>Asking for a new status link.</summary>
    public const string StatusLinkPolicy = "status-link";

    /// <summary>The policy the staff sign-in pages carry: posts per client address, whichever account they name.</summary>
    public const string StaffSignInPolicy = "staff-sign-in";

    public static IServiceCollection AddPortalRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<RateLimitSettings>(configuration.GetSection(RateLimitSettings.Section));
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(SubmitPolicy, context => PerAddress(context, SubmitPolicy, IsPost(context) ? s => s.SubmitPerMinute : null));
            options.AddPolicy(ConfirmPolicy, context => PerAddress(context, ConfirmPolicy, s => s.ConfirmPerMinute));
            // Every post to the status page (an upload, a withdrawal) counts against the uploads' stricter limit. The
            // handler is named by the query the client writes, so a limit keyed on it ("?handler=Upload&handler=Upload")
            // could be stepped around; the method cannot.
            options.AddPolicy(StatusPolicy, context =>
                IsPost(context)
                    ? PerAddress(context, "upload", s => s.UploadPerMinute)
                    : PerAddress(context, StatusPolicy, s => s.StatusPerMinute));
            options.AddPolicy(StatusLinkPolicy, context => PerAddress(context, StatusLinkPolicy, IsPost(context) ? s => s.StatusLinkPerMinute : null));
            options.AddPolicy(StaffSignInPolicy, context => PerAddress(context, StaffSignInPolicy, IsPost(context) ? s => s.StaffSignInPerMinute : null));
        });
        return services;
    }

    private static bool IsPost(HttpContext context) => HttpMethods.IsPost(context.Request.Method);

    private static RateLimitPartition<string> PerAddress(HttpContext context, string category, Func<RateLimitSettings, int>? permits)
    {
        if (permits is null)
        {
            return RateLimitPartition.GetNoLimiter(string.Empty);
        }

        var limit = permits(context.RequestServices.GetRequiredService<IOptions<RateLimitSettings>>().Value);
        var client = context.Connection.RemoteIpAddress?.ToString() ?? "local";
        return RateLimitPartition.GetFixedWindowLimiter(
            $"{category}|{client}",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = limit, Window = Window, QueueLimit = 0 });
    }
}
