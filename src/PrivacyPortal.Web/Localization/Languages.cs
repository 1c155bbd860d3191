using System.Globalization;
using PrivacyPortal.Domain.Texts;

namespace PrivacyPortal.Web.Localization;

/// <summary>The portal's two languages. Japanese for Japanese visitors; English otherwise.</summary>
public static class Languages
{
    public const string Japanese = TextCatalogue.Japanese;
    public const string English = TextCatalogue.English;

    public static IReadOnlyList<string> All => TextCatalogue.Languages;

    /// <summary>"ja" or "en" for the current request.</summary>
    public static string Current =>
        CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == Japanese ? Japanese : English;

    /// <summary>Texts in another person's language (an email to a colleague) until disposed; the request's language after.</summary>
    public static IDisposable Use(string language) => new CultureScope(language == Japanese ? Japanese : English);

    private sealed class CultureScope : IDisposable
    {
        private readonly CultureInfo _culture = CultureInfo.CurrentCulture;
        private readonly CultureInfo _uiCulture = CultureInfo.CurrentUICulture;

        public CultureScope(string language)
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(language);
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);
        }

        public void Dispose()
        {
            CultureInfo.CurrentCulture = _culture;
            CultureInfo.CurrentUICulture = _uiCulture;
        }
    }
}
