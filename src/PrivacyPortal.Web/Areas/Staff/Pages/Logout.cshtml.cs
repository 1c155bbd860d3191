using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using PrivacyPortal.Infrastructure.Staff;

namespace PrivacyPortal.Web.Areas.Staff.Pages;

public sealed class LogoutModel(SignInManager<StaffUser> signIn) : StaffPage
{
    public IActionResult OnGet() => Page();

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return Page();
    }
}
