using System.Collections.Frozen;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using Microsoft.Extensions.Localization;

namespace PrivacyPortal.Web.Localization;

/// <summary>
/// UI strings from two JSON files, one per language, embedded in the assembly. Translators edit plain
/// key/value JSON; a test keeps both files' keys identical.
/// </summary>
public sealed class JsonStringLocalizerFactory : IStringLocalizerFactory
{
    private readonly JsonStringLocalizer _localizer = new(LoadAll());

    public IStringLocalizer Create(Type resourceSource) => _localizer;

    public IStringLocalizer Create(string baseName, string location) => _localizer;

    public static FrozenDictionary<string, FrozenDictionary<string, string>> LoadAll() =>
        Languages.All.ToFrozenDictionary(language => language, Load);

    private static FrozenDictionary<string, string> Load(string language)
    {
        var assembly = Assembly.GetExecutingAssembly();
        var name = $"PrivacyPortal.Web.Resources.Texts.{language}.json";
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded resource {name} is missing.");
        var values = JsonSerializer.Deserialize<Dictionary<string, string>>(stream)
            ?? throw new InvalidOperationException($"Embedded resource {name} is empty.");
        return values.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private sealed class JsonStringLocalizer(FrozenDictionary<string, FrozenDictionary<string, string>> texts) : IStringLocalizer
    {
        public LocalizedString this[string name]
        {
            get
            {
                var found = texts[Languages.Current].TryGetValue(name, out var value);
                return new LocalizedString(name, value ?? name, resourceNotFound: !found);
            }
        }

        public LocalizedString this[string name, params object[] arguments]
        {
            get
            {
                var format = this[name];
                return new LocalizedString(name, string.Format(CultureInfo.CurrentCulture, format.Value, arguments), format.ResourceNotFound);
            }
        }

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) =>
            texts[Languages.Current].Select(pair => new LocalizedString(pair.Key, pair.Value, resourceNotFound: false));
    }
}
