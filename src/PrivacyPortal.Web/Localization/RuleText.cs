using Microsoft.Extensions.Localization;
using PrivacyPortal.Domain.Common;
using PrivacyPortal.Domain.Requests;

namespace PrivacyPortal.Web.Localization;

/// <summary>A refused rule (<see cref="DomainException"/>) in the reader's language, on public and staff pages alike.</summary>
public static class RuleText
{
    /// <summary>
    /// The catalogue's "Rule.{code}" text. Every rule text may state the limits: {0} megabytes a document may weigh,
    /// {1} files and {2} megabytes an answer may carry; the rule's own values follow from {3}, a
    /// <see cref="LocalizedText"/> among them in the reader's language. A code the catalogue lacks (a test keeps
    /// there from being one) falls back to the rule's English words.
    /// </summary>
    public static string Explain(IStringLocalizer text, DomainException error)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(error);
        var language = Languages.Current;
        object[] values =
        [
            RequestDocument.MaxMegabytes, DisclosedFile.MaxFilesPerRequest, DisclosedFile.MaxMegabytesPerRequest,
            .. error.Arguments.Select(a => a is LocalizedText localizedText ? localizedText.In(language) : a ?? string.Empty),
        ];
        var localized = text["Rule." + error.Code, values];
        return localized.ResourceNotFound ? error.Message : localized.Value;
    }
}
