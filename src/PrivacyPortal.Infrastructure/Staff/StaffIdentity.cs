using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using PrivacyPortal.Infrastructure.Data;

namespace PrivacyPortal.Infrastructure.Staff;

public static class StaffIdentity
{
    public const int MinPasswordLength = 12;

    /// <summary>How long an account stays locked after too many wrong authenticator codes (the sign-in page says so).</summary>
    public static readonly TimeSpan LockoutTime = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Identity's user store and rules, shared by the web app and the CLI (create-admin). Passwords: length only, no
    /// composition rules (NIST SP 800-63B 5.1.1.2); lockout after 5 failures for 15 minutes, for every account;
    /// authenticator codes work once (SingleUseAuthenticatorTokenProvider); authenticator keys and recovery codes are
    /// sealed at rest (StaffUserStore).
    /// </summary>
    public static IdentityBuilder AddStaffIdentityCore(this IServiceCollection services)
    {
        // Set-password links: Identity's data-protection tokens, valid for the time the administration page states.
        services.Configure<DataProtectionTokenProviderOptions>(options => options.TokenLifespan = StaffAccounts.SetPasswordLinkLifetime);
        // Registered before Identity's own, which it then does not add.
        services.AddScoped<ILookupNormalizer, StaffLookupNormalizer>();
        return services.AddIdentityCore<StaffUser>(options =>
            {
                options.Password.RequiredLength = MinPasswordLength;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = LockoutTime;
                options.User.RequireUniqueEmail = true;
                options.SignIn.RequireConfirmedAccount = false;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<PortalDbContext>()
            .AddUserStore<StaffUserStore>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<SingleUseAuthenticatorTokenProvider>(TokenOptions.DefaultAuthenticatorProvider);
    }
}
