namespace PrivacyPortal.Domain.Common;

/// <summary>When to try again after a failed attempt (mail, letter printing): 1, 2, 4, 8... minutes, optionally capped.</summary>
public static class RetryBackoff
{
    public static DateTime NextAttempt(DateTime nowUtc, int attempts, int capMinutes = 24 * 60) =>
        nowUtc.AddMinutes(Math.Min(capMinutes, Math.Pow(2, Math.Clamp(attempts - 1, 0, 20))));

    /// <summary>An error kept for people to read, cut to the column's length.</summary>
    public static string Clip(string error, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error.Length <= maxLength ? error : error[..maxLength];
    }
}
