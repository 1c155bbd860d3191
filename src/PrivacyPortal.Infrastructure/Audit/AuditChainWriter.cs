using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using PrivacyPortal.Domain.Audit;
using PrivacyPortal.Infrastructure.Data;

namespace PrivacyPortal.Infrastructure.Audit;

/// <summary>
/// Seals the audit events a SaveChanges is about to insert: inside the save's transaction it locks the chain's head
/// row (an UPDATE, which every provider serialises), numbers the new events after it, hashes them and moves the
/// head. A second writer waits on the row until the first commits, then reads the head the first wrote.
/// Events are append-only: a save that would change or delete one is refused.
/// </summary>
internal static class AuditChainWriter
{
    public static IReadOnlyList<(string Chain, List<IChainedEvent> Events)> Pending(PortalDbContext db)
    {
        if (db.WritesChainVerbatim)
        {
            return [];
        }

        List<IChainedEvent>? cases = null;
        List<IChainedEvent>? admin = null;
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.Entity is not IChainedEvent chained)
            {
                continue;
            }

            switch (entry.State)
            {
                case EntityState.Added:
                    (chained is AuditEvent ? cases ??= [] : admin ??= []).Add(chained);
                    break;
                case EntityState.Modified or EntityState.Deleted:
                    throw new InvalidOperationException($"Audit events are append-only: event {chained.Seq} cannot be changed or deleted.");
            }
        }

        // Always the same order of locks, so two writers appending to both chains cannot deadlock.
        var pending = new List<(string, List<IChainedEvent>)>(2);
        if (cases is not null)
        {
            pending.Add((AuditChain.Cases, cases));
        }

        if (admin is not null)
        {
            pending.Add((AuditChain.Administration, admin));
        }

        return pending;
    }

    public static async Task SealAsync(PortalDbContext db, IReadOnlyList<(string Chain, List<IChainedEvent> Events)> pending, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        var provider = PortalDatabase.ProviderOf(db);
        foreach (var (chain, events) in pending)
        {
            var (seq, hash) = await LockHeadAsync(connection, transaction, provider, chain, cancellationToken);
            // The aggregate adds events in the order things happened; the sort is stable, so ties keep that order.
            foreach (var chained in events.OrderBy(e => e.AtUtc))
            {
                seq++;
                chained.Seal(seq, hash);
                hash = chained.Hash;
            }

            await MoveHeadAsync(connection, transaction, provider, chain, (seq, hash, events.Max(e => e.AtUtc)), cancellationToken);
        }
    }

    private static async Task<(long Seq, string Hash)> LockHeadAsync(DbConnection connection, DbTransaction? transaction, PortalProvider provider, string chain, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = provider == PortalProvider.SqlServer
            ? "UPDATE [AuditChainHeads] SET [Seq] = [Seq] OUTPUT inserted.[Seq], inserted.[Hash] WHERE [Chain] = @chain"
            : "UPDATE \"AuditChainHeads\" SET \"Seq\" = \"Seq\" WHERE \"Chain\" = @chain RETURNING \"Seq\", \"Hash\"";
        Parameter(command, "@chain", chain);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            throw new InvalidOperationException($"The audit chain '{chain}' has no head row: the database was not migrated.");
        }

        return (reader.GetInt64(0), reader.GetString(1));
    }

    private static async Task MoveHeadAsync(DbConnection connection, DbTransaction? transaction, PortalProvider provider, string chain, (long Seq, string Hash, DateTime AtUtc) head, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = provider == PortalProvider.SqlServer
            ? "UPDATE [AuditChainHeads] SET [Seq] = @seq, [Hash] = @hash, [UpdatedAtUtc] = @at WHERE [Chain] = @chain"
            : "UPDATE \"AuditChainHeads\" SET \"Seq\" = @seq, \"Hash\" = @hash, \"UpdatedAtUtc\" = @at WHERE \"Chain\" = @chain";
        Parameter(command, "@seq", head.Seq);
        Parameter(command, "@hash", head.Hash);
        Parameter(command, "@at", DateTime.SpecifyKind(head.AtUtc, DateTimeKind.Utc));
        Parameter(command, "@chain", chain);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void Parameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
