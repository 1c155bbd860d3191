namespace PrivacyPortal.Web.Tests.Support;

/// <summary>A clock standing still at a chosen instant, so dates on pages can be asserted.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    /// <summary>2026-11-24 10:00 in Tokyo.</summary>
    public static FixedClock Default { get; } = new(new DateTimeOffset(2026, 11, 24, 1, 0, 0, TimeSpan.Zero));

    public override DateTimeOffset GetUtcNow() => now;
}
