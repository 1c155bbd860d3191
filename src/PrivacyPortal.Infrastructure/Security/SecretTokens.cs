using System.Security.Cryptography;
using System.Text;

namespace PrivacyPortal.Infrastructure.Security;

/// <summary>Random tokens for links (email confirmation, status page). Only their SHA-256 is ever stored.</summary>
public static class SecretTokens
{
    /// <summary>256 random bits, URL-safe base64 (43 characters).</summary>
    public static string New() => Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    /// <summary>Lower-case hex SHA-256. Tokens are random and long, so an unsalted fast hash is enough to make a stolen database useless.</summary>
    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token ?? string.Empty)));

    /// <summary>Whether a string can be a token at all, before touching the database.</summary>
    public static bool LooksValid(string? token) =>
        token is { Length: 43 } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private static string Base64UrlEncode(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
