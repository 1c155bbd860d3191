namespace PrivacyPortal.Infrastructure.Jobs;

/// <summary>Which worker runs a whole-table job (housekeeping, retention, digests) until when: one at a time.</summary>
public sealed class JobLease
{
    public const int MaxNameLength = 60;

    public string Name { get; set; } = string.Empty;

    public string Holder { get; set; } = string.Empty;

    public DateTime UntilUtc { get; set; }
}
