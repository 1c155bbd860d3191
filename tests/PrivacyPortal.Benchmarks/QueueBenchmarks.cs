using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PrivacyPortal.Infrastructure.Cases;
using PrivacyPortal.Infrastructure.Data;

namespace PrivacyPortal.Benchmarks;

/// <summary>
/// The case queue on a SQLite database holding a million requests over four controllers, nine in ten of them closed
/// (a few years of history), each with one item: the pages an officer opens most.
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 10)]
public class QueueBenchmarks
{
    private const int Requests = 1_000_000;
    private static readonly DateOnly Today = new(2026, 11, 24);
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"portal-queue-bench-{Environment.ProcessId}.db");
    private SqlitePortalDbContext _db = null!;

    [GlobalSetup]
    public void Setup()
    {
        File.Delete(_path);
        _db = new SqlitePortalDbContext(new DbContextOptionsBuilder<SqlitePortalDbContext>().UseSqlite($"Data Source={_path}").Options);
        _db.Database.Migrate();
        using var connection = new SqliteConnection($"Data Source={_path};Foreign Keys=False");
        connection.Open();
        using var command = connection.CreateCommand();
        // One statement per table; every row derived from its number so runs are repeatable.
        command.CommandText = $"""
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {Requests})
            INSERT INTO Requests (Id, PolicyId, ControllerId, ProfileVersion, Language, Status, Reference, Requester_FullName, Requester_BirthDate,
                Requester_PostalCode, Requester_Address, Requester_Email, DocumentsByPost, SubmissionKey, StatusTokenHash, StatusTokenIssuedAtUtc,
                CreatedAtUtc, ReceivedOn, DueOn, Version, Fee_Status, Extended, DecisionGrounds, Pauses)
            SELECT printf('%08X-0000-0000-0000-%012X', i, i), 'p' || (i % 4), 'c' || (i % 4), 1, 'ja',
                CASE WHEN i % 10 = 0 THEN (CASE i % 40 WHEN 0 THEN 'Received' WHEN 10 THEN 'AwaitingIdentity' WHEN 20 THEN 'AwaitingFee' ELSE 'InReview' END) ELSE 'Closed' END,
                printf('C%d-%d-%07d', i % 4, 2020 + (i % 7), i), 'x', '1985-04-01', '100-0001', 'x', 'x@example.jp', 0, printf('k%d', i), printf('h%d', i),
                '2026-01-01 00:00:00', '2026-01-01 00:00:00', date('2020-01-01', '+' || (i * 2557 / {Requests}) || ' days'),
                date('2020-01-15', '+' || (i * 2557 / {Requests}) || ' days'), 1, 'NotRequested', 0, '[]', '[]'
            FROM n;
            INSERT INTO RequestItems (RequestId, TypeId, Details) SELECT Id, 'disclosure', '{"{}"}' FROM Requests;
            ANALYZE;
            """;
        command.CommandTimeout = 0;
        command.ExecuteNonQuery();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _db.Dispose();
        SqliteConnection.ClearAllPools();
        File.Delete(_path);
    }

    private Task<QueuePage> ReadAsync(QueueFilter filter) =>
        CaseQueueQuery.ReadAsync(_db.Requests.AsNoTracking().Where(r => r.ControllerId == "c1" || r.ControllerId == "c2"), filter, "user", Today, CancellationToken.None);

    [Benchmark(Description = "open cases, first page")]
    public Task<QueuePage> FirstPage() => ReadAsync(new QueueFilter { Controller = "c1" });

    [Benchmark(Description = "overdue, first page")]
    public Task<QueuePage> Overdue() => ReadAsync(new QueueFilter { Controller = "c1", Overdue = true });

    [Benchmark(Description = "in review, a page deep in the list")]
    public Task<QueuePage> DeepPage() => ReadAsync(new QueueFilter { Controller = "c1", Status = Domain.Requests.RequestStatus.InReview, After = "2025-06-01|C1-2020-0000000" });

    [Benchmark(Description = "all of an officer's controllers")]
    public Task<QueuePage> BothControllers() => ReadAsync(new QueueFilter());
}
