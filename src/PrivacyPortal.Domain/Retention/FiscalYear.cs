namespace PrivacyPortal.Domain.Retention;

/// <summary>
/// A fiscal year, named by the calendar year it starts in (FY2024 = 2024-04-01..2025-03-31 when it starts in April,
/// the Japanese default). The start month is a per-controller setting.
/// </summary>
public sealed record FiscalYear(int Name, DateOnly Start, DateOnly End)
{
    public static FiscalYear Containing(DateOnly date, int startMonth)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(startMonth, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(startMonth, 12);
        var startYear = date.Month >= startMonth ? date.Year : date.Year - 1;
        var start = new DateOnly(startYear, startMonth, 1);
        return new FiscalYear(startYear, start, start.AddYears(1).AddDays(-1));
    }

    public FiscalYear Next() => new(Name + 1, Start.AddYears(1), End.AddYears(1));

    public override string ToString() => $"FY{Name}";
}
