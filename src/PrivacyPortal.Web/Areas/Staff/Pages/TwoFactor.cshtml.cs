using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using PrivacyPortal.Infrastructure.Staff;
using PrivacyPortal.Web.Staff;
using QRCoder;

namespace PrivacyPortal.Web.Areas.Staff.Pages;

/// <summary>
/// Setting up the authenticator app (TOTP, RFC 6238). Until it is done, no other staff page opens; once it is, ten
/// single-use recovery codes are shown once and kept only hashed.
/// </summary>
[Authorize(Policy = StaffWebHosting.PasswordOnlyPolicy)]
public sealed class TwoFactorModel(UserManager<StaffUser> users, SignInManager<StaffUser> signIn, StaffAccounts accounts, IStringLocalizer text) : StaffPage
{
    public string SharedKey { get; private set; } = string.Empty;

    public string QrCodeDataUri { get; private set; } = string.Empty;

    public IReadOnlyList<string>? RecoveryCodes { get; private set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Redirect("/staff/login");
        }

        if (user.TwoFactorEnabled)
        {
            // Set up already: signing in again goes through the code step.
            return User.HasClaim(StaffWebHosting.AuthenticationMethodClaim, StaffWebHosting.MultiFactor) ? Redirect("/staff") : await SignOutAndLogin();
        }

        await LoadKeyAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? code)
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Redirect("/staff/login");
        }

        if (user.TwoFactorEnabled)
        {
            return Redirect("/staff");
        }

        var entered = (code ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
        if (entered.Length != 6 || !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, entered))
        {
            Error = text["Staff.Code.Failed"];
            await LoadKeyAsync(user);
            return Page();
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        RecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))?.ToList() ?? [];
        await accounts.RecordAsync(user.Email ?? user.Id, "two-factor-enabled", user.Email ?? user.Id, null, HttpContext.RequestAborted);
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim(StaffWebHosting.AuthenticationMethodClaim, StaffWebHosting.MultiFactor)]);
        return Page();
    }

    public static string AuthenticatorUri(string email, string key) =>
        $"otpauth://totp/{Uri.EscapeDataString("PrivacyPortal:" + email)}?secret={key}&issuer=PrivacyPortal&digits=6";

    private async Task<IActionResult> SignOutAndLogin()
    {
        await signIn.SignOutAsync();
        return Redirect("/staff/login");
    }

    private async Task LoadKeyAsync(StaffUser user)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user) ?? string.Empty;
            // A new key is a new security stamp: this (password-only) session is issued again with it, or the next
            // request would be refused as a revoked session.
            await signIn.SignInAsync(user, isPersistent: false);
        }

        SharedKey = key;
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(AuthenticatorUri(user.Email ?? user.Id, key), QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(5);
        QrCodeDataUri = "data:image/png;base64," + Convert.ToBase64String(png);
    }
}
