using System.Net;
using System.Text.RegularExpressions;

namespace PrivacyPortal.Web.Tests.Support;

public static partial class Html
{
    /// <summary>The visible text of a page: tags removed, entities decoded, whitespace collapsed.</summary>
    public static string Text(string html) =>
        Whitespace().Replace(WebUtility.HtmlDecode(Tags().Replace(html, " ")), " ");

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
