using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using PrivacyPortal.Infrastructure.Data;
using PrivacyPortal.Infrastructure.Notices;
using PrivacyPortal.Infrastructure.Staff;
using PrivacyPortal.Web.Hosting;
using PrivacyPortal.Web.Localization;

namespace PrivacyPortal.Web.Areas.Staff.Pages;

/// <summary>
/// The password step. An unknown account, a wrong password, a disabled account and a lock all give the same page
/// after the same work (one hash verification), so the answer tells an outsider nothing about which accounts exist.
/// Failures lock the account for the sending address only (<see cref="StaffSignInGuard"/>), and the owner is told.
/// The trail records the account or a code for a name that matches none, never the typed text.
/// </summary>
[EnableRateLimiting(AbuseProtection.StaffSignInPolicy)]
public sealed class LoginModel(
    SignInManager<StaffUser> signIn, StaffAccounts accounts, StaffSignInGuard guard, PortalDbContext db, TimeProvider clock, IStringLocalizer text) : StaffPage
{
    public string ReturnUrl { get; private set; } = "/staff";

    public string? Email { get; private set; }

    public string? Error { get; private set; }

    public void OnGet(string? returnUrl) => ReturnUrl = SafeReturnUrl(returnUrl);

    public async Task<IActionResult> OnPostAsync(string? email, string? password, string? returnUrl)
    {
        ReturnUrl = SafeReturnUrl(returnUrl);
        Email = email is { Length: <= 256 } ? email : null;
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password) || email.Length > 256 || password.Length > 200)
        {
            return Refused();
        }

        var cancellationToken = HttpContext.RequestAborted;
        var address = HttpContext.Connection.RemoteIpAddress?.ToString() ?? "local";
        var user = await signIn.UserManager.FindByEmailAsync(email.Trim());
        if (user is null)
        {
            guard.SpendVerification(password);
            await accounts.RecordAsync("anonymous", "sign-in-unknown-account", StaffSignInGuard.UnknownAccountCode(email), $"from {address}", cancellationToken);
            return Refused();
        }

        if (await guard.IsLockedAsync(user.Id, address, cancellationToken))
        {
            guard.SpendVerification(password);
            await accounts.RecordAsync("anonymous", "sign-in-locked-out", user.Email ?? user.Id, $"from {address}", cancellationToken);
            return Refused();
        }

        // Identity's own lockout stays for disabled accounts (locked for good); failures are counted per address above.
        var result = await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: false);
        if (result.RequiresTwoFactor || result.Succeeded)
        {
            await guard.ClearAsync(user.Id, address, cancellationToken);
            // Password right but no second factor yet: the only page that opens is the set-up.
            return Redirect(result.RequiresTwoFactor ? "/staff/login/code?returnUrl=" + Uri.EscapeDataString(ReturnUrl) : "/staff/2fa");
        }

        if (result.IsLockedOut)
        {
            // Disabled: Identity answered before looking at the password; spend the same time as a wrong one.
            guard.SpendVerification(password);
            await accounts.RecordAsync("anonymous", "sign-in-locked-out", user.Email ?? user.Id, $"from {address}", cancellationToken);
            return Refused();
        }

        await accounts.RecordAsync("anonymous", "sign-in-failed", user.Email ?? user.Id, $"from {address}", cancellationToken);
        if (await guard.RecordFailureAsync(user.Id, address, cancellationToken) && user.Email is { } owner)
        {
            TellOwner(user, owner, address);
            await db.SaveChangesAsync(cancellationToken);
        }

        return Refused();
    }

    private Microsoft.AspNetCore.Mvc.RazorPages.PageResult Refused()
    {
        Error = text["Staff.Login.Failed", (int)StaffSignInGuard.LockFor.TotalMinutes];
        return Page();
    }

    private void TellOwner(StaffUser user, string owner, string address)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        string subject, body;
        using (Languages.Use(user.Language))
        {
            subject = text["Staff.SignInLock.Subject"];
            body = text["Staff.SignInLock.Body", StaffSignInGuard.MaxFailures, address, (int)StaffSignInGuard.LockFor.TotalMinutes];
        }

        db.StaffMessages.Add(new StaffMessage($"sign-in-lock:{user.Id}:{address}:{now.Ticks}", owner, user.Language, subject, body, now));
    }
}
