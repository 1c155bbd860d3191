using PrivacyPortal.Domain.Calendars;
using PrivacyPortal.Domain.Common;
using PrivacyPortal.Domain.Controllers;
using PrivacyPortal.Domain.Deadlines;
using PrivacyPortal.Domain.Requests;

namespace PrivacyPortal.Domain.Tests.Deadlines;

public sealed class DeadlineCalculatorTests
{
    internal static readonly DeadlineRules Japanese = new(new ResponseTargets(), new BusinessCalendar(japaneseHolidays: true, yearEndClosure: true), BusinessCalendar.WeekendsOnly);

    internal static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    private static Deadline Compute(Regime regime, string received, bool extended = false, DeadlineRules? rules = null, params ClockPause[] pauses) =>
        DeadlineCalculator.Compute(rules ?? Japanese, regime, D(received), pauses, extended, asOf: D(received).AddDays(200));

    [Fact]
    public void Appi_InternalTarget_Is14CalendarDaysFromReceipt()
    {
        var deadline = Compute(Regime.Appi, "2024-04-26");

        Assert.Equal(D("2024-05-10"), deadline.DueOn);
        Assert.Equal(D("2024-05-10"), deadline.Get(DeadlineKind.SendBy).Date);
    }

    [Fact]
    public void Appi_APause_PushesTheTarget_AndTheExplanationReadsInBothLanguages()
    {
        var deadline = Compute(Regime.Appi, "2026-11-24", pauses: new ClockPause(D("2026-11-26"), D("2026-11-29"), PauseReason.AwaitingIdentityDocuments));

        Assert.Equal(D("2026-12-11"), deadline.DueOn);
        Assert.Equal(
            "Received 2026-11-24; internal target 14 days; paused 3 days awaiting identity documents; target date 2026-12-11; send by 2026-12-11",
            deadline.Explain("en"));
        Assert.Equal(
            "2026年11月24日受付、社内目標14日、本人確認書類待ちで3日停止、回答予定日2026年12月11日、発送予定日2026年12月11日。",
            deadline.Explain("ja"));
    }

    [Fact]
    public void Appi_ATargetOnAClosedDay_IsNeverRolledForward_TheAnswerGoesOutTheBusinessDayBefore()
    {
        // 2026-12-18 + 14 = 2027-01-01: New Year's Day inside the year-end closure; the last open day before is Mon 2026-12-28.
        var deadline = Compute(Regime.Appi, "2026-12-18");

        Assert.Equal(D("2027-01-01"), deadline.DueOn);
        var sendBy = deadline.Get(DeadlineKind.SendBy);
        Assert.Equal(D("2026-12-28"), sendBy.Date);
        Assert.Equal("2027-01-01 is closed (New Year's Day), so send by the previous business day 2026-12-28", sendBy.Explain("en"));
        Assert.Equal("2027年1月1日は元日のため前営業日2026年12月28日までに発送。", sendBy.Explain("ja"));
    }

    [Fact]
    public void Appi_EarliestSuit_IsArrivalPlus15Days_Art39()
    {
        var deadline = Compute(Regime.Appi, "2024-06-03");

        var suit = deadline.Get(DeadlineKind.EarliestSuit);
        Assert.Equal(D("2024-06-18"), suit.Date);
        Assert.Equal("Received 2024-06-03; day of receipt not counted; two weeks end 2024-06-17; earliest day to file a lawsuit 2024-06-18 (APPI Art. 39)", suit.Explain("en"));
    }

    [Fact]
    public void Appi_PausesDoNotMoveTheArt39Date()
    {
        var deadline = Compute(Regime.Appi, "2024-06-03", pauses: new ClockPause(D("2024-06-04"), D("2024-06-20"), PauseReason.AwaitingFee));

        Assert.Equal(D("2024-06-18"), deadline.Get(DeadlineKind.EarliestSuit).Date);
        Assert.Equal(D("2024-07-03"), deadline.DueOn);
    }

    [Fact]
    public void Appi_Escalation_IsAtDay10_PlusPauses()
    {
        var deadline = Compute(Regime.Appi, "2026-11-24", pauses: new ClockPause(D("2026-11-26"), D("2026-11-29"), PauseReason.AwaitingIdentityDocuments));

        Assert.Equal(D("2026-12-07"), deadline.Get(DeadlineKind.Escalation).Date);
    }

    [Fact]
    public void Appi_TheProfilesOwnTarget_IsUsed()
    {
        var rules = Japanese with { Targets = new ResponseTargets { InternalTargetDays = 7, EscalationDays = 5 } };

        var deadline = Compute(Regime.Appi, "2026-11-24", rules: rules);

        Assert.Equal(D("2026-12-01"), deadline.DueOn);
        Assert.Contains("internal target 7 days", deadline.Explain("en"), StringComparison.Ordinal);
    }

