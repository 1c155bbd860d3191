using System.Globalization;
using PrivacyPortal.Domain.Calendars;
using PrivacyPortal.Domain.Common;
using PrivacyPortal.Domain.Texts;

namespace PrivacyPortal.Infrastructure.Letters;

/// <summary>How a letter writes dates: 2026年11月24日, optionally with the era year (令和8年11月24日), or 24 November 2026.</summary>
public sealed class LetterFormat(string language, bool eraYear, PostalAddressee? addressee = null, string? onBehalfOf = null)
{
    /// <summary>
    /// Set when the letter is addressed to a representative or agent: the name of the person they act for, which the
    /// salutation adds after the agent's name.
    /// </summary>
    public string? OnBehalfOf { get; } = onBehalfOf;

    /// <summary>Set for a letter that goes by post: its address block is placed for a window envelope.</summary>
    public PostalAddressee? Addressee { get; } = addressee;

    public string Language { get; } = language;

    public bool Japanese => Language == TextCatalogue.Japanese;

    /// <summary>A text from the catalogue in the letter's language, its placeholders filled.</summary>
    public string T(string key, params object?[] values) => TextCatalogue.Format(Language, key, values);

    /// <summary>An aside in the letter's own typography: full-width brackets in Japanese, " (...)" in English.</summary>
    public string Aside(string text) => Typography.Aside(text, Language);

    /// <summary>A statute citation as this letter's language cites it.</summary>
    public string Cite(string article) => Citation.Of(article, Language);

    public string D(DateOnly date) => Japanese
        ? (eraYear ? $"{JapaneseDates.Era(date)}（{JapaneseDates.Western(date)}）" : JapaneseDates.Western(date))
        : date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
}

/// <summary>Who a posted letter goes to, as the address block prints it.</summary>
public sealed record PostalAddressee(string Name, string PostalCode, string Address)
{
    /// <summary>A Japanese postal code is printed 〒100-0001; a foreign one as it was given.</summary>
    public string PostalLine => System.Text.RegularExpressions.Regex.IsMatch(PostalCode, @"^\d{7}$")
        ? $"〒{PostalCode[..3]}-{PostalCode[3..]}"
        : System.Text.RegularExpressions.Regex.IsMatch(PostalCode, @"^\d{3}-\d{4}$") ? "〒" + PostalCode : PostalCode;
}
