namespace PrivacyPortal.Web.Localization;

/// <summary>Marker for the portal's shared UI strings (Resources/Texts.ja.json, Resources/Texts.en.json).</summary>
public sealed class Texts;
