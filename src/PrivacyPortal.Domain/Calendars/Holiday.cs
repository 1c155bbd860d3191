namespace PrivacyPortal.Domain.Calendars;

public enum HolidayKind
{
    /// <summary>A 国民の祝日 named in the Act on National Holidays (Act No. 178 of 1948) as it stood that year.</summary>
    National,

    /// <summary>振替休日: the day off for a national holiday that fell on a Sunday (Art. 3(2), since 1973-04-12).</summary>
    Substitute,

    /// <summary>国民の休日: a day between two national holidays (Art. 3(3), since 1985-12-27).</summary>
    Citizens,

    /// <summary>A day off declared by a one-off law (weddings, funerals, enthronements).</summary>
    SpecialLaw,
}

/// <summary>A Japanese public holiday with its official Japanese name and an English name.</summary>
public sealed record Holiday(DateOnly Date, string NameJa, string NameEn, HolidayKind Kind)
{
    public string Name(string language) => language == "ja" ? NameJa : NameEn;
}
