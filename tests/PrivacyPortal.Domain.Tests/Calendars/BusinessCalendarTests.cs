using PrivacyPortal.Domain.Calendars;

namespace PrivacyPortal.Domain.Tests.Calendars;

public sealed class BusinessCalendarTests
{
    private static readonly BusinessCalendar Japanese = new(japaneseHolidays: true, yearEndClosure: true);

    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2026-12-28", true)]
    [InlineData("2026-12-29", false)]
    [InlineData("2026-12-31", false)]
    [InlineData("2027-01-03", false)]
    [InlineData("2027-01-04", true)]
    public void TheYearEndClosure_Runs29DecemberTo3January(string date, bool open) =>
        Assert.Equal(open, Japanese.IsOpen(D(date)));

    [Fact]
    public void WithoutTheYearEndClosure_30DecemberIsOpen() =>
        Assert.True(new BusinessCalendar(japaneseHolidays: true, yearEndClosure: false).IsOpen(D("2026-12-30")));

    [Fact]
    public void AddingBusinessDays_SkipsTheYearEndClosure()
    {
        // Fri 2026-12-25 + 1 business day = Mon 12-28; + 2 = Mon 2027-01-04 (12/29-1/3 closed, 1/1 holiday).
        Assert.Equal(D("2026-12-28"), Japanese.AddBusinessDays(D("2026-12-25"), 1));
        Assert.Equal(D("2027-01-04"), Japanese.AddBusinessDays(D("2026-12-25"), 2));
        Assert.Equal(D("2027-01-05"), Japanese.AddBusinessDays(D("2026-12-25"), 3));
    }

    [Fact]
    public void AddingBusinessDays_SkipsGoldenWeek() =>
        // Thu 2026-04-30 -> Fri 5/1 -> (5/2-5/6 closed) -> Thu 5/7.
        Assert.Equal(D("2026-05-07"), Japanese.AddBusinessDays(D("2026-04-30"), 2));

    [Fact]
    public void ZeroBusinessDays_IsTheDayItselfOrTheNextOpenDay()
    {
        Assert.Equal(D("2026-11-24"), Japanese.AddBusinessDays(D("2026-11-24"), 0));
        Assert.Equal(D("2026-11-24"), Japanese.AddBusinessDays(D("2026-11-21"), 0));
    }

    [Fact]
    public void NegativeBusinessDays_CountBackwards() =>
        Assert.Equal(D("2026-12-28"), Japanese.AddBusinessDays(D("2027-01-04"), -1));

    [Fact]
    public void CompanyClosures_AreClosedDays()
    {
        var calendar = new BusinessCalendar(japaneseHolidays: true, yearEndClosure: true, [D("2026-08-13")]);

        Assert.True(calendar.IsClosed(D("2026-08-13")));
        Assert.Equal("company closure", calendar.ClosedBecause(D("2026-08-13"))!.En);
    }

    [Fact]
    public void WeekendsOnly_IgnoresJapaneseHolidays()
    {
        Assert.True(BusinessCalendar.WeekendsOnly.IsOpen(D("2026-11-23")));
        Assert.True(BusinessCalendar.WeekendsOnly.IsClosed(D("2026-11-22")));
    }

    [Theory]
    [InlineData("2026-11-23", "勤労感謝の日", "Labour Thanksgiving Day")]
    [InlineData("2026-11-28", "土曜日", "Saturday")]
    [InlineData("2026-12-30", "年末年始休業", "year-end closure")]
    public void ClosedDays_SayWhy(string date, string ja, string en)
    {
        var because = Japanese.ClosedBecause(D(date))!;

        Assert.Equal(ja, because.Ja);
        Assert.Equal(en, because.En);
    }

    [Fact]
    public void CountingOpenDays_AcrossTheYearEnd() =>
        // 2026-12-21..2027-01-08: Dec 21-25, 28 (6) + Jan 4-8 (5).
        Assert.Equal(11, Japanese.CountOpenDays(D("2026-12-21"), D("2027-01-08")));
}

public sealed class JapaneseDatesTests
{
    [Theory]
    [InlineData(2026, 11, 24, "令和8年11月24日")]
    [InlineData(2019, 5, 1, "令和元年5月1日")]
    [InlineData(2019, 4, 30, "平成31年4月30日")]
    [InlineData(1989, 1, 8, "平成元年1月8日")]
    [InlineData(1989, 1, 7, "昭和64年1月7日")]
    [InlineData(1970, 1, 1, "昭和45年1月1日")]
    public void EraYears_FollowTheEraStartDates(int year, int month, int day, string expected) =>
        Assert.Equal(expected, JapaneseDates.Era(new DateOnly(year, month, day)));

    [Fact]
    public void WesternDates_AreWrittenWithKanjiUnits() =>
        Assert.Equal("2026年11月24日", JapaneseDates.Western(new DateOnly(2026, 11, 24)));
}
