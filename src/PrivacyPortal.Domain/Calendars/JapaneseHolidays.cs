using System.Collections.Concurrent;
using System.Collections.Frozen;

namespace PrivacyPortal.Domain.Calendars;

/// <summary>
/// Japanese public holidays for any year from 1949 to 2099, computed by the Act on National Holidays
/// (国民の祝日に関する法律, Act No. 178 of 1948) as it stood in each year, plus the one-off laws.
/// A year's table is computed once and cached. See README.md in this folder for the history encoded here.
/// </summary>
public static class JapaneseHolidays
{
    public const int FirstYear = 1949;
    public const int LastYear = 2099;

    // Art. 3(2) substitute holidays start with the 1973 amendment (in force 1973-04-12).
    private static readonly DateOnly SubstituteRuleStart = new(1973, 4, 12);

    // Art. 3(3) citizens' holidays start with the 1985 amendment (in force 1985-12-27).
    private static readonly DateOnly CitizensRuleStart = new(1985, 12, 27);

    // The 2005 amendment (in force 2007-01-01): substitute = the nearest following non-holiday, and a day
    // between two holidays is off even on a Sunday.
    private const int Amendment2007 = 2007;

    /// <summary>Days off declared by their own laws. Kept as a small table, as the law made them one at a time.</summary>
    private static readonly (DateOnly Date, string Ja, string En)[] SpecialLawDays =
    [
        (new(1959, 4, 10), "皇太子明仁親王の結婚の儀", "Wedding of Crown Prince Akihito"),
        (new(1989, 2, 24), "昭和天皇の大喪の礼", "State funeral of Emperor Showa"),
        (new(1990, 11, 12), "即位礼正殿の儀", "Enthronement ceremony of Emperor Akihito"),
        (new(1993, 6, 9), "皇太子徳仁親王の結婚の儀", "Wedding of Crown Prince Naruhito"),
        (new(2019, 5, 1), "天皇の即位の日", "Day of the Emperor's accession"),
        (new(2019, 10, 22), "即位礼正殿の儀の行われる日", "Enthronement ceremony of Emperor Naruhito"),
    ];

    private static readonly ConcurrentDictionary<int, FrozenDictionary<DateOnly, Holiday>> Years = new();

    /// <summary>The holidays of <paramref name="year"/>, sorted by date.</summary>
    public static IReadOnlyList<Holiday> In(int year) => Table(year).Values.OrderBy(h => h.Date).ToList();

    public static Holiday? On(DateOnly date) => Table(date.Year).GetValueOrDefault(date);

    public static bool IsHoliday(DateOnly date) => Table(date.Year).ContainsKey(date);

    /// <summary>Holidays from <paramref name="from"/> to <paramref name="to"/>, both included, sorted.</summary>
    public static IEnumerable<Holiday> Between(DateOnly from, DateOnly to)
    {
        for (var year = from.Year; year <= to.Year; year++)
        {
            foreach (var holiday in Table(year).Values.Where(h => h.Date >= from && h.Date <= to).OrderBy(h => h.Date))
            {
                yield return holiday;
            }
        }
    }

