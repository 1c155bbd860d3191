using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using PrivacyPortal.Infrastructure.Staff;

namespace PrivacyPortal.Web.Areas.Staff.Pages;

/// <summary>The single-use link from create-admin or the administration page: the token dies once a password is set.</summary>
public sealed class SetPasswordModel(UserManager<StaffUser> users, StaffAccounts accounts, IStringLocalizer text) : StaffPage
{
    public string UserId { get; private set; } = string.Empty;

    public string Token { get; private set; } = string.Empty;

    public bool Done { get; private set; }

    public string? Error { get; private set; }

    public void OnGet(string? user, string? token)
    {
        UserId = user ?? string.Empty;
        Token = token ?? string.Empty;
    }

    public async Task<IActionResult> OnPostAsync(string? user, string? token, string? password)
    {
        UserId = user ?? string.Empty;
        Token = token ?? string.Empty;
        if (string.IsNullOrEmpty(password) || password.Length < StaffIdentity.MinPasswordLength || password.Length > 200)
        {
            Error = text["Staff.SetPassword.TooShort", StaffIdentity.MinPasswordLength];
            return Page();
        }

        var account = string.IsNullOrEmpty(user) ? null : await users.FindByIdAsync(user);
        var result = account is null ? IdentityResult.Failed() : await users.ResetPasswordAsync(account, Token, password);
        if (!result.Succeeded)
        {
            Error = text["Staff.SetPassword.LinkInvalid"];
            return Page();
        }

        await accounts.RecordAsync(account!.Email ?? account.Id, "password-set", account.Email ?? account.Id, null, HttpContext.RequestAborted);
        Done = true;
        return Page();
    }
}
