using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using PrivacyPortal.Infrastructure.Staff;
using PrivacyPortal.Web.Hosting;

namespace PrivacyPortal.Web.Areas.Staff.Pages;

/// <summary>The second step: a code from the authenticator app, or one of the recovery codes.</summary>
[EnableRateLimiting(AbuseProtection.StaffSignInPolicy)]
public sealed class LoginCodeModel(SignInManager<StaffUser> signIn, StaffAccounts accounts, IStringLocalizer text) : StaffPage
{
    public string ReturnUrl { get; private set; } = "/staff";

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? returnUrl)
    {
        ReturnUrl = SafeReturnUrl(returnUrl);
        return await signIn.GetTwoFactorAuthenticationUserAsync() is null ? Redirect("/staff/login") : Page();
    }

    public async Task<IActionResult> OnPostAsync(string? code, string? returnUrl)
    {
        ReturnUrl = SafeReturnUrl(returnUrl);
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is not { } user)
        {
            return Redirect("/staff/login");
        }

        // Authenticator codes are often typed "123 456"; recovery codes keep their dash ("ABCDE-12345").
        var entered = (code ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal).Trim();
        if (entered.Length is 0 or > 20)
        {
            Error = text["Staff.Code.Failed"];
            return Page();
        }

        var result = entered.Length == 6 && entered.All(char.IsAsciiDigit)
            ? await signIn.TwoFactorAuthenticatorSignInAsync(entered, isPersistent: false, rememberClient: false)
            : await signIn.TwoFactorRecoveryCodeSignInAsync(entered);
        await accounts.RecordAsync(user.Email ?? user.Id, result.Succeeded ? "signed-in" : result.IsLockedOut ? "sign-in-locked-out" : "sign-in-code-failed", user.Email ?? user.Id, entered.Length == 6 ? "authenticator" : "recovery code", HttpContext.RequestAborted);
        if (result.Succeeded)
        {
            return Redirect(ReturnUrl);
        }

        Error = result.IsLockedOut ? text["Staff.Login.LockedOut", (int)StaffIdentity.LockoutTime.TotalMinutes] : text["Staff.Code.Failed"];
        return Page();
    }
}
