using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PrivacyPortal.Domain.Requests;
using PrivacyPortal.Infrastructure.Cases;
using PrivacyPortal.Web.Tests.Support;

namespace PrivacyPortal.Web.Tests.Data;

/// <summary>
/// The queue stays fast at a million cases because SQLite answers each of its queries from an index, never by
/// reading the Requests table through. The plan is asserted (a fact of the schema), not the time (a benchmark in
/// docs/performance.md measures that).
/// </summary>
public sealed partial class QueueQueryPlanTests : IDisposable
{
    private static readonly DateOnly Today = new(2026, 11, 24);
    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    public static TheoryData<string, QueueFilter> Filters() => new()
    {
        { "open cases of a controller", new QueueFilter { Controller = "nec" } },
        { "one status", new QueueFilter { Controller = "nec", Status = RequestStatus.InReview } },
        { "overdue", new QueueFilter { Controller = "nec", Overdue = true } },
        { "due within 3 days", new QueueFilter { Controller = "nec", DueWithinDays = 3 } },
        { "next page", new QueueFilter { Controller = "nec", After = "2026-12-01|NEC-2026-000100" } },
        { "mine", new QueueFilter { Controller = "nec", Assignee = "me" } },
    };

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task EveryQueueQuery_IsServedByAnIndex(string name, QueueFilter filter)
    {
        var path = _folder.File("plan.db");
        await using var db = SqliteDatabase.Open(path);
        await db.Database.MigrateAsync();
        var readable = db.Requests.Where(r => new[] { "nec", "netone" }.Contains(r.ControllerId));
        var scoped = CaseQueueQuery.Scoped(readable, filter, "user-1");

        var rowsPlan = Plan(path, CaseQueueQuery.Rows(scoped, filter, Today).ToQueryString());
        var countsPlan = Plan(path, CaseQueueQuery.OpenCounts(scoped).ToQueryString());

        foreach (var plan in new[] { rowsPlan, countsPlan })
        {
            Assert.DoesNotMatch(ScanOfRequests(), plan);
            Assert.Matches("USING (COVERING )?INDEX IX_Requests_", plan);
        }

        // Without a status, the queue reads only open cases: the partial index, never the controller's closed history.
        if (filter.Status is null)
        {
            Assert.Contains("IX_Requests_Open_ControllerId_DueOn_Reference", rowsPlan, StringComparison.Ordinal);
        }

        Assert.NotEmpty(name);


    }

    /// <summary>
    /// On PostgreSQL: EXPLAIN of the command EF sends, with sequential scans priced out of the planner's reach
    /// (enable_seqscan off), so the plan shows whether an index can serve the query at all, whatever the table holds;
    /// a query no index fits still shows a Seq Scan.
    /// </summary>
    [Theory]
    [MemberData(nameof(Filters))]
    public async Task EveryQueueQuery_IsServedByAnIndex_OnPostgres(string name, QueueFilter filter)
    {
        using var database = TestPostgres.Create("plan");
        await using var db = Infrastructure.Data.PortalDatabase.Open(Infrastructure.Data.PortalProvider.Postgres, database.ConnectionString);
        await db.Database.MigrateAsync();
        var readable = db.Requests.Where(r => new[] { "nec", "netone" }.Contains(r.ControllerId));
        var scoped = CaseQueueQuery.Scoped(readable, filter, "user-1");

        var rowsPlan = await PostgresPlanAsync(db, CaseQueueQuery.Rows(scoped, filter, Today));
        var countsPlan = await PostgresPlanAsync(db, CaseQueueQuery.OpenCounts(scoped));

        foreach (var plan in new[] { rowsPlan, countsPlan })
        {
            Assert.DoesNotContain("Seq Scan on \"Requests\"", plan, StringComparison.Ordinal);
            Assert.Matches("Index (Only )?Scan using \"?IX_Requests_", plan);
        }

        // The default queue (open cases, oldest due first, and its next page) reads one of the partial indexes of
        // open cases, never the closed history. Which of the usable indexes serves a query is PostgreSQL's choice by
        // its statistics, so it is not pinned on an empty table; docs/performance.md measures them at a million cases.
        if (filter.Status is null && filter.Assignee is null && !filter.Overdue && filter.DueWithinDays is null)
        {
            Assert.Matches("Index Scan using \"?IX_Requests_Open_", rowsPlan);
        }

        Assert.NotEmpty(name);
    }

    private static async Task<string> PostgresPlanAsync<T>(Microsoft.EntityFrameworkCore.DbContext db, IQueryable<T> query)
    {
        await db.Database.OpenConnectionAsync();
        await db.Database.ExecuteSqlRawAsync("SET enable_seqscan = off");
        await using var command = query.CreateDbCommand();
        command.CommandText = "EXPLAIN " + command.CommandText;
        await using var reader = await command.ExecuteReaderAsync();
        var plan = new List<string>();
        while (await reader.ReadAsync())
        {
            plan.Add(reader.GetString(0));
        }

        return string.Join('\n', plan);
    }

    /// <summary>EXPLAIN QUERY PLAN for EF's SQL, with its parameters bound to the values EF printed.</summary>
    private static string Plan(string path, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        var lines = sql.Split('\n');
        foreach (var line in lines.Where(l => l.StartsWith(".param set ", StringComparison.Ordinal)))
        {
            var parts = line[".param set ".Length..].Split(' ', 2);
            var value = parts[1].Trim();
            command.Parameters.AddWithValue(parts[0], value.StartsWith('\'') ? value.Trim('\'') : value);
        }

        command.CommandText = "EXPLAIN QUERY PLAN " + string.Join('\n', lines.Where(l => !l.StartsWith(".param", StringComparison.Ordinal)));
        using var reader = command.ExecuteReader();
        var plan = new List<string>();
        while (reader.Read())
        {
            plan.Add(reader.GetString(3));
        }

        return string.Join('\n', plan);
    }

    // "SCAN r" or "SCAN Requests" without an index: reading the whole table.
    [GeneratedRegex(@"^SCAN (r|Requests)$", RegexOptions.Multiline)]
    private static partial Regex ScanOfRequests();
}
