using PrivacyPortal.Domain.Texts;

namespace PrivacyPortal.Domain.Common;

/// <summary>
/// Text a policy gives in Japanese, English or both. Policies are often published in one language only,
/// so either side may be missing; <see cref="In"/> falls back to the other rather than inventing a translation.
/// </summary>
public sealed record LocalizedText
{
    public string? Ja { get; init; }

    public string? En { get; init; }

    public static LocalizedText Of(string ja, string en) => new() { Ja = ja, En = en };

    /// <summary>A text the portal itself defines, in both languages from the text catalogue (profiles bring their own).</summary>
    /// <exception cref="KeyNotFoundException">The catalogue has no such key: a code defect a test finds.</exception>
    public static LocalizedText Catalogued(string key) =>
        new() { Ja = TextCatalogue.Text(TextCatalogue.Japanese, key), En = TextCatalogue.Text(TextCatalogue.English, key) };

    public bool IsEmpty() => string.IsNullOrWhiteSpace(Ja) && string.IsNullOrWhiteSpace(En);

    /// <summary>The text in <paramref name="language"/> ("ja" or "en"), or in the other language when only that one exists.</summary>
    public string In(string language) =>
        (language == "ja" ? Ja ?? En : En ?? Ja) ?? string.Empty;

    /// <summary>True when the text shown for <paramref name="language"/> is actually in that language.</summary>
    public bool HasLanguage(string language) =>
        !string.IsNullOrWhiteSpace(language == "ja" ? Ja : En);

    public override string ToString() => In("en");
}
