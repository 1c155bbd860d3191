using System.Globalization;

namespace PrivacyPortal.Web.Staff;

/// <summary>How the metrics' figures are written, the same on the staff pages and in the public report.</summary>
public static class FigureText
{
    public static string Rate(double? rate) => rate is { } r ? (r * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "-";

    public static string Days(double? days) => days is { } d ? d.ToString("0.#", CultureInfo.InvariantCulture) : "-";
}
