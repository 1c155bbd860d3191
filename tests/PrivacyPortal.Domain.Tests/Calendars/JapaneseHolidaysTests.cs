using PrivacyPortal.Domain.Calendars;

namespace PrivacyPortal.Domain.Tests.Calendars;

public sealed class JapaneseHolidaysTests
{
    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    private static string[] Dates(int year) => JapaneseHolidays.In(year).Select(h => h.Date.ToString("MM-dd", System.Globalization.CultureInfo.InvariantCulture)).ToArray();

    [Fact]
    public void Year2019_HasTheEnthronementDays_AndNoEmperorsBirthday() =>
        Assert.Equal(
            ["01-01", "01-14", "02-11", "03-21", "04-29", "04-30", "05-01", "05-02", "05-03", "05-04", "05-05", "05-06", "07-15", "08-11", "08-12", "09-16", "09-23", "10-14", "10-22", "11-03", "11-04", "11-23"],
            Dates(2019));

    [Fact]
    public void Year2020_HasTheOlympicMoves_AndTheNewEmperorsBirthday() =>
        Assert.Equal(
            ["01-01", "01-13", "02-11", "02-23", "02-24", "03-20", "04-29", "05-03", "05-04", "05-05", "05-06", "07-23", "07-24", "08-10", "09-21", "09-22", "11-03", "11-23"],
            Dates(2020));

    [Fact]
    public void Year2021_HasTheOlympicMoves_WithMountainDaysSubstitute() =>
        Assert.Equal(
            ["01-01", "01-11", "02-11", "02-23", "03-20", "04-29", "05-03", "05-04", "05-05", "07-22", "07-23", "08-08", "08-09", "09-20", "09-23", "11-03", "11-23"],
            Dates(2021));

    [Fact]
    public void Year2026_IncludesTheSeptemberCitizensHoliday() =>
        Assert.Equal(
            ["01-01", "01-12", "02-11", "02-23", "03-20", "04-29", "05-03", "05-04", "05-05", "05-06", "07-20", "08-11", "09-21", "09-22", "09-23", "10-12", "11-03", "11-23"],
            Dates(2026));

    [Theory]
    [InlineData("2026-09-22", "国民の休日", "Citizens' holiday")]
    [InlineData("2020-05-06", "振替休日", "Substitute holiday")]
    [InlineData("2019-05-01", "天皇の即位の日", "Day of the Emperor's accession")]
    [InlineData("2007-04-29", "昭和の日", "Showa Day")]
    [InlineData("2006-04-29", "みどりの日", "Greenery Day")]
    [InlineData("1988-04-29", "天皇誕生日", "The Emperor's Birthday")]
    [InlineData("2020-07-24", "スポーツの日", "Sports Day")]
    [InlineData("2019-10-14", "体育の日", "Health and Sports Day")]
    public void EachHoliday_HasItsJapaneseAndEnglishName(string date, string ja, string en)
    {
        var holiday = JapaneseHolidays.On(D(date))!;

        Assert.Equal(ja, holiday.NameJa);
        Assert.Equal(en, holiday.NameEn);
    }

    [Theory]
    [InlineData("1959-04-10")]
    [InlineData("1989-02-24")]
    [InlineData("1990-11-12")]
    [InlineData("1993-06-09")]
    [InlineData("2019-10-22")]
    public void OneOffLaws_AreHolidays(string date) =>
        Assert.Equal(HolidayKind.SpecialLaw, JapaneseHolidays.On(D(date))!.Kind);

    [Theory]
    [InlineData("2020-07-20")]
    [InlineData("2020-08-11")]
    [InlineData("2020-10-12")]
    [InlineData("2021-07-19")]
    [InlineData("2021-08-11")]
    [InlineData("2021-10-11")]
    [InlineData("2019-12-23")]
    public void DaysTheOlympicLawsAndTheSuccessionMovedAway_AreWorkingDays(string date) =>
        Assert.False(JapaneseHolidays.IsHoliday(D(date)));

    [Theory]
    [InlineData(1999, "01-15")]
    [InlineData(2000, "01-10")]
    [InlineData(2002, "07-20")]
    [InlineData(2003, "07-21")]
    [InlineData(2002, "09-15")]
    [InlineData(2004, "09-20")]
    [InlineData(1999, "10-10")]
    [InlineData(2000, "10-09")]
    [InlineData(1995, null)]
    public void TheMondayRules_StartIn2000And2003(int year, string? expected)
    {
        var dates = Dates(year);

        if (expected is null)
        {
            Assert.DoesNotContain(JapaneseHolidays.In(year), h => h.NameEn == "Marine Day");
        }
        else
        {
            Assert.Contains(expected, dates);
        }
    }

    [Theory]
    [InlineData(2015, false)]
    [InlineData(2016, true)]
    public void MountainDay_StartsIn2016(int year, bool present) =>
        Assert.Equal(present, JapaneseHolidays.IsHoliday(new DateOnly(year, 8, 11)));

    [Theory]
    [InlineData(1966, false)]
    [InlineData(1967, true)]
    public void NationalFoundationDay_StartsIn1967(int year, bool present) =>
        Assert.Equal(present, JapaneseHolidays.IsHoliday(new DateOnly(year, 2, 11)));

    [Theory]
    [InlineData("2008-05-06")]
    [InlineData("2009-05-06")]
    [InlineData("2014-05-06")]
    [InlineData("2015-05-06")]
    public void SinceThe2007Amendment_ASundayHolidayInGoldenWeek_GivesTheNextFreeDay(string date) =>
        Assert.Equal(HolidayKind.Substitute, JapaneseHolidays.On(D(date))!.Kind);

