using Microsoft.EntityFrameworkCore;
using PrivacyPortal.Domain.Audit;
using PrivacyPortal.Infrastructure.Data;
using PrivacyPortal.Infrastructure.Staff;

namespace PrivacyPortal.Infrastructure.Audit;

/// <summary>What broke a chain at its first broken link.</summary>
public enum ChainBreak
{
    /// <summary>The event's content, sequence number or place no longer matches its hash.</summary>
    Changed,

    /// <summary>The event does not follow the one before it (its previous hash is another event's).</summary>
    NotLinked,

    /// <summary>Events are missing between two that remain.</summary>
    Missing,

    /// <summary>The chain ends before the head the portal last wrote: the tail was cut.</summary>
    Truncated,

    /// <summary>Events past the head the portal last wrote: not written through the portal.</summary>
    BeyondHead,

    /// <summary>A daily checkpoint names another hash for its event: the chain was rewritten after that day.</summary>
    Rewritten,
}

public sealed record ChainFault(ChainBreak Kind, long Seq, string Message);

/// <summary>One chain's verification: how many events were checked, the head, and the first broken link if any.</summary>
public sealed record ChainReport(string Chain, long From, long Checked, long LastSeq, long HeadSeq, string HeadHash, int CheckpointsMatched, ChainFault? Fault)
{
    public bool Intact => Fault is null;
}

/// <summary>
/// Recomputes a chain from the database, streaming its events in sequence order (constant memory), and names the
/// first broken link: a changed or moved event, a missing run, a cut tail, events past the head, or a checkpoint the
/// chain no longer matches.
/// </summary>
public static class AuditChainVerifier
{
    public static async Task<IReadOnlyList<ChainReport>> VerifyAllAsync(PortalDbContext db, long from = 1, CancellationToken cancellationToken = default) =>
    [
        await VerifyAsync(db, AuditChain.Cases, from, cancellationToken),
        await VerifyAsync(db, AuditChain.Administration, from, cancellationToken),
    ];

    public static async Task<ChainReport> VerifyAsync(PortalDbContext db, string chain, long from = 1, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        from = Math.Max(1, from);
        var head = await db.AuditChainHeads.AsNoTracking().SingleAsync(h => h.Chain == chain, cancellationToken);
        var checkpoints = await db.AuditCheckpoints.AsNoTracking().Where(c => c.Chain == chain && c.Seq >= from)
            .ToDictionaryAsync(c => c.Seq, c => c, cancellationToken);
        var rows = chain == AuditChain.Cases
            ? db.AuditEvents.AsNoTracking().Where(e => e.Seq >= from).OrderBy(e => e.Seq)
                .Select(e => new Row(e.Seq, e.Hash, e.PrevHash, AuditEvent.Fields(e.RequestId, e.AtUtc, e.Actor, e.Action, e.FromStatus, e.ToStatus, e.Detail, e.TextDigest)))
            : db.AdminAuditEvents.AsNoTracking().Where(e => e.Seq >= from).OrderBy(e => e.Seq)
                .Select(e => new Row(e.Seq, e.Hash, e.PrevHash, AdminAuditEvent.Fields(e.AtUtc, e.Actor, e.Action, e.Subject, e.Detail)));

        long expected = from;
        string? previous = null;
        long checkedCount = 0;
        var matched = 0;
        var lastSeq = from - 1;
        ChainReport Report(ChainFault? fault) => new(chain, from, checkedCount, lastSeq, head.Seq, head.Hash, matched, fault);

        await foreach (var row in rows.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (row.Seq > head.Seq)
            {
                return Report(new(ChainBreak.BeyondHead, row.Seq, $"Event {row.Seq} lies past the last event the portal wrote ({head.Seq}): it was added outside the portal."));
            }

            if (row.Seq != expected)
            {
                var message = row.Seq - expected == 1 ? $"Event {expected} is missing." : $"Events {expected} to {row.Seq - 1} are missing.";
                return Report(new(ChainBreak.Missing, expected, message));
            }

            // The first event checked is trusted to follow its predecessor when verifying from the middle.
            if (previous is null)
            {
                previous = from == 1 ? AuditChain.Genesis : row.PrevHash;
            }

            if (!string.Equals(AuditChain.Compute(row.Seq, row.PrevHash, row.Fields), row.Hash, StringComparison.Ordinal))
            {
                return Report(new(ChainBreak.Changed, row.Seq, $"Event {row.Seq} does not match its hash: its content, its number or its place was changed after it was written."));
            }

            if (!string.Equals(row.PrevHash, previous, StringComparison.Ordinal))
            {
                return Report(new(ChainBreak.NotLinked, row.Seq, $"Event {row.Seq} does not follow event {row.Seq - 1}: an event was inserted, removed or moved there."));
            }

            if (checkpoints.TryGetValue(row.Seq, out var checkpoint))
            {
                if (!string.Equals(checkpoint.Hash, row.Hash, StringComparison.Ordinal))
                {
                    return Report(new(ChainBreak.Rewritten, row.Seq, $"The checkpoint of {checkpoint.Day:yyyy-MM-dd} recorded event {row.Seq} as {checkpoint.Hash}; the chain now has {row.Hash}: it was rewritten after that day."));
                }

                matched++;
            }

            previous = row.Hash;
            lastSeq = row.Seq;
            expected++;
            checkedCount++;
        }

        if (lastSeq < head.Seq)
        {
            var first = lastSeq + 1;
            return Report(new(ChainBreak.Truncated, first, first == head.Seq
                ? $"The chain ends at event {lastSeq}, but the portal last wrote event {head.Seq}: event {head.Seq} was cut off."
                : $"The chain ends at event {lastSeq}, but the portal last wrote event {head.Seq}: events {first} to {head.Seq} were cut off."));
        }

        if (head.Seq > 0 && !string.Equals(previous, head.Hash, StringComparison.Ordinal))
        {
            return Report(new(ChainBreak.Changed, head.Seq, $"Event {head.Seq} is not the event the portal last wrote (its hash differs from the head's)."));
        }

        var missed = checkpoints.Values.FirstOrDefault(c => c.Seq > lastSeq);
        if (missed is not null)
        {
            return Report(new(ChainBreak.Truncated, missed.Seq, $"The checkpoint of {missed.Day:yyyy-MM-dd} recorded event {missed.Seq}, which is no longer on the chain."));
        }

        return Report(null);
    }

    private sealed record Row(long Seq, string Hash, string PrevHash, IReadOnlyList<string?> Fields);
}
