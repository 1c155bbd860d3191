namespace PrivacyPortal.Web.Tests.Support;

/// <summary>A clock that only moves when a test moves it, so dates on pages and expiries can be asserted.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    /// <summary>2026-11-24 10:00 in Tokyo.</summary>
    public static DateTimeOffset DefaultInstant { get; } = new(2026, 11, 24, 1, 0, 0, TimeSpan.Zero);

    private DateTimeOffset _now = now;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
