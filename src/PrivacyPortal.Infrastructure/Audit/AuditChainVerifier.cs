using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
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
        long expected = from;
        string? previous = null;
        long checkedCount = 0;
        var matched = 0;
        var lastSeq = from - 1;
        ChainReport Report(ChainFault? fault) => new(chain, from, checkedCount, lastSeq, head.Seq, head.Hash, matched, fault);

        using var hasher = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        await foreach (var row in ReadAsync(db, chain, from, cancellationToken))
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

            if (!string.Equals(AuditChain.Compute(hasher, row.Seq, row.PrevHash, row.Fields), row.Hash, StringComparison.Ordinal))
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

    /// <summary>
    /// The chain's rows in order, read straight from the data reader (no entity materialisation: a million events
    /// must verify in seconds); the values are the columns EF Core wrote, converted the way it reads them.
    /// </summary>
    private static async IAsyncEnumerable<Row> ReadAsync(PortalDbContext db, string chain, long from, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var cases = chain == AuditChain.Cases;
        var sql = cases
            ? "SELECT \"Seq\", \"Hash\", \"PrevHash\", \"RequestId\", \"AtUtc\", \"Actor\", \"Action\", \"FromStatus\", \"ToStatus\", \"Detail\", \"TextDigest\" FROM \"AuditEvents\" WHERE \"Seq\" >= @from ORDER BY \"Seq\""
            : "SELECT \"Seq\", \"Hash\", \"PrevHash\", \"AtUtc\", \"Actor\", \"Action\", \"Subject\", \"Detail\" FROM \"AdminAuditEvents\" WHERE \"Seq\" >= @from ORDER BY \"Seq\"";
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
        }

        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.CommandTimeout = 0;
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@from";
            parameter.Value = from;
            command.Parameters.Add(parameter);
            await using var reader = await command.ExecuteReaderAsync(System.Data.CommandBehavior.SequentialAccess, cancellationToken);
            string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
            DateTime Utc(int i) => DateTime.SpecifyKind(reader.GetDateTime(i), DateTimeKind.Utc);
            while (await reader.ReadAsync(cancellationToken))
            {
                var seq = reader.GetInt64(0);
                var hash = reader.GetString(1);
                var prev = reader.GetString(2);
                yield return cases
                    ? new Row(seq, hash, prev, AuditEvent.Fields(reader.GetGuid(3), Utc(4), reader.GetString(5), reader.GetString(6), Text(7), Text(8), Text(9), Text(10)))
                    : new Row(seq, hash, prev, AdminAuditEvent.Fields(Utc(3), reader.GetString(4), reader.GetString(5), reader.GetString(6), Text(7)));
            }
        }
        finally
        {
            if (opened)
            {
                await db.Database.CloseConnectionAsync();
            }
        }
    }
}
