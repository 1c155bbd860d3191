using System.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;
using PrivacyPortal.Domain.Requests;
using PrivacyPortal.Domain.Notices;
using PrivacyPortal.Infrastructure.Data;
using PrivacyPortal.Infrastructure.Notices;

namespace PrivacyPortal.Infrastructure.Jobs;

/// <summary>
/// Several workers on one database: each claims the outbox rows it is about to act on, in one statement, so no two
/// workers ever send the same notice or print the same letter. PostgreSQL and SQL Server skip the rows another
/// worker is claiming at that moment (FOR UPDATE SKIP LOCKED; UPDLOCK, READPAST) instead of waiting for them;
/// SQLite has one writer at a time, so its UPDATE ... RETURNING is atomic by itself. Every claim carries an expiry
/// (the lease): the rows of a worker that died are claimed again once it passes.
/// </summary>
public sealed class RowClaims(IOptions<WorkerOptions> options, TimeProvider clock)
{
    public const string HolderColumn = "ClaimedBy";
    public const string UntilColumn = "ClaimedUntilUtc";
    public const int MaxHolderLength = 100;

    /// <summary>This process: host, process id and a random part, so a restarted process never inherits a claim.</summary>
    public string Holder { get; } = Clip($"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}");

    public Task<IReadOnlyList<Guid>> ClaimNoticesAsync(PortalDbContext db, int count, CancellationToken cancellationToken) =>
        ClaimAsync<Notice>(db, count, c => $"{c(nameof(Notice.SentAtUtc))} IS NULL AND {c(nameof(Notice.FailedAtUtc))} IS NULL AND ({c(nameof(Notice.NextAttemptAtUtc))} IS NULL OR {c(nameof(Notice.NextAttemptAtUtc))} <= @now)", nameof(Notice.CreatedAtUtc), cancellationToken);

    public Task<IReadOnlyList<Guid>> ClaimStaffMessagesAsync(PortalDbContext db, int count, CancellationToken cancellationToken) =>
        ClaimAsync<StaffMessage>(db, count, c => $"{c(nameof(StaffMessage.SentAtUtc))} IS NULL AND {c(nameof(StaffMessage.FailedAtUtc))} IS NULL AND ({c(nameof(StaffMessage.NextAttemptAtUtc))} IS NULL OR {c(nameof(StaffMessage.NextAttemptAtUtc))} <= @now)", nameof(StaffMessage.CreatedAtUtc), cancellationToken);

    public Task<IReadOnlyList<Guid>> ClaimLettersAsync(PortalDbContext db, int count, CancellationToken cancellationToken) =>
        ClaimAsync<RequestLetter>(db, count, c => $"{c(nameof(RequestLetter.Status))} = '{nameof(LetterStatus.Pending)}' AND ({c(nameof(RequestLetter.NextAttemptAtUtc))} IS NULL OR {c(nameof(RequestLetter.NextAttemptAtUtc))} <= @now)", nameof(RequestLetter.CreatedAtUtc), cancellationToken);

    /// <summary>Runs the work on rows this worker claimed, and gives them back afterwards whatever happens.</summary>
    public async Task<TResult> HoldingAsync<T, TResult>(PortalDbContext db, IReadOnlyList<Guid> claimed, Func<Task<TResult>> work)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(work);
        try
        {
            return await work();
        }
        finally
        {
            await ReleaseAsync<T>(db, claimed, CancellationToken.None);
        }
    }

    /// <summary>Gives back rows this worker claimed (done or not): the next run, here or elsewhere, may take what is left.</summary>
    public async Task ReleaseAsync<T>(PortalDbContext db, IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count == 0)
        {
            return;
        }

        var (table, c) = Names<T>(db);
        var idList = string.Join(", ", ids.Select((_, i) => $"@id{i}"));
        var sql = $"UPDATE {table} SET {c(HolderColumn)} = NULL, {c(UntilColumn)} = NULL WHERE {c(HolderColumn)} = @holder AND {c("Id")} IN ({idList})";
        await using var command = await CommandAsync(db, sql, cancellationToken);
        Add(db, command, "holder", Holder);
        var index = 0;
        foreach (var id in ids)
        {
            Add(db, command, $"id{index++}", id);
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<IReadOnlyList<Guid>> ClaimAsync<T>(PortalDbContext db, int count, Func<Func<string, string>, string> pending, string orderBy, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(db);
        var now = clock.GetUtcNow().UtcDateTime;
        var (table, c) = Names<T>(db);
        var claimable = $"({pending(c)}) AND ({c(UntilColumn)} IS NULL OR {c(UntilColumn)} < @now)";
        var set = $"{c(HolderColumn)} = @holder, {c(UntilColumn)} = @until";
        var id = c("Id");
        var order = c(orderBy);
        var sql = PortalDatabase.ProviderOf(db) switch
        {
            PortalProvider.Postgres =>
                $"UPDATE {table} SET {set} WHERE {id} IN (SELECT {id} FROM {table} WHERE {claimable} ORDER BY {order} LIMIT @count FOR UPDATE SKIP LOCKED) RETURNING {id}",
            PortalProvider.SqlServer =>
                $"WITH claimable AS (SELECT TOP (@count) * FROM {table} WITH (UPDLOCK, READPAST, ROWLOCK) WHERE {claimable} ORDER BY {order}) UPDATE claimable SET {set} OUTPUT inserted.{id}",
            _ =>
                $"UPDATE {table} SET {set} WHERE {id} IN (SELECT {id} FROM {table} WHERE {claimable} ORDER BY {order} LIMIT @count) RETURNING {id}",
        };

        await using var command = await CommandAsync(db, sql, cancellationToken);
        Add(db, command, "holder", Holder);
        Add(db, command, "until", now + options.Value.ClaimLease);
        Add(db, command, "now", now);
        Add(db, command, "count", count);
        var ids = new List<Guid>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                ids.Add(reader.GetGuid(0));
            }
        }

        return ids;
    }

    private static (string Table, Func<string, string> Column) Names<T>(PortalDbContext db)
    {
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var store = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        return (sql.DelimitIdentifier(store.Name, store.Schema), property => sql.DelimitIdentifier(entity.FindProperty(property)!.GetColumnName(store)!));
    }

    private static async Task<DbCommand> CommandAsync(PortalDbContext db, string sql, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        return command;
    }

    private static void Add(PortalDbContext db, DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@" + name;
        // SQLite holds a Guid as upper-case text (EF Core's mapping); the provider would bind it as a blob.
        parameter.Value = value is Guid guid && PortalDatabase.ProviderOf(db) == PortalProvider.Sqlite ? guid.ToString().ToUpperInvariant() : value;
        if (value is DateTime && PortalDatabase.ProviderOf(db) == PortalProvider.SqlServer)
        {
            // The columns are datetime2; SqlClient would otherwise send the older, coarser datetime.
            parameter.DbType = DbType.DateTime2;
        }

        command.Parameters.Add(parameter);
    }

    private static string Clip(string value) => value.Length <= MaxHolderLength ? value : value[..MaxHolderLength];
}
