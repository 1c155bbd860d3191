using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using PrivacyPortal.Infrastructure.Staff;
using PrivacyPortal.Web.Tests.Support;

namespace PrivacyPortal.Web.Tests.Staff;

public sealed class StaffSignInTests() : PortalTest
{

    private string CodeNow(string key) => Totp.Code(key, Factory.Clock.GetUtcNow());

    [Fact]
    public async Task PasswordThenCode_OpensTheQueue_WithASecureStrictHttpOnlyCookie()
    {
        var (_, key) = await StaffClient.CreateAccountAsync(Factory, "officer@example.jp", StaffRoles.PrivacyOfficer, ["nec"]);
        using var client = StaffClient.Anonymous(Factory);

        using var password = await client.PostFormAsync("/staff/login", new() { ["email"] = "officer@example.jp", ["password"] = StaffClient.Password });
        Assert.Equal("/staff/login/code?returnUrl=%2Fstaff", password.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetResponseAsync("/staff")).StatusCode);

        using var code = await client.PostFormAsync("/staff/login/code", new() { ["code"] = CodeNow(key!), ["returnUrl"] = "/staff" });
        var cookie = code.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("portal.staff=", StringComparison.Ordinal));
        var (html, status) = await client.GetAsync("/staff");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Case queue", Html.Text(html), StringComparison.Ordinal);
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task AWrongPasswordOrCode_IsRefused_AndFivePasswordFailuresPauseThisAddress()
    {
        var (_, key) = await StaffClient.CreateAccountAsync(Factory, "officer@example.jp", StaffRoles.PrivacyOfficer, ["nec"]);
        using var client = StaffClient.Anonymous(Factory);

        using var wrongPassword = await client.PostFormAsync("/staff/login", new() { ["email"] = "officer@example.jp", ["password"] = "not the password at all" });
        Assert.Contains("The email address or password is not right", Html.Text(await wrongPassword.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        using var password = await client.PostFormAsync("/staff/login", new() { ["email"] = "officer@example.jp", ["password"] = StaffClient.Password });
        var wrongCode = CodeNow(key!) == "000000" ? "111111" : "000000";
        using var badCode = await client.PostFormAsync("/staff/login/code", new() { ["code"] = wrongCode });
        Assert.Contains("That code is not right.", Html.Text(await badCode.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        // The right password cleared the count: five more wrong ones are needed to pause this address.
        for (var i = 0; i < 5; i++)
        {
            (await client.PostFormAsync("/staff/login", new() { ["email"] = "officer@example.jp", ["password"] = "not the password at all" })).Dispose();
        }

        using var paused = await client.PostFormAsync("/staff/login", new() { ["email"] = "officer@example.jp", ["password"] = StaffClient.Password });
        Assert.Equal(HttpStatusCode.OK, paused.StatusCode);
        Assert.Contains("paused for 15 minutes", Html.Text(await paused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        using var scope = Factory.Services.CreateScope();
        var trail = scope.ServiceProvider.GetRequiredService<Infrastructure.Data.PortalDbContext>().AdminAuditEvents.Select(e => e.Action).ToList();
        Assert.Contains("sign-in-failed", trail);
        Assert.Contains("sign-in-code-failed", trail);
        Assert.Contains("sign-in-locked-out", trail);
    }

    [Fact]
    public async Task WithoutASecondFactor_OnlyTheSetUpOpens_ThenTheQrCodeAndRecoveryCodes()
    {
        await StaffClient.CreateAccountAsync(Factory, "new@example.jp", StaffRoles.PrivacyOfficer, ["nec"], withTwoFactor: false);
        using var client = StaffClient.Anonymous(Factory);

        using var password = await client.PostFormAsync("/staff/login", new() { ["email"] = "new@example.jp", ["password"] = StaffClient.Password });
        Assert.Equal("/staff/2fa", password.Headers.Location!.OriginalString);
        using var queue = await client.GetResponseAsync("/staff");
        Assert.Equal("/staff/2fa", queue.Headers.Location!.OriginalString);

        var (setup, _) = await client.GetAsync("/staff/2fa");
        Assert.Contains("src=\"data:image/png;base64,", setup, StringComparison.Ordinal);
        var key = System.Text.RegularExpressions.Regex.Match(setup, "id=\"authenticator-key\">([A-Z2-7]+)<").Groups[1].Value;
        Assert.NotEmpty(key);

        using var wrong = await client.PostFormAsync("/staff/2fa", new() { ["code"] = CodeNow(key) == "000000" ? "111111" : "000000" });
        Assert.Contains("That code is not right.", Html.Text(await wrong.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        using var right = await client.PostFormAsync("/staff/2fa", new() { ["code"] = CodeNow(key) });
        var done = await right.Content.ReadAsStringAsync();
        Assert.Equal(10, System.Text.RegularExpressions.Regex.Count(done, "<li><code>"));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/staff")).Status);
    }

    [Fact]
    public async Task AnAuthenticatorCode_WorksOnce_EvenInAnotherSession()
    {
        var (_, key) = await StaffClient.CreateAccountAsync(Factory, "officer@example.jp", StaffRoles.PrivacyOfficer, ["nec"]);
        var code = CodeNow(key!);
        using var first = StaffClient.Anonymous(Factory);
        await first.SignInWithCodeAsync("officer@example.jp", code);

        using var second = StaffClient.Anonymous(Factory);
        var replay = await Assert.ThrowsAsync<InvalidOperationException>(() => second.SignInWithCodeAsync("officer@example.jp", code));
        Assert.Contains("That code is not right.", replay.Message, StringComparison.Ordinal);

        // The next step's code is a new code.
        Factory.Clock.Advance(TimeSpan.FromSeconds(SingleUseAuthenticatorTokenProvider.StepSeconds));
        await second.SignInWithCodeAsync("officer@example.jp", CodeNow(key!));
        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync("/staff")).Status);
    }

    [Fact]
    public async Task AfterAStepIsAccepted_AnEarlierStepIsRefused()
    {
        var (_, key) = await StaffClient.CreateAccountAsync(Factory, "officer@example.jp", StaffRoles.PrivacyOfficer, ["nec"]);
        var now = Factory.Clock.GetUtcNow();
        using var ahead = StaffClient.Anonymous(Factory);
        await ahead.SignInWithCodeAsync("officer@example.jp", Totp.Code(key!, now.AddSeconds(30)));

        using var behind = StaffClient.Anonymous(Factory);
        await Assert.ThrowsAsync<InvalidOperationException>(() => behind.SignInWithCodeAsync("officer@example.jp", Totp.Code(key!, now)));
    }

    [Theory]
    [InlineData(-60, false)]
    [InlineData(60, false)]
    [InlineData(-30, true)]
    [InlineData(30, true)]
    [InlineData(0, true)]
    public async Task OneStepOfClockDrift_IsAllowed_TwoAreNot(int offsetSeconds, bool accepted)
    {
        var (_, key) = await StaffClient.CreateAccountAsync(Factory, "officer@example.jp", StaffRoles.PrivacyOfficer, ["nec"]);
        var code = Totp.Code(key!, Factory.Clock.GetUtcNow().AddSeconds(offsetSeconds));
        using var client = StaffClient.Anonymous(Factory);

        var refused = await Record.ExceptionAsync(() => client.SignInWithCodeAsync("officer@example.jp", code));

        Assert.Equal(accepted, refused is null);
        Assert.Equal(accepted ? HttpStatusCode.OK : HttpStatusCode.Redirect, (await client.GetAsync("/staff")).Status);
    }

    [Fact]
    public async Task ARecoveryCode_SignsInOnce()
    {
        var (userId, _) = await StaffClient.CreateAccountAsync(Factory, "officer@example.jp", StaffRoles.PrivacyOfficer, ["nec"]);
        string code;
        using (var scope = Factory.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            code = (await users.GenerateNewTwoFactorRecoveryCodesAsync((await users.FindByIdAsync(userId))!, 2))!.First();
        }

        using var first = StaffClient.Anonymous(Factory);
        await first.SignInWithCodeAsync("officer@example.jp", code);
        Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("/staff")).Status);

        using var second = StaffClient.Anonymous(Factory);
        await Assert.ThrowsAsync<InvalidOperationException>(() => second.SignInWithCodeAsync("officer@example.jp", code));
    }

    [Fact]
    public async Task AReturnUrlOffTheStaffArea_IsIgnored()
    {
        var (_, key) = await StaffClient.CreateAccountAsync(Factory, "officer@example.jp", StaffRoles.PrivacyOfficer, ["nec"]);
        using var client = StaffClient.Anonymous(Factory);
        (await client.PostFormAsync("/staff/login", new() { ["email"] = "officer@example.jp", ["password"] = StaffClient.Password }, extra: [new("returnUrl", "https://evil.example/")])).Dispose();

        using var code = await client.PostFormAsync("/staff/login/code", new() { ["code"] = CodeNow(key!), ["returnUrl"] = "//evil.example/" });

        Assert.Equal("/staff", code.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task StaffPages_AreNeverCached()
    {
        using var client = await StaffClient.SignInAsync(Factory, "officer@example.jp", StaffRoles.PrivacyOfficer, "nec");

        foreach (var url in new[] { "/staff", "/staff/login" })
        {
            using var response = await client.GetResponseAsync(url);
            Assert.True(response.Headers.CacheControl!.NoStore, url);
        }
    }

    [Fact]
    public async Task TheSession_EndsAfterIdleTime_AndAfterTheAbsoluteLimitEvenWhenBusy()
    {
        using var idle = await StaffClient.SignInAsync(Factory, "idle@example.jp", StaffRoles.PrivacyOfficer, "nec");
        using var busy = await StaffClient.SignInAsync(Factory, "busy@example.jp", StaffRoles.PrivacyOfficer, "nec");

        Factory.Clock.Advance(TimeSpan.FromMinutes(20));
        Assert.Equal(HttpStatusCode.OK, (await busy.GetAsync("/staff")).Status);
        Factory.Clock.Advance(TimeSpan.FromMinutes(11));
        Assert.Equal(HttpStatusCode.Redirect, (await idle.GetAsync("/staff")).Status);

        // Busy: a page every 20 minutes keeps the idle timeout away, but not past 10 hours from signing in.
        var elapsed = TimeSpan.FromMinutes(31);
        HttpStatusCode status;
        while ((status = (await busy.GetAsync("/staff")).Status) == HttpStatusCode.OK && elapsed < TimeSpan.FromHours(11))
        {
            Factory.Clock.Advance(TimeSpan.FromMinutes(20));
            elapsed += TimeSpan.FromMinutes(20);
        }

        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.InRange(elapsed, TimeSpan.FromHours(10), TimeSpan.FromHours(10) + TimeSpan.FromMinutes(20));
    }

    [Fact]
    public async Task TheSetPasswordLink_WorksOnce_AndAsksForTwelveCharacters()
    {
        using var scope = Factory.Services.CreateScope();
        var created = await scope.ServiceProvider.GetRequiredService<StaffAccounts>().CreateAsync("new@example.jp", "New", StaffRoles.PrivacyOfficer, ["nec"], "test");
        var path = created.SetPasswordLink.PathAndQuery;
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(created.SetPasswordLink.Query);
        Assert.True(query.ContainsKey("user"), created.SetPasswordLink.ToString());
        using var client = StaffClient.Anonymous(Factory);
        Dictionary<string, string> Form(string password) => new() { ["user"] = query["user"]!, ["token"] = query["token"]!, ["password"] = password };

        using var tooShort = await client.PostFormAsync("/staff/set-password", Form("short pass"), path);
        Assert.Contains("Use at least 12 characters.", Html.Text(await tooShort.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        using var set = await client.PostFormAsync("/staff/set-password", Form("a long enough passphrase"), path);
        Assert.Contains("Your password is set.", Html.Text(await set.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        using var replayed = await client.PostFormAsync("/staff/set-password", Form("another long passphrase"), path);
        Assert.Contains("This link no longer works", Html.Text(await replayed.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }
}