    [Fact]
    public void Appi_AnOngoingPause_CountsUpToToday()
    {
        var deadline = DeadlineCalculator.Compute(Japanese, Regime.Appi, D("2026-11-24"), [new ClockPause(D("2026-11-26"), null, PauseReason.AwaitingFee)], extended: false, asOf: D("2026-12-01"));

        Assert.Equal(D("2026-12-13"), deadline.DueOn);
        Assert.Contains("paused since 2026-11-26 awaiting the fee (5 days so far)", deadline.Explain("en"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2024-03-05", "2024-04-05")]
    [InlineData("2025-01-31", "2025-02-28")]
    [InlineData("2024-01-31", "2024-02-29")]
    [InlineData("2026-08-31", "2026-09-30")]
    [InlineData("2026-10-28", "2026-11-30")]
    [InlineData("2026-12-31", "2027-02-01")]
    public void Gdpr_OneMonth_Reg1182_71(string received, string due) =>
        Assert.Equal(D(due), Compute(Regime.Gdpr, received).DueOn);

    [Fact]
    public void Gdpr_AMonthEndingOnASaturday_EndsOnTheNextWorkingDay()
    {
        var deadline = Compute(Regime.Gdpr, "2026-10-28");

        Assert.Equal("Received 2026-10-28; day of receipt not counted; one month: 2026-11-28; 2026-11-28 is closed (Saturday), so the next working day 2026-11-30; due 2026-11-30", deadline.Explain("en"));
    }

    [Fact]
    public void Gdpr_AClampedMonth_SaysSo() =>
        Assert.Contains("no such day that month, so its last day 2025-02-28", Compute(Regime.Gdpr, "2025-01-31").Explain("en"), StringComparison.Ordinal);

    [Fact]
    public void Gdpr_JapaneseHolidays_CountOnlyWhenTheProfileSaysSo()
    {
        var japan = Japanese with { Gdpr = new BusinessCalendar(japaneseHolidays: true, yearEndClosure: false) };

        // 2026-10-12 is Sports Day: open on the default weekend calendar, closed on the Japanese one.
        Assert.Equal(D("2026-10-12"), Compute(Regime.Gdpr, "2026-09-12").DueOn);
        Assert.Equal(D("2026-10-13"), Compute(Regime.Gdpr, "2026-09-12", rules: japan).DueOn);
    }

    [Fact]
    public void Gdpr_Extension_IsTwoFurtherMonths_NotifiedWithinTheFirst()
    {
        var deadline = Compute(Regime.Gdpr, "2024-03-05", extended: true);

        Assert.Equal(D("2024-06-05"), deadline.DueOn);
        Assert.Equal(D("2024-04-05"), deadline.Get(DeadlineKind.ExtensionNoticeBy).Date);
        Assert.Contains("the first month ends 2024-04-05; 2 further months from then: 2024-06-05", deadline.Explain("en"), StringComparison.Ordinal);
    }

    [Fact]
    public void Gdpr_TheExtendedEnd_CountsTwoMonthsFromTheFirstMonthsEnd_NotThreeFromReceipt()
    {
        // LEGAL.md: received 2026-01-31, first month ends 2026-02-28 (no 31 February), extended end 2026-04-28, not
        // 2026-04-30 (three months from receipt). 2026-02-28 is a Saturday: the roll-forward moves only the
        // first month's own answer date, not the point the further months count from.
        var deadline = Compute(Regime.Gdpr, "2026-01-31", extended: true);

        Assert.Equal(D("2026-04-28"), deadline.DueOn);
        Assert.Equal(D("2026-03-02"), deadline.Get(DeadlineKind.ExtensionNoticeBy).Date);
        Assert.Contains("the first month ends 2026-02-28", deadline.Explain("en"), StringComparison.Ordinal);
        Assert.Contains("最初の1か月の末日2026年2月28日、そこから2か月延長して2026年4月28日", deadline.Explain("ja"), StringComparison.Ordinal);
    }

    [Fact]
    public void Appi_TheEarliestSuitDate_IsLeftOutWhereArt39DoesNotApply()
    {
        var deadline = DeadlineCalculator.Compute(Japanese, Regime.Appi, D("2024-06-03"), [], extended: false, D("2024-06-03"), earliestSuit: false);

        Assert.Null(deadline.Find(DeadlineKind.EarliestSuit));
        Assert.Equal(D("2024-06-17"), deadline.DueOn);
    }

    [Fact]
    public void Gdpr_AnIdentityRequestWithoutUndueDelay_SuspendsThePeriod()
    {
        var deadline = Compute(Regime.Gdpr, "2024-03-05", pauses: new ClockPause(D("2024-03-06"), D("2024-03-16"), PauseReason.AwaitingIdentityDocuments));

        Assert.Equal(D("2024-04-15"), deadline.DueOn);
    }

    [Fact]
    public void Gdpr_AnIdentityRequestMadeLate_DoesNotSuspend()
    {
        var deadline = Compute(Regime.Gdpr, "2024-03-05", pauses: new ClockPause(D("2024-03-20"), D("2024-03-30"), PauseReason.AwaitingIdentityDocuments));

        Assert.Equal(D("2024-04-05"), deadline.DueOn);
        Assert.Contains("more than 3 days after receipt, so the period is not suspended", deadline.Explain("en"), StringComparison.Ordinal);
    }

    [Fact]
    public void Gdpr_WaitingForAFee_DoesNotSuspend()
    {
        var deadline = Compute(Regime.Gdpr, "2024-03-05", pauses: new ClockPause(D("2024-03-06"), D("2024-03-16"), PauseReason.AwaitingFee));

        Assert.Equal(D("2024-04-05"), deadline.DueOn);
    }

    [Fact]
    public void Ccpa_Answer45Days_Acknowledge10BusinessDays_OptOut15_CountingTheDayOfReceipt()
    {
        var deadline = Compute(Regime.Ccpa, "2026-11-24");

        Assert.Equal(D("2027-01-07"), deadline.DueOn);
        Assert.Equal(D("2026-12-07"), deadline.Get(DeadlineKind.AcknowledgeBy).Date);
        Assert.Equal(D("2026-12-14"), deadline.Get(DeadlineKind.OptOutBy).Date);
        Assert.Equal(D("2027-01-07"), deadline.Get(DeadlineKind.ExtensionNoticeBy).Date);
    }

    [Fact]
    public void Ccpa_OneExtension_Gives90Days()
    {
        Assert.Equal(D("2027-02-21"), Compute(Regime.Ccpa, "2026-11-24", extended: true).DueOn);
    }

    [Fact]
    public void Ccpa_VerificationNeverPausesTheClock()
    {
        var deadline = Compute(Regime.Ccpa, "2026-11-24", pauses: new ClockPause(D("2026-11-25"), D("2026-12-20"), PauseReason.AwaitingIdentityDocuments));

        Assert.Equal(D("2027-01-07"), deadline.DueOn);
        Assert.Contains("time awaiting identity documents does not stop this clock", deadline.Explain("en"), StringComparison.Ordinal);
    }

    [Fact]
    public void Ccpa_ReceiptOnAWeekend_CountsFromTheNextBusinessDay() =>
        // Sat 2026-11-28: business days Mon 11-30 (1) .. Fri 12-11 (10).
        Assert.Equal(D("2026-12-11"), Compute(Regime.Ccpa, "2026-11-28").Get(DeadlineKind.AcknowledgeBy).Date);

    [Fact]
    public void APauseBeforeReceipt_IsRefused()
    {
        var error = Assert.Throws<DomainException>(() => Compute(Regime.Appi, "2026-11-24", pauses: new ClockPause(D("2026-11-20"), D("2026-11-25"), PauseReason.AwaitingFee)));

        Assert.Contains("before the request was received", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OverlappingPauses_AreRefused() =>
        Assert.Throws<DomainException>(() => Compute(
            Regime.Appi,
            "2026-11-24",
            pauses: [new ClockPause(D("2026-11-25"), D("2026-11-30"), PauseReason.AwaitingFee), new ClockPause(D("2026-11-28"), D("2026-12-02"), PauseReason.AwaitingIdentityDocuments)]));

    [Fact]
    public void APauseEndingBeforeItStarts_IsRefused() =>
        Assert.Throws<DomainException>(() => new ClockPause(D("2026-11-25"), D("2026-11-24"), PauseReason.AwaitingFee));

    [Fact]
    public void RulesFromAProfile_UseItsTargetsAndCalendars()
    {
        var profile = new ProcedureProfile
        {
            Targets = new ResponseTargets { InternalTargetDays = 10, EscalationDays = 7 },
            Calendar = new BusinessCalendarSettings { YearEndClosure = false, GdprHolidays = "japan", Closures = [D("2026-12-30")] },
        };

        var rules = DeadlineRules.For(profile);

        Assert.Equal(10, rules.Targets.InternalTargetDays);
        Assert.True(rules.Office.IsClosed(D("2026-12-30")));
        Assert.True(rules.Office.IsOpen(D("2026-12-29")));
        Assert.True(rules.Gdpr.IsClosed(D("2026-11-23")));
    }
}
