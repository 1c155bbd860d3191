namespace PrivacyPortal.Infrastructure.Audit;

/// <summary>
/// A controller's yearly transparency report as an administrator published it: the figures are frozen at publication
/// (later corrections publish again), so the public page always shows what the company stood behind.
/// </summary>
public sealed class TransparencyReport
{
    public const int MaxFiguresLength = 200_000;

    public long Id { get; set; }

    public string ControllerId { get; set; } = string.Empty;

    /// <summary>The fiscal year by its starting calendar year (FY2026 = the year starting in the profile's month of 2026).</summary>
    public int FiscalYear { get; set; }

    public DateTime PublishedAtUtc { get; set; }

    public string PublishedBy { get; set; } = string.Empty;

    /// <summary>The <see cref="RequestMetrics"/> of the year as JSON.</summary>
    public string Figures { get; set; } = string.Empty;

    /// <summary>Withdrawn from the public URL; the record stays.</summary>
    public DateTime? WithdrawnAtUtc { get; set; }
}
