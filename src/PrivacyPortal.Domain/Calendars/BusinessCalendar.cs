using PrivacyPortal.Domain.Common;
using PrivacyPortal.Domain.Controllers;

namespace PrivacyPortal.Domain.Calendars;

/// <summary>
/// Which days an office is closed: weekends, Japanese public holidays (optional), the year-end closure
/// (12/29-1/3, optional) and the controller's own closures.
/// </summary>
public sealed class BusinessCalendar
{
    private readonly HashSet<DateOnly> _closures;

    public BusinessCalendar(bool japaneseHolidays, bool yearEndClosure, IEnumerable<DateOnly>? closures = null)
    {
        JapaneseHolidays = japaneseHolidays;
        YearEndClosure = yearEndClosure;
        _closures = (closures ?? []).ToHashSet();
    }

    /// <summary>Saturdays and Sundays only: GDPR's default roll-forward calendar and CCPA's business days.</summary>
    public static BusinessCalendar WeekendsOnly { get; } = new(japaneseHolidays: false, yearEndClosure: false);

    public bool JapaneseHolidays { get; }

    public bool YearEndClosure { get; }

    /// <summary>The business calendar of a Japanese controller (DESIGN): weekends, holidays, year-end closure per profile, own closures.</summary>
    public static BusinessCalendar ForOffice(ProcedureProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return new BusinessCalendar(japaneseHolidays: true, profile.Calendar.YearEndClosure, profile.Calendar.Closures);
    }

    /// <summary>
    /// The days GDPR's period rolls forward over (Reg. 1182/71 Art. 3(4): Saturdays, Sundays, public holidays).
    /// Which public holidays is a profile setting; the default is weekends only.
    /// </summary>
    public static BusinessCalendar ForGdpr(ProcedureProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return profile.Calendar.GdprHolidays == "japan" ? new BusinessCalendar(japaneseHolidays: true, yearEndClosure: false) : WeekendsOnly;
    }

    public bool IsClosed(DateOnly date) => ClosedBecause(date) is not null;

    public bool IsOpen(DateOnly date) => !IsClosed(date);

    /// <summary>Why <paramref name="date"/> is closed, for explanations; null when open.</summary>
    public LocalizedText? ClosedBecause(DateOnly date)
    {
        if (JapaneseHolidays && Calendars.JapaneseHolidays.On(date) is { } holiday)
        {
            return LocalizedText.Of(holiday.NameJa, holiday.NameEn);
        }

        if (date.DayOfWeek == DayOfWeek.Saturday)
        {
            return LocalizedText.Catalogued("Calendar.Saturday");
        }

        if (date.DayOfWeek == DayOfWeek.Sunday)
        {
            return LocalizedText.Catalogued("Calendar.Sunday");
        }

        if (YearEndClosure && IsYearEnd(date))
        {
            return LocalizedText.Catalogued("Calendar.YearEnd");
        }

        return _closures.Contains(date) ? LocalizedText.Catalogued("Calendar.CompanyClosure") : null;
    }

    public DateOnly NextOpenOnOrAfter(DateOnly date)
    {
        while (IsClosed(date))
        {
            date = date.AddDays(1);
        }

        return date;
    }

    public DateOnly PreviousOpenOnOrBefore(DateOnly date)
    {
        while (IsClosed(date))
        {
            date = date.AddDays(-1);
        }

        return date;
    }

    /// <summary>
    /// The <paramref name="days"/>-th business day after <paramref name="from"/> (which is not counted);
    /// negative counts go backwards; zero gives <paramref name="from"/> itself when open, else the next open day.
    /// </summary>
    public DateOnly AddBusinessDays(DateOnly from, int days)
    {
        if (days == 0)
        {
            return NextOpenOnOrAfter(from);
        }

        var step = Math.Sign(days);
        var date = from;
        for (var remaining = Math.Abs(days); remaining > 0;)
        {
            date = date.AddDays(step);
            if (IsOpen(date))
            {
                remaining--;
            }
        }

        return date;
    }

    /// <summary>Open days from <paramref name="from"/> to <paramref name="to"/>, both included.</summary>
    public int CountOpenDays(DateOnly from, DateOnly to)
    {
        var count = 0;
        for (var date = from; date <= to; date = date.AddDays(1))
        {
            if (IsOpen(date))
            {
                count++;
            }
        }

        return count;
    }

    private static bool IsYearEnd(DateOnly date) =>
        (date.Month == 12 && date.Day >= 29) || (date.Month == 1 && date.Day <= 3);
}