    private static FrozenDictionary<DateOnly, Holiday> Table(int year)
    {
        if (year is < FirstYear or > LastYear)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, $"Japanese holidays are computed for {FirstYear}-{LastYear}.");
        }

        return Years.GetOrAdd(year, ComputeYear);
    }

    /// <summary>Builds a year's table from the rules, bypassing the cache (the benchmarks measure it).</summary>
    internal static FrozenDictionary<DateOnly, Holiday> ComputeYear(int year)
    {
        var national = new Dictionary<DateOnly, Holiday>();
        void Add(DateOnly date, string ja, string en, HolidayKind kind = HolidayKind.National) => national[date] = new Holiday(date, ja, en, kind);
        DateOnly On(int month, int day) => new(year, month, day);

        Add(On(1, 1), "元日", "New Year's Day");
        Add(year < 2000 ? On(1, 15) : NthMonday(year, 1, 2), "成人の日", "Coming of Age Day");
        if (year >= 1967)
        {
            Add(On(2, 11), "建国記念の日", "National Foundation Day");
        }

        if (year >= 2020)
        {
            Add(On(2, 23), "天皇誕生日", "The Emperor's Birthday");
        }

        Add(On(3, VernalEquinoxDay(year)), "春分の日", "Vernal Equinox Day");
        switch (year)
        {
            case < 1989:
                Add(On(4, 29), "天皇誕生日", "The Emperor's Birthday");
                break;
            case < 2007:
                Add(On(4, 29), "みどりの日", "Greenery Day");
                break;
            default:
                Add(On(4, 29), "昭和の日", "Showa Day");
                Add(On(5, 4), "みどりの日", "Greenery Day");
                break;
        }

        Add(On(5, 3), "憲法記念日", "Constitution Memorial Day");
        Add(On(5, 5), "こどもの日", "Children's Day");

        // Marine Day from 1996; third Monday of July from 2003; moved for the Tokyo Olympics in 2020 and 2021.
        DateOnly? marine = year switch
        {
            < 1996 => null,
            < 2003 => On(7, 20),
            2020 => On(7, 23),
            2021 => On(7, 22),
            _ => NthMonday(year, 7, 3),
        };
        if (marine is { } marineDay)
        {
            Add(marineDay, "海の日", "Marine Day");
        }

        // Mountain Day from 2016; moved for the Olympics in 2020 and 2021.
        DateOnly? mountain = year switch
        {
            < 2016 => null,
            2020 => On(8, 10),
            2021 => On(8, 8),
            _ => On(8, 11),
        };
        if (mountain is { } mountainDay)
        {
            Add(mountainDay, "山の日", "Mountain Day");
        }

        // Respect for the Aged Day from 1966; third Monday of September from 2003.
        if (year >= 1966)
        {
            Add(year < 2003 ? On(9, 15) : NthMonday(year, 9, 3), "敬老の日", "Respect for the Aged Day");
        }

        Add(On(9, AutumnalEquinoxDay(year)), "秋分の日", "Autumnal Equinox Day");

        // Health-Sports Day from 1966 (10/10), second Monday of October from 2000, renamed Sports Day in 2020;
        // moved for the Olympics in 2020 and 2021.
        if (year >= 1966)
        {
            var sportsDay = year switch
            {
                < 2000 => On(10, 10),
                2020 => On(7, 24),
                2021 => On(7, 23),
                _ => NthMonday(year, 10, 2),
            };
            if (year < 2020)
            {
                Add(sportsDay, "体育の日", "Health and Sports Day");
            }
            else
            {
                Add(sportsDay, "スポーツの日", "Sports Day");
            }
        }

        Add(On(11, 3), "文化の日", "Culture Day");
        Add(On(11, 23), "勤労感謝の日", "Labour Thanksgiving Day");
        if (year is >= 1989 and <= 2018)
        {
            Add(On(12, 23), "天皇誕生日", "The Emperor's Birthday");
        }

        foreach (var (date, ja, en) in SpecialLawDays.Where(d => d.Date.Year == year))
        {
            Add(date, ja, en, HolidayKind.SpecialLaw);
        }

        var all = new Dictionary<DateOnly, Holiday>(national);
        AddSubstituteHolidays(national, all);
        AddCitizensHolidays(year, national, all);
        return all.ToFrozenDictionary();
    }

    /// <summary>Art. 3(2): a national holiday on a Sunday gives a day off; before 2007 the Monday, since then the nearest following non-holiday.</summary>
    private static void AddSubstituteHolidays(Dictionary<DateOnly, Holiday> national, Dictionary<DateOnly, Holiday> all)
    {
        foreach (var holiday in national.Values.Where(h => h.Date.DayOfWeek == DayOfWeek.Sunday && h.Date >= SubstituteRuleStart).ToList())
        {
            var day = holiday.Date.AddDays(1);
            if (holiday.Date.Year < Amendment2007)
            {
                if (!national.ContainsKey(day))
                {
                    all[day] = new Holiday(day, "振替休日", "Substitute holiday", HolidayKind.Substitute);
                }

                continue;
            }

            while (national.ContainsKey(day))
            {
                day = day.AddDays(1);
            }

            all[day] = new Holiday(day, "振替休日", "Substitute holiday", HolidayKind.Substitute);
        }
    }

    /// <summary>Art. 3(3): a day whose previous and next days are national holidays is off (before 2007: unless a Sunday or a substitute holiday).</summary>
    private static void AddCitizensHolidays(int year, Dictionary<DateOnly, Holiday> national, Dictionary<DateOnly, Holiday> all)
    {
        foreach (var holiday in national.Values.ToList())
        {
            var day = holiday.Date.AddDays(1);
            if (day.Year != year || day < CitizensRuleStart || national.ContainsKey(day) || !national.ContainsKey(day.AddDays(1)))
            {
                continue;
            }

            if (year < Amendment2007 && (day.DayOfWeek == DayOfWeek.Sunday || all.ContainsKey(day)))
            {
                continue;
            }

            all[day] = new Holiday(day, "国民の休日", "Citizens' holiday", HolidayKind.Citizens);
        }
    }

    /// <summary>
    /// Day of March of the vernal equinox. The Cabinet fixes it each February for the next year; this is the
    /// standard approximation (1900-1979 and 1980-2099 constants), exact for every year it has been fixed so far.
    /// </summary>
    public static int VernalEquinoxDay(int year) => year < 1980
        ? (int)(20.8357 + (0.242194 * (year - 1980))) - ((year - 1983) / 4)
        : (int)(20.8431 + (0.242194 * (year - 1980))) - ((year - 1980) / 4);

    /// <summary>Day of September of the autumnal equinox (standard approximation, as for the vernal equinox).</summary>
    public static int AutumnalEquinoxDay(int year) => year < 1980
        ? (int)(23.2588 + (0.242194 * (year - 1980))) - ((year - 1983) / 4)
        : (int)(23.2488 + (0.242194 * (year - 1980))) - ((year - 1980) / 4);

    private static DateOnly NthMonday(int year, int month, int n)
    {
        var first = new DateOnly(year, month, 1);
        var offset = ((int)DayOfWeek.Monday - (int)first.DayOfWeek + 7) % 7;
        return first.AddDays(offset + (7 * (n - 1)));
    }
}
