using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PrivacyPortal.Infrastructure.Data;
using PrivacyPortal.Infrastructure.Hosting;
using PrivacyPortal.Infrastructure.Staff;
using PrivacyPortal.Web.Tests.Support;

namespace PrivacyPortal.Web.Tests.Security;

/// <summary>
/// A copy of the database holds no second factor: the authenticator key is encrypted with the key ring and recovery
/// codes are kept only hashed, on SQLite and PostgreSQL, read straight from the table. Rows written in plain text
/// before are sealed when the portal starts, and keep working.
/// </summary>
public sealed class SecondFactorsAtRestTests
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task TheTokenTable_HoldsNeitherAKeyNorACode_AndBothStillSignIn(string provider)
    {
        await using var factory = new PortalFactory { Provider = provider };
        var (userId, key) = await StaffClient.CreateAccountAsync(factory, "officer@example.jp", StaffRoles.PrivacyOfficer, ["nec"]);
        var codes = await RecoveryCodesAsync(factory, userId);

        var stored = await RawTokensAsync(factory);

        Assert.Equal(2, stored.Count);
        Assert.All(stored, value => Assert.DoesNotContain(key!, value, StringComparison.Ordinal));
        Assert.All(stored, value => Assert.All(codes, code => Assert.DoesNotContain(code, value, StringComparison.OrdinalIgnoreCase)));
        Assert.Contains(stored, value => value.StartsWith("dp1:", StringComparison.Ordinal));
        Assert.Contains(stored, value => value.Split(';').Length == codes.Count && value.Split(';').All(c => c.StartsWith("pbkdf2-sha256:", StringComparison.Ordinal)));

        await SignsInOnceWithAsync(factory, codes[0]);
        using var byApp = StaffClient.Anonymous(factory);
        await byApp.SignInWithCodeAsync("officer@example.jp", Totp.Code(key!, factory.Clock.GetUtcNow()));
        Assert.Equal(HttpStatusCode.OK, (await byApp.GetAsync("/staff")).Status);
        using (var scope = factory.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            Assert.Equal(codes.Count - 1, await users.CountRecoveryCodesAsync((await users.FindByIdAsync(userId))!));
        }
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SecondFactorsStoredInPlainText_AreSealedAtStartUp_AndStillWork(string provider)
    {
        await using var factory = new PortalFactory { Provider = provider };
        var (userId, _) = await StaffClient.CreateAccountAsync(factory, "officer@example.jp", StaffRoles.PrivacyOfficer, ["nec"]);
        // As an earlier version wrote them: the key and the codes as they are, codes joined by ';'.
        const string plainKey = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
        string[] plainCodes = ["7K2MX-9QTRB", "HV4PD-3WNCY"];
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var rows = await db.UserTokens.Where(t => t.UserId == userId && t.LoginProvider == "[AspNetUserStore]").ToListAsync();
            rows.Single(t => t.Name == "AuthenticatorKey").Value = plainKey;
            db.UserTokens.Add(new IdentityUserToken<string> { UserId = userId, LoginProvider = "[AspNetUserStore]", Name = "RecoveryCodes", Value = string.Join(";", plainCodes) });
            await db.SaveChangesAsync();
        }

        Assert.Contains(plainKey, await RawTokensAsync(factory));

        await PortalInitializer.InitializeAsync(factory.Services);
        var stored = await RawTokensAsync(factory);
        await PortalInitializer.InitializeAsync(factory.Services);

        Assert.Equal(stored, await RawTokensAsync(factory));
        Assert.All(stored, value => Assert.DoesNotContain(plainKey, value, StringComparison.Ordinal));
        Assert.All(stored, value => Assert.All(plainCodes, code => Assert.DoesNotContain(code, value, StringComparison.Ordinal)));
        await SignsInOnceWithAsync(factory, plainCodes[1]);
        using var byApp = StaffClient.Anonymous(factory);
        await byApp.SignInWithCodeAsync("officer@example.jp", Totp.Code(plainKey, factory.Clock.GetUtcNow()));
        Assert.Equal(HttpStatusCode.OK, (await byApp.GetAsync("/staff")).Status);
    }

    private static async Task<List<string>> RecoveryCodesAsync(PortalFactory factory, string userId)
    {
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        return (await users.GenerateNewTwoFactorRecoveryCodesAsync((await users.FindByIdAsync(userId))!, 3))!.ToList();
    }

    private static async Task SignsInOnceWithAsync(PortalFactory factory, string code)
    {
        using var first = StaffClient.Anonymous(factory);
        await first.SignInWithCodeAsync("officer@example.jp", code.ToLowerInvariant());
        Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("/staff")).Status);

        using var again = StaffClient.Anonymous(factory);
        await Assert.ThrowsAsync<InvalidOperationException>(() => again.SignInWithCodeAsync("officer@example.jp", code));
    }

    /// <summary>Every value of the token table, read with plain SQL as a backup would hold it.</summary>
    private static async Task<List<string>> RawTokensAsync(PortalFactory factory)
    {
        using var scope = factory.Services.CreateScope();
        var connection = scope.ServiceProvider.GetRequiredService<PortalDbContext>().Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"Value\" FROM \"AspNetUserTokens\" ORDER BY \"Name\"";
        var values = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }
}
