using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace PrivacyPortal.Web.Staff;

/// <summary>
/// A bar chart drawn on the server as inline SVG: no script, no CDN, printable, and readable without the picture
/// (each chart is labelled and followed on the page by a table of the same numbers).
/// </summary>
public static class SvgChart
{
    private const int Width = 640;
    private const int RowHeight = 22;
    private const int LabelWidth = 200;
    private const int ValueWidth = 60;

    public static IHtmlContent Bars(string id, string title, IReadOnlyList<(string Label, long Value)> bars)
    {
        ArgumentNullException.ThrowIfNull(bars);
        var encoder = HtmlEncoder.Default;
        var height = Math.Max(1, bars.Count) * RowHeight + 8;
        var max = Math.Max(1, bars.Count == 0 ? 1 : bars.Max(b => b.Value));
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart\" id=\"{encoder.Encode(id)}\" role=\"img\" aria-labelledby=\"{encoder.Encode(id)}-title\" width=\"100%\" viewBox=\"0 0 {Width} {height}\" xmlns=\"http://www.w3.org/2000/svg\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"{encoder.Encode(id)}-title\">{encoder.Encode(title)}</title>");
        for (var i = 0; i < bars.Count; i++)
        {
            var (label, value) = bars[i];
            var y = 4 + (i * RowHeight);
            var length = (int)Math.Round((Width - LabelWidth - ValueWidth) * (double)value / max);
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{LabelWidth - 6}\" y=\"{y + 15}\" text-anchor=\"end\" font-size=\"12\">{encoder.Encode(Shorten(label))}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{LabelWidth}\" y=\"{y + 3}\" width=\"{Math.Max(length, value > 0 ? 1 : 0)}\" height=\"{RowHeight - 6}\" fill=\"#1d5fa8\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{LabelWidth + length + 4}\" y=\"{y + 15}\" font-size=\"12\">{value.ToString("N0", CultureInfo.InvariantCulture)}</text>");
        }

        svg.Append("</svg>");
        return new HtmlString(svg.ToString());
    }

    private static string Shorten(string label) => label.Length <= 30 ? label : label[..29] + "…";
}
