using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;
using PrivacyPortal.Domain.Audit;
using PrivacyPortal.Infrastructure.Data;
using PrivacyPortal.Infrastructure.Hosting;

namespace PrivacyPortal.Benchmarks;

/// <summary>
/// audit-fill --provider Sqlite|Postgres --connection CS --events N (audit-exports.sh): appends N case events to the
/// chain of a migrated database (SQLite: prepared inserts in large transactions; PostgreSQL: binary COPY), hashed
/// exactly as the portal hashes them, and moves the chain's head, so `portal audit verify` has a real chain to check.
/// On an empty database it first adds one request for the events to belong to.
/// </summary>
public static class AuditChainFill
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = args.Skip(1).Chunk(2).ToDictionary(p => p[0].TrimStart('-'), p => p[1], StringComparer.Ordinal);
        var provider = DatabaseOptions.ParseProvider(options.GetValueOrDefault("provider", "Sqlite"));
        var connection = options["connection"];
        var events = long.Parse(options["events"], CultureInfo.InvariantCulture);
        await using (var db = PortalDatabase.Open(provider, connection))
        {
            await db.Database.MigratePortalAsync();
            await new Infrastructure.Profiles.ProfileImporter(db, TimeProvider.System).ImportAsync(
                Infrastructure.Profiles.ProfileLoader.LoadDirectory(QueueOnPostgres.SeedsDirectory()), Infrastructure.Profiles.ImportMode.MissingOnly, CancellationToken.None);
        }

        var watch = Stopwatch.StartNew();
        if (provider == PortalProvider.Postgres)
        {
            await FillPostgresAsync(connection, events);
        }
        else
        {
            FillSqlite(connection, events);
        }

        Console.WriteLine($"appended {events:N0} events in {watch.Elapsed.TotalSeconds:0} s");
        return 0;
    }

    private static IReadOnlyList<string?> Fields(Guid request, DateTime at, long i) =>
        AuditEvent.Fields(request, at, "system", "bench-event", "InReview", "InReview", $"event {i}", i % 5 == 0 ? new string('d', 64) : null);

    private static void FillSqlite(string connection, long events)
    {
        using var sqlite = new SqliteConnection(connection);
        sqlite.Open();
        var request = EnsureRequest(sqlite);
        var (seq, hash) = Head(sqlite);
        var at = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        for (long done = 0; done < events;)
        {
            using var transaction = sqlite.BeginTransaction();
            using var insert = sqlite.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = """
                INSERT INTO "AuditEvents" ("RequestId", "AtUtc", "Actor", "Action", "FromStatus", "ToStatus", "Detail", "TextDigest", "Seq", "Hash", "PrevHash")
                VALUES ($r, $at, 'system', 'bench-event', 'InReview', 'InReview', $d, $t, $s, $h, $p)
                """;
            var p = new[] { "$r", "$at", "$d", "$t", "$s", "$h", "$p" }.Select(n => insert.Parameters.Add(n, SqliteType.Text)).ToArray();
            p[0].Value = request.ToString("D").ToUpperInvariant();
            insert.Prepare();
            for (var batch = 0; batch < 50_000 && done < events; batch++, done++)
            {
                var when = at.AddSeconds(seq);
                var fields = Fields(request, when, seq + 1);
                var next = AuditChain.Compute(seq + 1, hash, fields);
                p[1].Value = when.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
                p[2].Value = fields[7];
                p[3].Value = (object?)fields[8] ?? DBNull.Value;
                p[4].Value = seq + 1;
                p[5].Value = next;
                p[6].Value = hash;
                insert.ExecuteNonQuery();
                seq++;
                hash = next;
            }

            MoveHead(sqlite, transaction, seq, hash);
            transaction.Commit();
        }
    }

    private static async Task FillPostgresAsync(string connection, long events)
    {
        await using var npgsql = new NpgsqlConnection(connection);
        await npgsql.OpenAsync();
        Guid request;
        await using (var first = new NpgsqlCommand("""SELECT "Id" FROM "Requests" ORDER BY "Id" LIMIT 1""", npgsql))
        {
            request = (Guid)(await first.ExecuteScalarAsync() ?? throw new InvalidOperationException("Fill requests first (queue-postgres fill)."));
        }

        var (seq, hash) = Head(npgsql);
        var at = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        await using (var copy = await npgsql.BeginBinaryImportAsync("""COPY "AuditEvents" ("RequestId", "AtUtc", "Actor", "Action", "FromStatus", "ToStatus", "Detail", "TextDigest", "Seq", "Hash", "PrevHash") FROM STDIN (FORMAT BINARY)"""))
        {
            for (long i = 0; i < events; i++)
            {
                var when = at.AddSeconds(seq);
                var fields = Fields(request, when, seq + 1);
                var next = AuditChain.Compute(seq + 1, hash, fields);
                await copy.StartRowAsync();
                await copy.WriteAsync(request, NpgsqlDbType.Uuid);
                await copy.WriteAsync(when, NpgsqlDbType.TimestampTz);
                await copy.WriteAsync("system");
                await copy.WriteAsync("bench-event");
                await copy.WriteAsync("InReview");
                await copy.WriteAsync("InReview");
                await copy.WriteAsync(fields[7]!);
                if (fields[8] is { } digest)
                {
                    await copy.WriteAsync(digest);
                }
                else
                {
                    await copy.WriteNullAsync();
                }

                await copy.WriteAsync(seq + 1, NpgsqlDbType.Bigint);
                await copy.WriteAsync(next);
                await copy.WriteAsync(hash);
                seq++;
                hash = next;
            }

            await copy.CompleteAsync();
        }

        await using var transaction = await npgsql.BeginTransactionAsync();
        MoveHead(npgsql, transaction, seq, hash);
        await transaction.CommitAsync();
        await using var vacuum = new NpgsqlCommand("VACUUM ANALYZE \"AuditEvents\"", npgsql) { CommandTimeout = 0 };
        await vacuum.ExecuteNonQueryAsync();
    }

    private static (long Seq, string Hash) Head(System.Data.Common.DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = """SELECT "Seq", "Hash" FROM "AuditChainHeads" WHERE "Chain" = 'cases'""";
        using var reader = command.ExecuteReader();
        reader.Read();
        return (reader.GetInt64(0), reader.GetString(1));
    }

    private static void MoveHead(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction, long seq, string hash)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"""UPDATE "AuditChainHeads" SET "Seq" = {seq}, "Hash" = '{hash}' WHERE "Chain" = 'cases'""";
        command.ExecuteNonQuery();
    }

    private static Guid EnsureRequest(SqliteConnection sqlite)
    {
        using (var existing = sqlite.CreateCommand())
        {
            existing.CommandText = """SELECT "Id" FROM "Requests" LIMIT 1""";
            if (existing.ExecuteScalar() is string id)
            {
                return Guid.Parse(id);
            }
        }

        var request = Guid.NewGuid();
        using var insert = sqlite.CreateCommand();
        insert.CommandText = $"""
            INSERT INTO "Requests" ("Id", "PolicyId", "ControllerId", "ProfileVersion", "Language", "Status", "Reference", "Requester_FullName",
                "Requester_BirthDate", "Requester_PostalCode", "Requester_Address", "Requester_Email", "DocumentsByPost", "SubmissionKey",
                "StatusTokenHash", "StatusTokenIssuedAtUtc", "CreatedAtUtc", "ReceivedOn", "DueOn", "Version", "Fee_Status", "Extended",
                "LegalHold", "DecisionGrounds", "Pauses", "Channel")
            VALUES ('{request.ToString("D").ToUpperInvariant()}', 'netone', 'netone', 1, 'ja', 'InReview', 'BENCH-2026-1', 'x', '1985-04-01', '100-0001', 'x',
                'x@example.jp', 0, 'k', 'h', '2026-01-01 00:00:00', '2026-01-01 00:00:00', '2026-01-01', '2026-01-15', 1, 'NotRequested', 0, 0, '[]', '[]', 'Web');
            """;
        insert.ExecuteNonQuery();
        return request;
    }
}
