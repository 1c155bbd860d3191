namespace PrivacyPortal.Infrastructure.Requests;

/// <summary>The last reference number given in a series ("NTTSMC-2026"): one row per controller series and year.</summary>
public sealed class ReferenceCounter
{
    public const int MaxSeriesLength = 40;

    public string Series { get; set; } = string.Empty;

    public int Last { get; set; }
}
