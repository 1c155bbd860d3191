using System.Globalization;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using PrivacyPortal.Domain.Common;

namespace PrivacyPortal.Web.Localization;

public static partial class TextHtml
{
    /// <summary>
    /// A sentence of the text catalogue with its values put in, where a value may be HTML (a policy's text marked
    /// with its own language): the sentence and the plain values are encoded, the HTML values are kept as they are.
    /// </summary>
    public static IHtmlContent Sentence(Microsoft.Extensions.Localization.LocalizedString template, params object?[] values)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(values);
        var sentence = new HtmlContentBuilder();
        var parts = Placeholder().Split(template.Value);
        for (var i = 0; i < parts.Length; i++)
        {
            if (i % 2 == 0)
            {
                sentence.Append(parts[i]);
            }
            else if (values[int.Parse(parts[i], CultureInfo.InvariantCulture)] is IHtmlContent html)
            {
                sentence.AppendHtml(html);
            }
            else
            {
                sentence.Append(Convert.ToString(values[int.Parse(parts[i], CultureInfo.InvariantCulture)], CultureInfo.InvariantCulture));
            }
        }

        return sentence;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\{(\d+)\}")]
    private static partial System.Text.RegularExpressions.Regex Placeholder();

    /// <summary>
    /// A policy's text in the page's language, or in the other language when the policy gives only that one,
    /// marked with its own lang attribute so screen readers pronounce it correctly.
    /// </summary>
    public static IHtmlContent Text(this IHtmlHelper html, LocalizedText? text)
    {
        ArgumentNullException.ThrowIfNull(html);
        if (text is null || text.IsEmpty())
        {
            return HtmlString.Empty;
        }

        var language = Languages.Current;
        if (text.HasLanguage(language))
        {
            return new HtmlContentBuilder().Append(text.In(language));
        }

        var other = language == Languages.Japanese ? Languages.English : Languages.Japanese;
        var span = new TagBuilder("span");
        span.Attributes["lang"] = other;
        span.InnerHtml.Append(text.In(language));
        return span;
    }

    /// <summary>An aside in the page's typography: full-width brackets in Japanese, " (...)" in English.</summary>
    public static string Aside(string text) => Typography.Aside(text, Languages.Current);

    /// <summary>2024年4月1日 / 1 April 2024.</summary>
    public static string Date(DateOnly date) =>
        Languages.Current == Languages.Japanese
            ? $"{date.Year}年{date.Month}月{date.Day}日"
            : date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
}
