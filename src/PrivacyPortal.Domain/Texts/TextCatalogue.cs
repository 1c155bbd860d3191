using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;

namespace PrivacyPortal.Domain.Texts;

/// <summary>
/// The portal's one text catalogue: two JSON files of key/value pairs, one per language, embedded in the domain
/// assembly (the one every other project references) so that the domain's explanations, pages, emails, letters and
/// jobs say a thing the same way. Translators edit plain JSON; a test keeps both files' keys identical. Placeholders are <see cref="string.Format(IFormatProvider, string, object[])"/>'s {0}, {1}.
/// </summary>
public static class TextCatalogue
{
    public const string Japanese = "ja";
    public const string English = "en";

    public static IReadOnlyList<string> Languages { get; } = [Japanese, English];

    public static FrozenDictionary<string, FrozenDictionary<string, string>> All { get; } =
        Languages.ToFrozenDictionary(language => language, Load);

    /// <summary>The text for <paramref name="key"/> in <paramref name="language"/> (English for any other language).</summary>
    /// <exception cref="KeyNotFoundException">The catalogue has no such key: a code defect a test finds.</exception>
    public static string Text(string language, string key) =>
        All[language == Japanese ? Japanese : English].TryGetValue(key, out var text)
            ? text
            : throw new KeyNotFoundException($"The text catalogue has no key {key}.");

    /// <summary>The text with its placeholders filled, numbers and dates written invariantly (callers format them first).</summary>
    public static string Format(string language, string key, params object?[] values) =>
        string.Format(CultureInfo.InvariantCulture, Text(language, key), values);

    private static FrozenDictionary<string, string> Load(string language)
    {
        var name = $"PrivacyPortal.Texts.Texts.{language}.json";
        using var stream = typeof(TextCatalogue).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded resource {name} is missing.");
        var values = JsonSerializer.Deserialize<Dictionary<string, string>>(stream)
            ?? throw new InvalidOperationException($"Embedded resource {name} is empty.");
        return values.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
