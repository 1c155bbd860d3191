using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PrivacyPortal.Infrastructure.Data;

namespace PrivacyPortal.Infrastructure.Staff;

/// <summary>
/// Failed password attempts on one account from one client address. The lock is per account <em>and</em> address,
/// so a stranger who types a colleague's email five times pauses only their own attempts, never the owner's sign-in
/// from elsewhere; the owner is told by email when a lock starts.
/// </summary>
public sealed class StaffSignInLock
{
    public const int KeyLength = 64;

    /// <summary>SHA-256 of the account id and the address, hex: the address itself is not kept.</summary>
    public string Key { get; set; } = string.Empty;

    public string UserId { get; set; } = string.Empty;

    public int Failures { get; set; }

    public DateTime WindowStartUtc { get; set; }

    public DateTime? LockedUntilUtc { get; set; }
}

/// <summary>
/// The sign-in checks that must not tell an outsider anything: an unknown account, a wrong password and a locked
/// account cost one password-hash verification each (the unknown and locked ones against a decoy hash) and give the
/// same answer. Counting is race-safe across instances: each step is one conditional UPDATE.
/// </summary>
public sealed class StaffSignInGuard(PortalDbContext db, IPasswordHasher<StaffUser> hasher, TimeProvider clock)
{
    public const int MaxFailures = 5;

    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    public static readonly TimeSpan LockFor = TimeSpan.FromMinutes(15);

    private static readonly StaffUser Decoy = new() { Id = "decoy" };

    private static string? _decoyHash;

    public async Task<bool> IsLockedAsync(string userId, string address, CancellationToken cancellationToken)
    {
        var key = Key(userId, address);
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.StaffSignInLocks.AnyAsync(l => l.Key == key && l.LockedUntilUtc > now, cancellationToken);
    }

    /// <summary>Counts one failure; true when this failure starts a lock (exactly once per lock, on any instance).</summary>
    public async Task<bool> RecordFailureAsync(string userId, string address, CancellationToken cancellationToken)
    {
        var key = Key(userId, address);
        var now = clock.GetUtcNow().UtcDateTime;
        var windowOpenedAfter = now - Window;
        await db.StaffSignInLocks
            .Where(l => l.Key == key && l.WindowStartUtc <= windowOpenedAfter && (l.LockedUntilUtc == null || l.LockedUntilUtc <= now))
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Failures, 0).SetProperty(l => l.WindowStartUtc, now).SetProperty(l => l.LockedUntilUtc, (DateTime?)null), cancellationToken);
        if (await db.StaffSignInLocks.Where(l => l.Key == key).ExecuteUpdateAsync(s => s.SetProperty(l => l.Failures, l => l.Failures + 1), cancellationToken) == 0)
        {
            db.StaffSignInLocks.Add(new StaffSignInLock { Key = key, UserId = userId, Failures = 1, WindowStartUtc = now });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Another instance inserted the row first: count on it.
                db.ChangeTracker.Clear();
                await db.StaffSignInLocks.Where(l => l.Key == key).ExecuteUpdateAsync(s => s.SetProperty(l => l.Failures, l => l.Failures + 1), cancellationToken);
            }
        }

        var lockedUntil = now + LockFor;
        return await db.StaffSignInLocks
            .Where(l => l.Key == key && l.Failures >= MaxFailures && (l.LockedUntilUtc == null || l.LockedUntilUtc <= now))
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.LockedUntilUtc, lockedUntil).SetProperty(l => l.Failures, 0).SetProperty(l => l.WindowStartUtc, now), cancellationToken) == 1;
    }

    public Task ClearAsync(string userId, string address, CancellationToken cancellationToken)
    {
        var key = Key(userId, address);
        return db.StaffSignInLocks.Where(l => l.Key == key).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>The verification a real account would cost, spent on a decoy, so no answer comes back sooner.</summary>
    public void SpendVerification(string password)
    {
        _decoyHash ??= hasher.HashPassword(Decoy, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        _ = hasher.VerifyHashedPassword(Decoy, _decoyHash, password);
    }

    /// <summary>What the administration trail may say of a typed account name that matches no account: a code, never the text.</summary>
    public static string UnknownAccountCode(string typed) =>
        "unknown:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(typed.Trim().ToUpperInvariant())))[..16];

    private static string Key(string userId, string address) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{userId}\n{address}")));
}
