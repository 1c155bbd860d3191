namespace PrivacyPortal.Domain.Calendars;

/// <summary>Dates as they are in Japan, where the controllers' offices are.</summary>
public static class JapanTime
{
    // Japan Standard Time is UTC+9 with no daylight saving (none since 1951), so a fixed offset is exact and
    // needs no time-zone database on the host.
    public static readonly TimeSpan Offset = TimeSpan.FromHours(9);

    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(Offset).DateTime);

    public static DateOnly Today(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return DateOf(clock.GetUtcNow());
    }
}
