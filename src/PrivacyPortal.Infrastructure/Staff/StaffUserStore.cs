using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using PrivacyPortal.Infrastructure.Data;

namespace PrivacyPortal.Infrastructure.Staff;

/// <summary>
/// Identity's store, with the second factors sealed at rest: the authenticator key is encrypted with the portal's
/// data-protection key ring (a copy of the database alone does not give it), and each recovery code is kept only as
/// a salted, slow hash, compared in constant time and removed when used. Identity keeps both in
/// <c>AspNetUserTokens</c>; only their values change.
/// </summary>
public sealed class StaffUserStore(PortalDbContext context, IDataProtectionProvider protection, IdentityErrorDescriber? describer = null)
    : UserStore<StaffUser, IdentityRole, PortalDbContext>(context, describer)
{
    /// <summary>Identity's own names for the two rows (UserStoreBase's internal login provider and token names).</summary>
    internal const string IdentityProvider = "[AspNetUserStore]";
    internal const string AuthenticatorKeyName = "AuthenticatorKey";
    internal const string RecoveryCodesName = "RecoveryCodes";

    /// <summary>The prefix of a sealed authenticator key; a value without it was written before keys were sealed.</summary>
    internal const string SealedKeyPrefix = "dp1:";

    /// <summary>The prefix of a hashed recovery code: PBKDF2-SHA256, the account's id as salt, then the iterations.</summary>
    internal const string HashedCodePrefix = "pbkdf2-sha256:";

    /// <summary>
    /// A recovery code carries about 50 bits (Identity's ten letters and digits); 10,000 PBKDF2 rounds put guessing a
    /// stolen hash out of reach while a sign-in with a code costs one hash.
    /// </summary>
    private const int Iterations = 10_000;

    private readonly IDataProtector _keys = KeyProtector(protection);

    public override Task SetAuthenticatorKeyAsync(StaffUser user, string key, CancellationToken cancellationToken) =>
        SetTokenAsync(user, IdentityProvider, AuthenticatorKeyName, SealKey(_keys, key), cancellationToken);

    public override async Task<string?> GetAuthenticatorKeyAsync(StaffUser user, CancellationToken cancellationToken)
    {
        var stored = await GetTokenAsync(user, IdentityProvider, AuthenticatorKeyName, cancellationToken);
        return stored is not null && stored.StartsWith(SealedKeyPrefix, StringComparison.Ordinal)
            ? _keys.Unprotect(stored[SealedKeyPrefix.Length..])
            : stored;
    }

    public override Task ReplaceCodesAsync(StaffUser user, IEnumerable<string> recoveryCodes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(recoveryCodes);
        return SetTokenAsync(user, IdentityProvider, RecoveryCodesName, string.Join(";", recoveryCodes.Select(code => HashCode(user.Id, code))), cancellationToken);
    }

    public override async Task<bool> RedeemCodeAsync(StaffUser user, string code, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(code);
        var stored = await StoredCodesAsync(user, cancellationToken);
        var entered = Encoding.ASCII.GetBytes(HashCode(user.Id, code));
        // Every stored hash is compared, whichever matches, so the time taken says nothing about which one did.
        var match = -1;
        for (var i = 0; i < stored.Count; i++)
        {
            if (CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(stored[i]), entered))
            {
                match = i;
            }
        }

        if (match < 0)
        {
            return false;
        }

        stored.RemoveAt(match);
        await SetTokenAsync(user, IdentityProvider, RecoveryCodesName, string.Join(";", stored), cancellationToken);
        return true;
    }

    public override async Task<int> CountCodesAsync(StaffUser user, CancellationToken cancellationToken) =>
        (await StoredCodesAsync(user, cancellationToken)).Count;

    /// <summary>
    /// Seals what was stored before second factors were: plain authenticator keys are encrypted and plain recovery
    /// codes hashed, in place. Runs at start-up; a row already sealed is left as it is.
    /// </summary>
    public static async Task<int> SealStoredSecondFactorsAsync(PortalDbContext db, IDataProtectionProvider protection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var keys = KeyProtector(protection);
        var rows = await db.UserTokens
            .Where(t => t.LoginProvider == IdentityProvider && (t.Name == AuthenticatorKeyName || t.Name == RecoveryCodesName))
            .ToListAsync(cancellationToken);
        var sealedRows = 0;
        foreach (var row in rows.Where(r => !string.IsNullOrEmpty(r.Value)))
        {
            var sealedValue = row.Name == AuthenticatorKeyName
                ? row.Value!.StartsWith(SealedKeyPrefix, StringComparison.Ordinal) ? row.Value : SealKey(keys, row.Value)
                : string.Join(";", row.Value!.Split(';', StringSplitOptions.RemoveEmptyEntries)
                    .Select(code => code.StartsWith(HashedCodePrefix, StringComparison.Ordinal) ? code : HashCode(row.UserId, code)));
            if (sealedValue != row.Value)
            {
                row.Value = sealedValue;
                sealedRows++;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return sealedRows;
    }

    private async Task<List<string>> StoredCodesAsync(StaffUser user, CancellationToken cancellationToken) =>
        (await GetTokenAsync(user, IdentityProvider, RecoveryCodesName, cancellationToken) ?? string.Empty)
            .Split(';', StringSplitOptions.RemoveEmptyEntries)
            .ToList();

    private static IDataProtector KeyProtector(IDataProtectionProvider protection)
    {
        ArgumentNullException.ThrowIfNull(protection);
        return protection.CreateProtector("PrivacyPortal.Staff.AuthenticatorKey.v1");
    }

    private static string SealKey(IDataProtector keys, string key) => SealedKeyPrefix + keys.Protect(key);

    /// <summary>A code as typed ("abcde-12345") and as shown match: Identity's codes are upper-case letters and digits.</summary>
    private static string HashCode(string userId, string code)
    {
        var hash = Rfc2898DeriveBytes.Pbkdf2(
            Encoding.UTF8.GetBytes(code.Trim().ToUpperInvariant()),
            Encoding.UTF8.GetBytes("PrivacyPortal.RecoveryCode:" + userId),
            Iterations,
            HashAlgorithmName.SHA256,
            32);
        return HashedCodePrefix + Convert.ToBase64String(hash);
    }
}
