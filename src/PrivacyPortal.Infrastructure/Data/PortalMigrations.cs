using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PrivacyPortal.Infrastructure.Data;

/// <summary>
/// Migrating the portal's database. Until 2026-12-01 the SQLite migrations were written by hand (eight of them, with no
/// model snapshot); they were replaced by one generated Initial migration that builds the same schema. A database
/// created by the hand-written set has every table already: its history rows are swapped for the generated Initial's
/// (in one transaction) before the migrator runs, so it is upgraded in place without touching a row of data.
/// </summary>
public static class PortalMigrations
{
    /// <summary>The hand-written SQLite migrations, in order, as recorded in __EFMigrationsHistory.</summary>
    public static readonly IReadOnlyList<string> HandWrittenSqlite =
    [
        "20261122000000_Initial",
        "20261122010000_Requests",
        "20261122020000_NoticeDelivery",
        "20261122030000_DraftReminders",
        "20261122040000_StaffAndCases",
        "20261122050000_Letters",
        "20261122060000_StaffMessages",
        "20261122070000_Retention",
    ];

    /// <summary>The generated migration whose schema equals the whole hand-written set.</summary>
    public const string SqliteBaseline = "20261201204032_Initial";

    /// <summary>Applies what is pending (after adopting a hand-written history); returns the migrations applied.</summary>
    public static async Task<IReadOnlyList<string>> MigratePortalAsync(this DatabaseFacade database, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(database);
        await AdoptHandWrittenHistoryAsync(database, cancellationToken);
        var pending = (await database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        await database.MigrateAsync(cancellationToken);
        if (database.GetService<ICurrentDbContext>().Context is PortalDbContext portal)
        {
            await Audit.AuditChainBackfill.SealLegacyAsync(portal, cancellationToken);
        }

        return pending;
    }

    private static async Task AdoptHandWrittenHistoryAsync(DatabaseFacade database, CancellationToken cancellationToken)
    {
        if (!database.IsSqlite())
        {
            return;
        }

        var history = database.GetService<IHistoryRepository>();
        if (!await history.ExistsAsync(cancellationToken))
        {
            return;
        }

        var applied = (await history.GetAppliedMigrationsAsync(cancellationToken)).Select(r => r.MigrationId).ToHashSet(StringComparer.Ordinal);
        var handWritten = HandWrittenSqlite.Where(applied.Contains).ToList();
        if (handWritten.Count == 0)
        {
            return;
        }

        if (handWritten.Count < HandWrittenSqlite.Count)
        {
            throw new InvalidOperationException(
                $"The database stopped at migration {handWritten[^1]} of the hand-written set, which this version no longer carries. "
                + "Upgrade it first with a release from before 2026-12-01 ('portal migrate'), then with this one.");
        }

        var script = new StringBuilder();
        foreach (var id in handWritten)
        {
            script.AppendLine(history.GetDeleteScript(id));
        }

        if (!applied.Contains(SqliteBaseline))
        {
            script.AppendLine(history.GetInsertScript(new HistoryRow(SqliteBaseline, ProductInfo.GetVersion())));
        }

        await using var transaction = await database.BeginTransactionAsync(cancellationToken);
        await database.ExecuteSqlRawAsync(script.ToString(), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
