using System.Collections.Frozen;
using System.Globalization;
using Microsoft.Extensions.Localization;
using PrivacyPortal.Domain.Texts;

namespace PrivacyPortal.Web.Localization;

/// <summary>
/// Pages' strings from the portal's one text catalogue (<see cref="TextCatalogue"/>), the same texts emails, letters
/// and jobs use.
/// </summary>
public sealed class JsonStringLocalizerFactory : IStringLocalizerFactory
{
    private readonly JsonStringLocalizer _localizer = new(LoadAll());

    public IStringLocalizer Create(Type resourceSource) => _localizer;

    public IStringLocalizer Create(string baseName, string location) => _localizer;

    public static FrozenDictionary<string, FrozenDictionary<string, string>> LoadAll() => TextCatalogue.All;

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
