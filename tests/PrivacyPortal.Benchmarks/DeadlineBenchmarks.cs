using BenchmarkDotNet.Attributes;
using PrivacyPortal.Domain.Calendars;
using PrivacyPortal.Domain.Controllers;
using PrivacyPortal.Domain.Deadlines;
using PrivacyPortal.Domain.Requests;

namespace PrivacyPortal.Benchmarks;

/// <summary>One due date with its calendar and explanation steps, as a queue refresh or a status page computes it.</summary>
[MemoryDiagnoser]
public class DeadlineBenchmarks
{
    private static readonly DateOnly Received = new(2026, 12, 18);
    private static readonly ClockPause[] Pause = [new(new DateOnly(2026, 12, 19), new DateOnly(2026, 12, 24), PauseReason.AwaitingIdentityDocuments)];
    private readonly DeadlineRules _rules = DeadlineRules.For(new ProcedureProfile { Calendar = new BusinessCalendarSettings { GdprHolidays = "japan" } });

    [Benchmark(Description = "APPI due date, send-by over the year-end closure, one pause")]
    public DateOnly AppiDueDate() => DeadlineCalculator.Compute(_rules, Regime.Appi, Received, Pause, extended: false, asOf: Received).DueOn;

    [Benchmark(Description = "GDPR due date with roll-forward over Japanese holidays")]
    public DateOnly GdprDueDate() => DeadlineCalculator.Compute(_rules, Regime.Gdpr, Received, Pause, extended: false, asOf: Received).DueOn;

    [Benchmark(Description = "APPI due date and its explanation sentence")]
    public string AppiExplanation() => DeadlineCalculator.Compute(_rules, Regime.Appi, Received, Pause, extended: false, asOf: Received).Explain("ja");
}

/// <summary>Holiday look-ups against the cached year tables, and building a year's table from the rules.</summary>
[MemoryDiagnoser]
public class HolidayBenchmarks
{
    private static readonly DateOnly Day = new(2026, 9, 22);

    [Benchmark(Description = "Is 2026-09-22 a holiday? (cached year)")]
    public bool CachedLookup() => JapaneseHolidays.IsHoliday(Day);

    [Benchmark(Description = "Build one year's holiday table from the rules (uncached)")]
    public int BuildYear() => JapaneseHolidays.ComputeYear(2026).Count;

    [Benchmark(Description = "Add 10 business days on a Japanese office calendar")]
    public DateOnly AddBusinessDays() => new BusinessCalendar(japaneseHolidays: true, yearEndClosure: true).AddBusinessDays(new DateOnly(2026, 12, 24), 10);
}
