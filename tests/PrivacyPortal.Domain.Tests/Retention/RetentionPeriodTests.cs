using PrivacyPortal.Domain.Common;
using PrivacyPortal.Domain.Controllers;
using PrivacyPortal.Domain.Retention;

namespace PrivacyPortal.Domain.Tests.Retention;

public sealed class RetentionPeriodTests
{
    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    private static RetentionRule FiscalYears(int years, int startMonth = 4) => new()
    {
        Status = PublicationStatus.Published, Years = years, From = "fiscal-year-of-completion", FiscalYearStartMonth = startMonth, Source = "s",
    };

    [Fact]
    public void NYearsFromTheFiscalYearOfCompletion_CountFromTheNextFiscalYear()
    {
        var period = RetentionPeriod.For(FiscalYears(1), D("2024-06-10"))!;

        Assert.Equal(D("2026-03-31"), period.KeepUntil);
        Assert.Equal(D("2026-04-01"), period.DisposeFrom);
        Assert.Equal("Completed 2024-06-10 (FY2024); 1 year(s) counted from the next fiscal year's first day 2025-04-01; kept until 2026-03-31; disposed of from 2026-04-01", period.Explanation.En);
    }

    [Theory]
    [InlineData("2025-03-31", "2026-03-31")]
    [InlineData("2025-04-01", "2027-03-31")]
    [InlineData("2024-04-01", "2026-03-31")]
    [InlineData("2024-02-29", "2025-03-31")]
    public void TheFiscalYearEdge_IsBetween31MarchAnd1April(string completed, string keptUntil) =>
        Assert.Equal(D(keptUntil), RetentionPeriod.For(FiscalYears(1), D(completed))!.KeepUntil);

    [Fact]
    public void TheFiscalYearStartMonth_IsAProfileSetting() =>
        Assert.Equal(D("2025-12-31"), RetentionPeriod.For(FiscalYears(1, startMonth: 1), D("2024-06-10"))!.KeepUntil);

    [Theory]
    [InlineData("2024-06-10", 1, "2025-06-10")]
    [InlineData("2024-02-29", 1, "2025-02-28")]
    [InlineData("2024-06-10", 3, "2027-06-10")]
    public void NYearsFromCompletion_EndOnTheCorrespondingDay(string completed, int years, string keptUntil)
    {
        var rule = new RetentionRule { Status = PublicationStatus.Published, Years = years, From = "completion-date", Source = "s" };

        var period = RetentionPeriod.For(rule, D(completed))!;

        Assert.Equal(D(keptUntil), period.KeepUntil);
        Assert.Equal(D(keptUntil).AddDays(1), period.DisposeFrom);
    }

    [Fact]
    public void AnUnpublishedRetention_GivesNoDates() =>
        Assert.Null(RetentionPeriod.For(new RetentionRule { Status = PublicationStatus.NotPublished, Source = "s" }, D("2024-06-10")));

    [Fact]
    public void IdentityImages_AreDeletedOnVerification_UnlessTheProfileKeepsThem()
    {
        Assert.Equal(D("2026-12-01"), RetentionPeriod.IdentityImagesDeletedOn(new IdentityRequirements(), D("2026-12-01")));
        Assert.Null(RetentionPeriod.IdentityImagesDeletedOn(new IdentityRequirements { KeepDocumentImagesAfterVerification = true }, D("2026-12-01")));
    }

    [Theory]
    [InlineData("2024-03-31", 4, 2023)]
    [InlineData("2024-04-01", 4, 2024)]
    [InlineData("2024-12-31", 1, 2024)]
    [InlineData("2024-09-30", 10, 2023)]
    public void FiscalYears_AreNamedByTheirStartingYear(string date, int startMonth, int name) =>
        Assert.Equal(name, FiscalYear.Containing(D(date), startMonth).Name);
}
