using Microsoft.EntityFrameworkCore;
using PrivacyPortal.Domain.Audit;
using PrivacyPortal.Infrastructure.Data;

namespace PrivacyPortal.Infrastructure.Audit;

/// <summary>
/// Seals the events written before the chain existed (the AuditChain migration gave them Seq = -Id), in the order they
/// were written, and moves the text people typed out of their coded detail. Runs with the migrations; a database
/// with nothing unsealed costs two indexed reads.
/// </summary>
public static class AuditChainBackfill
{
    private const int BatchSize = 500;

    /// <summary>Actions whose detail was typed by a person before the chain separated it.</summary>
    private static readonly Dictionary<string, Func<AuditEvent, string?>> TypedDetail = new Dictionary<string, Func<AuditEvent, string?>>(StringComparer.Ordinal)
    {
        ["withdrawn"] = _ => null,
        ["identity-more-needed"] = _ => null,
        ["fee-paid"] = _ => null,
        ["fee-waived"] = _ => null,
        ["extended"] = _ => null,
        ["legal-hold-placed"] = _ => null,
        // "{Kind} {MessageId}: {server answer}": the answer can quote the address.
        ["notice-failed"] = e => e.Detail is { } d && d.IndexOf(": ", StringComparison.Ordinal) is var i and > 0 ? d[..i] : null,
    };

    public static async Task<int> SealLegacyAsync(PortalDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var sealedCount = 0;
        sealedCount += await SealAsync(db, AuditChain.Cases, db.AuditEvents, e => e.Seq < 0, e =>
        {
            if (TypedDetail.TryGetValue(e.Action, out var coded))
            {
                e.SeparateLegacyText(coded(e));
            }
        }, cancellationToken);
        sealedCount += await SealAsync(db, AuditChain.Administration, db.AdminAuditEvents, e => e.Seq < 0, _ => { }, cancellationToken);
        return sealedCount;
    }

    private static async Task<int> SealAsync<T>(PortalDbContext db, string chain, DbSet<T> events, System.Linq.Expressions.Expression<Func<T, bool>> unsealed, Action<T> separate, CancellationToken cancellationToken)
        where T : class, IChainedEvent
    {
        var count = 0;
        while (await events.AnyAsync(unsealed, cancellationToken))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var head = await db.AuditChainHeads.SingleAsync(h => h.Chain == chain, cancellationToken);
            // Seq = -Id: the largest Seq is the earliest event.
            var batch = await events.Where(unsealed).OrderByDescending(e => e.Seq).Take(BatchSize).ToListAsync(cancellationToken);
            foreach (var chained in batch)
            {
                separate(chained);
                head.Seq++;
                chained.Seal(head.Seq, head.Hash);
                head.Hash = chained.Hash;
            }

            db.WritesChainVerbatim = true;
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            finally
            {
                db.WritesChainVerbatim = false;
            }

            await transaction.CommitAsync(cancellationToken);
            db.ChangeTracker.Clear();
            count += batch.Count;
        }

        return count;
    }
}
