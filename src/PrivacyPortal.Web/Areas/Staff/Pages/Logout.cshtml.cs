using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using PrivacyPortal.Infrastructure.Staff;

namespace PrivacyPortal.Web.Areas.Staff.Pages;

public sealed class LogoutModel(SignInManager<StaffUser> signIn, UserManager<StaffUser> users) : StaffPage
{
    public IActionResult OnGet() => Page();

    public async Task<IActionResult> OnPostAsync()
    {
        // A new security stamp ends this session everywhere it was copied, and the account's other sessions, on
        // every instance: the cookie alone is never trusted after sign-out (SecurityStampValidatorOptions).
        if (User.Identity?.IsAuthenticated == true && await users.GetUserAsync(User) is { } user)
        {
            await users.UpdateSecurityStampAsync(user);
        }

        await signIn.SignOutAsync();
        // The next page is read without the cookie, so it says "signed out" only once that is true.
        return Redirect("/staff/logout");
    }
}
