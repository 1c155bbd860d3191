using System.Globalization;

namespace PrivacyPortal.Domain.Fees;

/// <summary>
/// An amount in the currency's minor unit (yen have none, so 1,100 yen is 1100). Stored as a long because
/// SQLite cannot compare decimals.
/// </summary>
public readonly record struct Money(long Minor, string Currency)
{
    public static Money Zero(string currency) => new(0, currency);

    public static Money operator +(Money left, Money right)
    {
        if (left.Currency != right.Currency)
        {
            throw new InvalidOperationException($"Cannot add {left.Currency} to {right.Currency}.");
        }

        return new Money(left.Minor + right.Minor, left.Currency);
    }

    public static Money Add(Money left, Money right) => left + right;

    /// <summary>Digits after the decimal point for the currencies the portal handles (ISO 4217).</summary>
    public int MinorDigits => Currency switch
    {
        "JPY" => 0,
        _ => 2,
    };

    /// <summary>"1,100 yen" / "1,100円" style text for people.</summary>
    public string Format(string language)
    {
        var major = MinorDigits == 0 ? Minor : Minor / (decimal)Math.Pow(10, MinorDigits);
        var number = major.ToString(MinorDigits == 0 ? "#,0" : "#,0.00", CultureInfo.InvariantCulture);
        return (Currency, language) switch
        {
            ("JPY", "ja") => $"{number}円",
            ("JPY", _) => $"{number} yen",
            _ => $"{number} {Currency}",
        };
    }

    public override string ToString() => $"{Minor} {Currency} (minor units)";
}
