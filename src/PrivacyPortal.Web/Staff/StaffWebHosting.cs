using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PrivacyPortal.Infrastructure.Staff;

namespace PrivacyPortal.Web.Staff;

public static class StaffWebHosting
{
    /// <summary>Signed in with a second factor: every staff page but the sign-in and 2FA set-up pages needs it.</summary>
    public const string SignedInPolicy = "StaffSignedIn";

    /// <summary>Password accepted but no second factor set up yet: only the 2FA set-up page opens.</summary>
    public const string PasswordOnlyPolicy = "StaffPasswordOnly";

    public const string AuthenticationMethodClaim = "amr";
    public const string MultiFactor = "mfa";
    public const string SignedInAtClaim = "portal:signed-in-at";

    public static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(30);
    public static readonly TimeSpan AbsoluteTimeout = TimeSpan.FromHours(10);

    public static IServiceCollection AddPortalStaff(this IServiceCollection services)
    {
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        // The user store and its rules come from AddPortalInfrastructure (shared with the CLI); the web adds sign-in.
        new IdentityBuilder(typeof(StaffUser), typeof(IdentityRole), services).AddSignInManager();
        services.AddScoped<IUserClaimsPrincipalFactory<StaffUser>, StaffClaimsPrincipalFactory>();
        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = "portal.staff";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurePolicy.Always;
            options.ExpireTimeSpan = IdleTimeout;
            options.SlidingExpiration = true;
            options.LoginPath = "/staff/login";
            options.LogoutPath = "/staff/logout";
            options.Events.OnRedirectToAccessDenied = context =>
            {
                // Signed in with the password only: the way on is setting up the second factor.
                if (!context.HttpContext.User.HasClaim(AuthenticationMethodClaim, MultiFactor))
                {
                    context.Response.Redirect("/staff/2fa");
                    return Task.CompletedTask;
                }

                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
            options.Events.OnValidatePrincipal = RejectPastAbsoluteTimeout;
        });
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme, options =>
        {
            options.Cookie.Name = "portal.staff.2fa";
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurePolicy.Always;
        });
        services.Configure<SecurityStampValidatorOptions>(options =>
        {
            // The full refresh (roles and claims read again, the cookie re-issued) every five minutes; the stamp
            // itself is compared on every request by RejectRevokedSession.
            options.ValidationInterval = TimeSpan.FromMinutes(5);
            // A refreshed principal keeps how and when its owner signed in.
            options.OnRefreshingPrincipal = context =>
            {
                var keep = context.CurrentPrincipal?.Claims.Where(c => c.Type is AuthenticationMethodClaim or SignedInAtClaim).ToList() ?? [];
                if (context.NewPrincipal?.Identity is ClaimsIdentity identity)
                {
                    foreach (var fresh in identity.FindAll(SignedInAtClaim).ToList())
                    {
                        identity.RemoveClaim(fresh);
                    }

                    foreach (var claim in keep.Where(c => !identity.HasClaim(c.Type, c.Value)))
                    {
                        identity.AddClaim(new Claim(claim.Type, claim.Value));
                    }
                }

                return Task.CompletedTask;
            };
        });
        services.AddAuthorizationBuilder()
            .AddPolicy(SignedInPolicy, policy => policy
                .AddAuthenticationSchemes(IdentityConstants.ApplicationScheme)
                .RequireAuthenticatedUser()
                .RequireClaim(AuthenticationMethodClaim, MultiFactor))
            .AddPolicy(PasswordOnlyPolicy, policy => policy
                .AddAuthenticationSchemes(IdentityConstants.ApplicationScheme)
                .RequireAuthenticatedUser());
        services.AddScoped<StaffScopeReader>();
        services.AddScoped<CaseFiles>();
        return services;
    }

    private static async Task RejectPastAbsoluteTimeout(CookieValidatePrincipalContext context)
    {
        var signedIn = context.Principal?.FindFirst(SignedInAtClaim)?.Value;
        var clock = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>();
        if (signedIn is null
            || !long.TryParse(signedIn, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds)
            || clock.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(seconds) > AbsoluteTimeout)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }

        if (!await RejectRevokedSession(context))
        {
            return;
        }

        await SecurityStampValidator.ValidatePrincipalAsync(context);
    }

    /// <summary>
    /// Every staff request compares the session's security stamp with the account's (one indexed read of one
    /// column): signing out, disabling the account, changing its roles or controllers and resetting its password all
    /// change the stamp, so every session of that account ends at once, on every instance, copied cookies included.
    /// </summary>
    private static async Task<bool> RejectRevokedSession(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var stampClaim = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
        var id = context.Principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        var stamp = context.Principal?.FindFirstValue(stampClaim);
        var db = services.GetRequiredService<Infrastructure.Data.PortalDbContext>();
        var current = id is null ? null : await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => u.SecurityStamp).SingleOrDefaultAsync(context.HttpContext.RequestAborted);
        if (current is not null && stamp is not null && string.Equals(current, stamp, StringComparison.Ordinal))
        {
            return true;
        }

        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
        return false;
    }
}

/// <summary>Stamps each new sign-in with its time, for the absolute session timeout.</summary>
public sealed class StaffClaimsPrincipalFactory(
    Microsoft.AspNetCore.Identity.UserManager<StaffUser> users,
    Microsoft.AspNetCore.Identity.RoleManager<IdentityRole> roles,
    Microsoft.Extensions.Options.IOptions<IdentityOptions> options,
    TimeProvider clock)
    : UserClaimsPrincipalFactory<StaffUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(StaffUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(StaffWebHosting.SignedInAtClaim, clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)));
        return identity;
    }
}
