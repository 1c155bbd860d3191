using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PrivacyPortal.Infrastructure.Data;
using PrivacyPortal.Infrastructure.Staff;
using PrivacyPortal.Web.Tests.Support;

namespace PrivacyPortal.Web.Tests.Security;

/// <summary>
/// Staff sign-in tells an outsider nothing and cannot be used to shut a colleague out: the same answer and the same
/// work for every refusal, a per-address rate limit, a lock per account and address with the owner told, and no typed
/// text in the administration trail.
/// </summary>
public sealed class StaffSignInAbuseTests
{
    private const string Officer = "officer@example.jp";
    private const string WrongPassword = "not the password at all";

    [Fact]
    public async Task UnknownWrongPausedAndDisabled_GiveTheSameAnswer_AfterOneHashVerificationEach()
    {
        var hasher = new CountingHasher();
        await using var factory = new PortalFactory { BehindBalancer = true };
        await using var counted = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddScoped<IPasswordHasher<StaffUser>>(_ => hasher)));
        _ = counted.Services;
        await StaffClient.CreateAccountAsync(factory, Officer, StaffRoles.PrivacyOfficer, ["nec"]);
        var (disabledId, _) = await StaffClient.CreateAccountAsync(factory, "gone@example.jp", StaffRoles.PrivacyOfficer, ["nec"]);
        using (var scope = counted.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            await users.SetLockoutEndDateAsync((await users.FindByIdAsync(disabledId))!, DateTimeOffset.MaxValue);
        }

        using var pauser = new RawClient(counted, "203.0.113.66");
        for (var i = 0; i < StaffSignInGuard.MaxFailures; i++)
        {
            await pauser.SignInAsync(Officer, WrongPassword);
        }

        var answers = new List<(string Case, HttpStatusCode Status, string Error, int Verifications)>();
        foreach (var (name, client, email, password) in new[]
        {
            ("unknown", new RawClient(counted, "203.0.113.7"), "nobody@example.jp", WrongPassword),
            ("wrong", new RawClient(counted, "203.0.113.8"), Officer, WrongPassword),
            ("paused", pauser, Officer, StaffClient.Password),
            ("disabled", new RawClient(counted, "203.0.113.9"), "gone@example.jp", StaffClient.Password),
        })
        {
            var before = hasher.Verifications;
            var (status, html) = await client.SignInAsync(email, password);
            answers.Add((name, status, Html.Text(ErrorBlock(html)), hasher.Verifications - before));
        }

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.Status));
        Assert.All(answers, a => Assert.Equal(1, a.Verifications));
        Assert.Single(answers.Select(a => a.Error).Distinct());
        Assert.Contains("The email address or password is not right", answers[0].Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FiveFailuresFromOneAddress_PauseOnlyThatAddress_AndTheOwnerIsToldOnce_InTheirLanguage()
    {
        await using var factory = new PortalFactory { BehindBalancer = true };
        var (userId, _) = await StaffClient.CreateAccountAsync(factory, Officer, StaffRoles.PrivacyOfficer, ["nec"]);
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s.SetProperty(u => u.Language, "ja"));
        }

        using var stranger = StaffClient.Anonymous(factory).From("203.0.113.66");
        using var owner = StaffClient.Anonymous(factory).From("198.51.100.10");
        for (var i = 0; i < StaffSignInGuard.MaxFailures + 3; i++)
        {
            (await stranger.PostFormAsync("/staff/login", new() { ["email"] = Officer, ["password"] = WrongPassword })).Dispose();
        }

        // Even the right password is refused from the stranger's address while the pause lasts...
        using (var fromStranger = await stranger.PostFormAsync("/staff/login", new() { ["email"] = Officer, ["password"] = StaffClient.Password }))
        {
            Assert.Equal(HttpStatusCode.OK, fromStranger.StatusCode);
        }

        // ...while the owner, elsewhere, signs in as usual.
        using (var fromOwner = await owner.PostFormAsync("/staff/login", new() { ["email"] = Officer, ["password"] = StaffClient.Password }))
        {
            Assert.Equal(HttpStatusCode.Redirect, fromOwner.StatusCode);
            Assert.StartsWith("/staff/login/code", fromOwner.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }

        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var told = Assert.Single(await db.StaffMessages.AsNoTracking().ToListAsync());
            Assert.Equal((Officer, "ja"), (told.Recipient, told.Language));
            Assert.Contains("203.0.113.66", told.Body, StringComparison.Ordinal);
            Assert.Contains("15分間", told.Body, StringComparison.Ordinal);
            Assert.Contains("5回", told.Body, StringComparison.Ordinal);
        }

        // The pause ends by itself: no one can keep an account shut, even from the address that paused it.
        factory.Clock.Advance(StaffSignInGuard.LockFor + TimeSpan.FromSeconds(1));
        using var after = await stranger.PostFormAsync("/staff/login", new() { ["email"] = Officer, ["password"] = StaffClient.Password });
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
    }

    [Fact]
    public async Task SignInPosts_AreLimitedPerAddress_WhateverAccountTheyName()
    {
        await using var factory = new PortalFactory { BehindBalancer = true, Settings = { ["RateLimits:StaffSignInPerMinute"] = "3" } };
        using var busy = StaffClient.Anonymous(factory).From("203.0.113.7");
        using var other = StaffClient.Anonymous(factory).From("203.0.113.8");

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await busy.PostFormAsync("/staff/login", new() { ["email"] = $"user{i}@example.jp", ["password"] = WrongPassword });
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.OK, (await busy.GetAsync("/staff/login")).Status);
        using var fromOther = await other.PostFormAsync("/staff/login", new() { ["email"] = Officer, ["password"] = WrongPassword });
        Assert.Equal(HttpStatusCode.OK, fromOther.StatusCode);
    }

    [Fact]
    public async Task TheTrail_RecordsACodeForAnUnknownName_NeverTheTypedText()
    {
        await using var factory = new PortalFactory();
        await StaffClient.CreateAccountAsync(factory, Officer, StaffRoles.PrivacyOfficer, ["nec"]);
        using var client = StaffClient.Anonymous(factory);
        const string Typed = "<script>alert(1)</script>\u202E@evil.example";

        (await client.PostFormAsync("/staff/login", new() { ["email"] = Typed, ["password"] = WrongPassword })).Dispose();
        (await client.PostFormAsync("/staff/login", new() { ["email"] = Officer.ToUpperInvariant(), ["password"] = WrongPassword })).Dispose();

        using var scope = factory.Services.CreateScope();
        var trail = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().AdminAuditEvents.AsNoTracking().OrderBy(e => e.Id).ToListAsync();
        var unknown = Assert.Single(trail, e => e.Action == "sign-in-unknown-account");
        Assert.Matches("^unknown:[0-9a-f]{16}$", unknown.Subject);
        Assert.Equal("anonymous", unknown.Actor);
        Assert.DoesNotContain(trail, e => $"{e.Actor}{e.Subject}{e.Detail}".Contains("evil", StringComparison.Ordinal) || $"{e.Actor}{e.Subject}{e.Detail}".Contains('<', StringComparison.Ordinal));
        // A known account is named as the account stores it, not as it was typed.
        Assert.Single(trail, e => e.Action == "sign-in-failed" && e.Subject == Officer);
    }

    private static string ErrorBlock(string html)
    {
        var start = html.IndexOf("id=\"login-error\"", StringComparison.Ordinal);
        return start < 0 ? string.Empty : html[start..html.IndexOf("</p>", start, StringComparison.Ordinal)];
    }

    /// <summary>A browser on the password step of a factory that is not a PortalFactory (one with services replaced).</summary>
    private sealed class RawClient(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> factory, string address) : IDisposable
    {
        private readonly HttpClient _client = Create(factory, address);

        public async Task<(HttpStatusCode Status, string Html)> SignInAsync(string email, string password)
        {
            var form = await _client.GetStringAsync(new Uri("/staff/login", UriKind.Relative));
            var fields = IntakeClient.HiddenFields(form);
            fields["email"] = email;
            fields["password"] = password;
            using var response = await _client.PostAsync(new Uri("/staff/login", UriKind.Relative), new FormUrlEncodedContent(fields));
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        }

        public void Dispose() => _client.Dispose();

        private static HttpClient Create(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> factory, string address)
        {
            var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
            client.DefaultRequestHeaders.Add("X-Forwarded-For", address);
            return client;
        }
    }

    private sealed class CountingHasher : IPasswordHasher<StaffUser>
    {
        private readonly PasswordHasher<StaffUser> _inner = new();
        private int _verifications;

        public int Verifications => Volatile.Read(ref _verifications);

        public string HashPassword(StaffUser user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(StaffUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verifications);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
