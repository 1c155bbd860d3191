using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using PrivacyPortal.Infrastructure.Staff;

namespace PrivacyPortal.Web.Areas.Staff.Pages;

public sealed class LoginModel(SignInManager<StaffUser> signIn, StaffAccounts accounts, IStringLocalizer text) : StaffPage
{
    public string ReturnUrl { get; private set; } = "/staff";

    public string? Email { get; private set; }

    public string? Error { get; private set; }

    public void OnGet(string? returnUrl) => ReturnUrl = SafeReturnUrl(returnUrl);

    public async Task<IActionResult> OnPostAsync(string? email, string? password, string? returnUrl)
    {
        ReturnUrl = SafeReturnUrl(returnUrl);
        Email = email;
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password) || email.Length > 256 || password.Length > 200)
        {
            Error = text["Staff.Login.Failed"];
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(email.Trim(), password, isPersistent: false, lockoutOnFailure: true);
        if (result.RequiresTwoFactor)
        {
            return Redirect("/staff/login/code?returnUrl=" + Uri.EscapeDataString(ReturnUrl));
        }

        if (result.Succeeded)
        {
            // Password right but no second factor yet: the only page that opens is the set-up.
            return Redirect("/staff/2fa");
        }

        await accounts.RecordAsync(email.Trim(), result.IsLockedOut ? "sign-in-locked-out" : "sign-in-failed", email.Trim(), null, HttpContext.RequestAborted);
        Error = result.IsLockedOut ? text["Staff.Login.LockedOut"] : text["Staff.Login.Failed"];
        return Page();
    }
}
