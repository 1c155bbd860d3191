using FsCheck;
using FsCheck.Fluent;
using PrivacyPortal.Domain.Calendars;
using PrivacyPortal.Domain.Deadlines;
using PrivacyPortal.Domain.Requests;

namespace PrivacyPortal.Domain.Tests.Deadlines;

/// <summary>Properties that hold for any receipt date from 1970 to 2099 and any pauses.</summary>
public sealed class DeadlineProperties
{
    private static readonly DateOnly First = new(1970, 1, 1);
    private static readonly int Span = new DateOnly(2099, 9, 30).DayNumber - First.DayNumber;

    private static readonly DeadlineRules JapaneseGdpr = DeadlineCalculatorTests.Japanese with
    {
        Gdpr = new BusinessCalendar(japaneseHolidays: true, yearEndClosure: false),
    };

    private static Arbitrary<(DateOnly Received, int PauseStart, int PauseDays)> Cases() =>
        (from offset in Gen.Choose(0, Span)
         from start in Gen.Choose(0, 3)
         from days in Gen.Choose(0, 60)
         select (DateOnly.FromDayNumber(First.DayNumber + offset), start, days)).ToArbitrary();

    private static Deadline Compute(DeadlineRules rules, Regime regime, DateOnly received, params ClockPause[] pauses) =>
        DeadlineCalculator.Compute(rules, regime, received, pauses, extended: false, asOf: received.AddDays(400));

    [Fact]
    public void ARolledForwardGdprDueDate_IsNeverAClosedDay() =>
        Prop.ForAll(Cases(), c =>
        {
            var pause = new ClockPause(c.Received.AddDays(c.PauseStart), c.Received.AddDays(c.PauseStart + c.PauseDays), PauseReason.AwaitingIdentityDocuments);
            return JapaneseGdpr.Gdpr.IsOpen(Compute(JapaneseGdpr, Regime.Gdpr, c.Received, pause).DueOn)
                && BusinessCalendar.WeekendsOnly.IsOpen(Compute(DeadlineCalculatorTests.Japanese, Regime.Gdpr, c.Received, pause).DueOn);
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void AddingAPause_NeverMovesADueDateEarlier() =>
        Prop.ForAll(Cases(), c =>
        {
            var pause = new ClockPause(c.Received.AddDays(c.PauseStart), c.Received.AddDays(c.PauseStart + c.PauseDays), PauseReason.AwaitingIdentityDocuments);
            return Enum.GetValues<Regime>().All(regime =>
                Compute(JapaneseGdpr, regime, c.Received, pause).DueOn >= Compute(JapaneseGdpr, regime, c.Received).DueOn);
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void TheAppiSendByDate_IsNeverAfterTheTarget_AndAlwaysOpen() =>
        Prop.ForAll(Cases(), c =>
        {
            var pause = new ClockPause(c.Received.AddDays(c.PauseStart), c.Received.AddDays(c.PauseStart + c.PauseDays), PauseReason.AwaitingFee);
            var deadline = Compute(DeadlineCalculatorTests.Japanese, Regime.Appi, c.Received, pause);
            var sendBy = deadline.Get(DeadlineKind.SendBy).Date;
            return sendBy <= deadline.DueOn && DeadlineCalculatorTests.Japanese.Office.IsOpen(sendBy);
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void TheArt39Date_IsAlways15DaysAfterArrival_WhateverThePauses() =>
        Prop.ForAll(Cases(), c =>
        {
            var pause = new ClockPause(c.Received.AddDays(c.PauseStart), c.Received.AddDays(c.PauseStart + c.PauseDays), PauseReason.AwaitingFee);
            return Compute(DeadlineCalculatorTests.Japanese, Regime.Appi, c.Received, pause).Get(DeadlineKind.EarliestSuit).Date == c.Received.AddDays(15);
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void EveryExplanation_EndsWithItsOwnDate_InBothLanguages() =>
        Prop.ForAll(Cases(), c =>
            Enum.GetValues<Regime>().All(regime =>
                Compute(JapaneseGdpr, regime, c.Received).Dates.All(d =>
                    d.Explain("en").Contains(ExplanationText.Date(d.Date, "en"), StringComparison.Ordinal)
                    && d.Explain("ja").Contains(ExplanationText.Date(d.Date, "ja"), StringComparison.Ordinal))))
        .QuickCheckThrowOnFailure();
}
