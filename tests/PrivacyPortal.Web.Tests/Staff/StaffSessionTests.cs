using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using PrivacyPortal.Infrastructure.Staff;
using PrivacyPortal.Web.Tests.Support;

namespace PrivacyPortal.Web.Tests.Staff;

/// <summary>A session lives only as long as the account's security stamp: every change that should end it does, on the next request.</summary>
public sealed class StaffSessionTests : PortalTest
{
    private const string Officer = "officer@example.jp";

    [Fact]
    public async Task GettingTheSignOutPage_OffersAButton_AndLeavesTheSessionOpen_UntilItIsPressed()
    {
        using var officer = await StaffClient.SignInAsync(Factory, Officer, StaffRoles.PrivacyOfficer, "nec");

        var (offered, status) = await officer.GetAsync("/staff/logout");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("id=\"sign-out\"", offered, StringComparison.Ordinal);
        Assert.DoesNotContain("You are signed out", Html.Text(offered), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync("/staff")).Status);

        using var pressed = await officer.PostFormAsync("/staff/logout", []);
        Assert.Equal(HttpStatusCode.Redirect, pressed.StatusCode);
        var (after, _) = await officer.GetAsync("/staff/logout");
        Assert.Contains("You are signed out", Html.Text(after), StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"sign-out\"", after, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await officer.GetAsync("/staff")).Status);
    }

    [Fact]
    public async Task ChangingAnAccountsControllers_EndsItsOpenSession_AtOnce()
    {
        using var officer = await StaffClient.SignInAsync(Factory, Officer, StaffRoles.PrivacyOfficer, "nec");
        using var admin = await StaffClient.SignInAsync(Factory, "admin@example.jp", StaffRoles.Administrator);
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync("/staff")).Status);

        using var changed = await admin.PostFormAsync("/staff/admin?handler=Controllers", [], "/staff/admin",
            [new("userId", await UserIdAsync(Officer)), new("controllers", "nec"), new("controllers", "netone")]);

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        AssertSignedOut(await officer.GetResponseAsync("/staff"));
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/staff/admin")).Status);
    }

    [Fact]
    public async Task DisablingAnAccount_EndsItsOpenSession_AtOnce_WithoutWaitingForTheRefreshInterval()
    {
        using var officer = await StaffClient.SignInAsync(Factory, Officer, StaffRoles.PrivacyOfficer, "nec");
        using var admin = await StaffClient.SignInAsync(Factory, "admin@example.jp", StaffRoles.Administrator);

        using var disabled = await admin.PostFormAsync("/staff/admin?handler=Lock", new() { ["userId"] = await UserIdAsync(Officer), ["locked"] = "True" }, "/staff/admin");

        Assert.Equal(HttpStatusCode.Redirect, disabled.StatusCode);
        AssertSignedOut(await officer.GetResponseAsync("/staff"));
    }

    [Fact]
    public async Task SettingANewPassword_EndsTheSessionsOpenedWithTheOldOne()
    {
        using var officer = await StaffClient.SignInAsync(Factory, Officer, StaffRoles.PrivacyOfficer, "nec");
        Uri link;
        using (var scope = Factory.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            link = await scope.ServiceProvider.GetRequiredService<StaffAccounts>().SetPasswordLinkAsync((await users.FindByEmailAsync(Officer))!);
        }

        using var resetter = StaffClient.Anonymous(Factory);
        var query = System.Web.HttpUtility.ParseQueryString(link.Query);
        using var reset = await resetter.PostFormAsync(link.PathAndQuery, new() { ["user"] = query["user"]!, ["token"] = query["token"]!, ["password"] = "a different long passphrase" });

        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        Assert.DoesNotContain("set-password-error", await reset.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        AssertSignedOut(await officer.GetResponseAsync("/staff"));
    }

    private static void AssertSignedOut(HttpResponseMessage response)
    {
        using (response)
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/staff/login", response.Headers.Location!.OriginalString.Replace("https://localhost", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        }
    }

    private async Task<string> UserIdAsync(string email)
    {
        using var scope = Factory.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>().FindByEmailAsync(email))!.Id;
    }
}
