using PrivacyPortal.Domain.Audit;

namespace PrivacyPortal.Infrastructure.Audit;

/// <summary>
/// The last event of a chain. Every append locks this row first, so two writers on any provider take turns and the
/// chain never forks; the verifier compares it with the chain's last event, so a cut tail is seen.
/// </summary>
public sealed class AuditChainHead
{
    public string Chain { get; set; } = string.Empty;

    public long Seq { get; set; }

    public string Hash { get; set; } = AuditChain.Genesis;

    public DateTime UpdatedAtUtc { get; set; }
}

/// <summary>
/// A chain's head as it was written to the log once a day: a copy kept elsewhere (the log archive) proves the chain up
/// to that event was not rewritten afterwards, even by someone who can recompute every hash.
/// </summary>
public sealed class AuditCheckpoint
{
    public long Id { get; set; }

    public string Chain { get; set; } = string.Empty;

    /// <summary>The day in Japan the checkpoint is for.</summary>
    public DateOnly Day { get; set; }

    public long Seq { get; set; }

    public string Hash { get; set; } = AuditChain.Genesis;

    public DateTime AtUtc { get; set; }
}
