using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace PrivacyPortal.Domain.Common;

/// <summary>
/// A statute citation in the reader's language. Articles are kept in the English form the code cites them in
/// ("APPI Art. 33(2)(i)"); Japanese readers see the form Japanese statutes are cited in (個人情報保護法第33条第2項第1号:
/// 条, 項 for a numbered paragraph, 号 for an item, ただし書 for a proviso). Anything not a statute citation, such as
/// a policy's section, is shown as it is.
/// </summary>
public static partial class Citation
{
    [GeneratedRegex(@"^(APPI|GDPR) Art\. (.+?)( proviso)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Statute();

    [GeneratedRegex(@"^(\d+)?((?:\([0-9a-z]+\))*)$", RegexOptions.CultureInvariant)]
    private static partial Regex Reference();

    [GeneratedRegex(@"\(([0-9a-z]+)\)", RegexOptions.CultureInvariant)]
    private static partial Regex Subdivision();

    private static readonly string[] RomanItems = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"];

    public static string Of(string article, string language)
    {
        ArgumentNullException.ThrowIfNull(article);
        if (language != "ja")
        {
            return article;
        }

        var statute = Statute().Match(article);
        if (!statute.Success)
        {
            return article;
        }

        var text = new StringBuilder(statute.Groups[1].Value == "APPI" ? "個人情報保護法" : "GDPR");
        var first = true;
        foreach (var part in statute.Groups[2].Value.Split(", "))
        {
            var reference = Reference().Match(part);
            if (!reference.Success || (first && reference.Groups[1].Length == 0))
            {
                return article;
            }

            if (!first)
            {
                text.Append('、');
            }

            if (reference.Groups[1].Length > 0)
            {
                text.Append(CultureInfo.InvariantCulture, $"第{reference.Groups[1].Value}条");
            }

            var subdivisions = Subdivision().Matches(reference.Groups[2].Value);
            for (var k = 0; k < subdivisions.Count; k++)
            {
                var value = subdivisions[k].Groups[1].Value;
                var item = Array.IndexOf(RomanItems, value);
                if (k == 0 && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out _))
                {
                    text.Append(CultureInfo.InvariantCulture, $"第{value}項");
                }
                else if (item >= 0)
                {
                    text.Append(CultureInfo.InvariantCulture, $"第{item + 1}号");
                }
                else
                {
                    // GDPR points are letters: Art. 17(3)(a) stays (a).
                    text.Append(CultureInfo.InvariantCulture, $"({value})");
                }
            }

            first = false;
        }

        if (statute.Groups[3].Success)
        {
            text.Append("ただし書");
        }

        return text.ToString();
    }
}

/// <summary>How each language sets text apart.</summary>
public static class Typography
{
    /// <summary>An aside: full-width brackets in Japanese, " (...)" in English.</summary>
    public static string Aside(string text, string language) => language == "ja" ? $"（{text}）" : $" ({text})";
}
