namespace PrivacyPortal.Domain.Calendars;

/// <summary>Dates written the Japanese way, with the era year where a letter wants it (令和8年11月24日).</summary>
public static class JapaneseDates
{
    // Era start dates (元号法 and the proclamations of each era): the first day of each era is year 1, 元年.
    private static readonly (DateOnly Start, string Name)[] Eras =
    [
        (new(2019, 5, 1), "令和"),
        (new(1989, 1, 8), "平成"),
        (new(1926, 12, 25), "昭和"),
    ];

    /// <summary>2026年11月24日.</summary>
    public static string Western(DateOnly date) => $"{date.Year}年{date.Month}月{date.Day}日";

    /// <summary>令和8年11月24日; the first year of an era is written 元年. Null before 1926-12-25.</summary>
    public static string? Era(DateOnly date)
    {
        foreach (var (start, name) in Eras)
        {
            if (date >= start)
            {
                var year = date.Year - start.Year + 1;
                return $"{name}{(year == 1 ? "元" : year.ToString(System.Globalization.CultureInfo.InvariantCulture))}年{date.Month}月{date.Day}日";
            }
        }

        return null;
    }
}