    [Fact]
    public void Before2007_OnlyTheMondayWasASubstitute()
    {
        // 1987-05-03 was a Sunday: the Monday 5/4 became the substitute holiday, not a citizens' holiday.
        Assert.Equal(HolidayKind.Substitute, JapaneseHolidays.On(D("1987-05-04"))!.Kind);
        // 2005-05-03..05: Tue-Thu; 5/4 a citizens' holiday; nothing on 5/6.
        Assert.Equal(HolidayKind.Citizens, JapaneseHolidays.On(D("2005-05-04"))!.Kind);
        Assert.False(JapaneseHolidays.IsHoliday(D("2005-05-06")));
    }

    [Fact]
    public void TheSubstituteRule_StartsOn1973_04_12()
    {
        // 1973-04-29 (Sunday) was the first holiday to give a substitute.
        Assert.Equal(HolidayKind.Substitute, JapaneseHolidays.On(D("1973-04-30"))!.Kind);
        // Before it, 1970-05-03 fell on a Sunday and the Monday was a working day.
        Assert.False(JapaneseHolidays.IsHoliday(D("1970-05-04")));
    }

    [Theory]
    [InlineData(1986, false)]
    [InlineData(1988, true)]
    [InlineData(2006, true)]
    public void May4_IsACitizensHoliday_From1988Until2006(int year, bool citizens) =>
        Assert.Equal(citizens, JapaneseHolidays.On(new DateOnly(year, 5, 4))?.Kind == HolidayKind.Citizens);

    [Theory]
    [InlineData(1970, 21, 23)]
    [InlineData(1979, 21, 24)]
    [InlineData(1980, 20, 23)]
    [InlineData(2012, 20, 22)]
    [InlineData(2024, 20, 22)]
    [InlineData(2025, 20, 23)]
    [InlineData(2026, 20, 23)]
    [InlineData(2044, 20, 22)]
    [InlineData(2099, 20, 23)]
    public void Equinoxes_FollowTheStandardFormula(int year, int vernal, int autumnal)
    {
        Assert.Equal(vernal, JapaneseHolidays.VernalEquinoxDay(year));
        Assert.Equal(autumnal, JapaneseHolidays.AutumnalEquinoxDay(year));
        Assert.Equal("春分の日", JapaneseHolidays.On(new DateOnly(year, 3, vernal))!.NameJa);
        Assert.Equal("秋分の日", JapaneseHolidays.On(new DateOnly(year, 9, autumnal))!.NameJa);
    }

    [Fact]
    public void GoldenWeek2026_IsAChainOfFourDaysAfterShowaDay() =>
        Assert.Equal(
            ["2026-05-03", "2026-05-04", "2026-05-05", "2026-05-06"],
            JapaneseHolidays.Between(D("2026-05-01"), D("2026-05-10")).Select(h => h.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void EveryYear_From1970To2099_HasBetween12And22Holidays_NoneTwice()
    {
        for (var year = 1970; year <= 2099; year++)
        {
            var holidays = JapaneseHolidays.In(year);
            Assert.InRange(holidays.Count, 12, 22);
            Assert.Equal(holidays.Count, holidays.Select(h => h.Date).Distinct().Count());
            Assert.All(holidays, h => Assert.Equal(year, h.Date.Year));
        }
    }

    [Fact]
    public void NoSubstituteHoliday_FallsOnAHoliday_OrASunday()
    {
        for (var year = 1973; year <= 2099; year++)
        {
            foreach (var substitute in JapaneseHolidays.In(year).Where(h => h.Kind == HolidayKind.Substitute))
            {
                Assert.NotEqual(DayOfWeek.Sunday, substitute.Date.DayOfWeek);
                var previous = JapaneseHolidays.On(substitute.Date.AddDays(-1));
                Assert.True(previous is not null || substitute.Date.AddDays(-1).DayOfWeek == DayOfWeek.Sunday, substitute.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            }
        }
    }

    [Theory]
    [InlineData("1988-12-23", false)]
    [InlineData("1989-12-23", true)]
    [InlineData("2018-12-23", true)]
    [InlineData("2019-02-23", false)]
    [InlineData("2020-02-23", true)]
    [InlineData("1995-07-20", false)]
    [InlineData("1996-07-20", true)]
    public void TheEmperorsBirthdayAndMarineDay_FollowTheYearsTheLawChanged(string date, bool holiday) =>
        Assert.Equal(holiday, JapaneseHolidays.IsHoliday(D(date)));

    [Fact]
    public void Year1989_RenamedApril29_AndHadTheStateFuneral()
    {
        Assert.Equal("みどりの日", JapaneseHolidays.On(D("1989-04-29"))!.NameJa);
        Assert.Equal("昭和天皇の大喪の礼", JapaneseHolidays.On(D("1989-02-24"))!.NameJa);
    }

    [Fact]
    public void Year1970_HasTheHolidaysOfItsTime() =>
        Assert.Equal(
            ["01-01", "01-15", "02-11", "03-21", "04-29", "05-03", "05-05", "09-15", "09-23", "10-10", "11-03", "11-23"],
            Dates(1970));

    [Theory]
    [InlineData(1948)]
    [InlineData(2100)]
    public void YearsOutsideTheSupportedRange_AreRefused(int year) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => JapaneseHolidays.In(year));
}
