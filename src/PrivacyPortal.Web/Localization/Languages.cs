using System.Globalization;

namespace PrivacyPortal.Web.Localization;

/// <summary>The portal's two languages. Japanese for Japanese visitors; English otherwise.</summary>
public static class Languages
{
    public const string Japanese = "ja";
    public const string English = "en";

    public static IReadOnlyList<string> All { get; } = [Japanese, English];

    /// <summary>"ja" or "en" for the current request.</summary>
    public static string Current =>
        CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == Japanese ? Japanese : English;
}
