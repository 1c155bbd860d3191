using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PrivacyPortal.Infrastructure.Data;

namespace PrivacyPortal.Infrastructure.Staff;

/// <summary>
/// Authenticator codes (RFC 6238: HMAC-SHA1, 30-second steps, 6 digits) that work once. Identity's own provider
/// accepts any code from two steps either side, as often as it is sent; this one allows one step of clock drift
/// and refuses the accepted step and every earlier one (RFC 6238 §5.2), across sessions and instances: the step is
/// claimed with one conditional update, so of two sign-ins racing with the same code only one wins.
/// </summary>
public sealed class SingleUseAuthenticatorTokenProvider(PortalDbContext db, TimeProvider clock) : IUserTwoFactorTokenProvider<StaffUser>
{
    public const int StepSeconds = 30;

    /// <summary>Steps accepted either side of the current one: a phone's clock a little fast or slow.</summary>
    public const int AllowedDriftSteps = 1;

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<StaffUser> manager, StaffUser user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        return !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user));
    }

    /// <summary>The code comes from the owner's authenticator app, never from the portal.</summary>
    public Task<string> GenerateAsync(string purpose, UserManager<StaffUser> manager, StaffUser user) => Task.FromResult(string.Empty);

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<StaffUser> manager, StaffUser user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        ArgumentNullException.ThrowIfNull(user);
        var code = (token ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal);
        if (code.Length != 6 || !code.All(char.IsAsciiDigit) || await manager.GetAuthenticatorKeyAsync(user) is not { Length: > 0 } key)
        {
            return false;
        }

        var secret = Base32.Decode(key);
        var current = clock.GetUtcNow().ToUnixTimeSeconds() / StepSeconds;
        long? matched = null;

        // Every candidate step is computed and compared in constant time, so timing does not say which one matched.
        for (var step = current - AllowedDriftSteps; step <= current + AllowedDriftSteps; step++)
        {
            if (CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(CodeAt(secret, step)), Encoding.ASCII.GetBytes(code)) && matched is null)
            {
                matched = step;
            }
        }

        if (matched is not { } accepted || accepted <= (user.LastAuthenticatorStep ?? long.MinValue))
        {
            return false;
        }

        var claimed = await db.Users
            .Where(u => u.Id == user.Id && (u.LastAuthenticatorStep == null || u.LastAuthenticatorStep < accepted))
            .ExecuteUpdateAsync(set => set.SetProperty(u => u.LastAuthenticatorStep, accepted));

        // Identity saves the whole user after a sign-in: the loaded copy must carry the step too, or it would undo it.
        user.LastAuthenticatorStep = accepted;
        return claimed == 1;
    }

    /// <summary>The RFC 4226 code for one step.</summary>
    public static string CodeAt(byte[] secret, long step)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
#pragma warning disable CA5350 // RFC 6238 authenticator apps use HMAC-SHA1; it is what they compute.
        var hash = HMACSHA1.HashData(secret, counter);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0f;
        var value = (BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(offset, 4)) & 0x7fffffff) % 1_000_000;
        return value.ToString("D6", CultureInfo.InvariantCulture);
    }

    /// <summary>RFC 4648 Base32, as authenticator keys are written.</summary>
    private static class Base32
    {
        private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

        public static byte[] Decode(string text)
        {
            var bytes = new List<byte>(text.Length * 5 / 8);
            int buffer = 0, bits = 0;
            foreach (var c in text)
            {
                var index = Alphabet.IndexOf(char.ToUpperInvariant(c), StringComparison.Ordinal);
                if (index < 0)
                {
                    continue;
                }

                buffer = ((buffer << 5) | index) & 0xffff;
                bits += 5;
                if (bits >= 8)
                {
                    bytes.Add((byte)(buffer >> (bits - 8)));
                    bits -= 8;
                }
            }

            return [.. bytes];
        }
    }
}
