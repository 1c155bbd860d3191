using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PrivacyPortal.Cli;
using PrivacyPortal.Domain.Audit;
using PrivacyPortal.Infrastructure.Audit;
using PrivacyPortal.Infrastructure.Data;
using PrivacyPortal.Infrastructure.Staff;
using PrivacyPortal.Web.Tests.Support;

namespace PrivacyPortal.Web.Tests.Audit;

/// <summary>
/// The hash-chained audit trail on SQLite and PostgreSQL: parallel writers never fork it; a change, a deletion, an
/// insertion, a reordering and a cut tail made directly in the database are each detected at the right event; a
/// rewrite that recomputes every hash is caught by the daily checkpoint; erased personal text leaves it verifiable.
/// </summary>
public sealed class AuditChainTests
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ParallelWriters_OnBothChains_NeverForkEitherChain(string provider)
    {
        await using var factory = new PortalFactory { Provider = provider };
        using var filed = await ReceivedCase.FileAsync(factory);
        var before = Count(factory);
        const int Writers = 8;
        const int Saves = 15;

        await Task.WhenAll(Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < Saves; i++)
            {
                await using var scope = factory.Services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
                var now = factory.Clock.GetUtcNow().UtcDateTime;
                db.AuditEvents.Add(new AuditEvent(filed.Id, now, "system", "test-event", null, null, $"writer {w} save {i}", i % 3 == 0 ? $"typed by writer {w}" : null));
                db.AuditEvents.Add(new AuditEvent(filed.Id, now, "system", "test-event", null, null, $"writer {w} save {i} second"));
                db.AdminAuditEvents.Add(new AdminAuditEvent { AtUtc = now, Actor = "system", Action = "test-event", Subject = $"writer {w}", Detail = $"save {i}" });
                await db.SaveChangesAsync();
            }
        })));

        var (cases, admin) = Count(factory);
        Assert.Equal(before.Cases + (Writers * Saves * 2), cases);
        Assert.Equal(before.Admin + (Writers * Saves), admin);
        await using var check = factory.Services.CreateAsyncScope();
        var reports = await AuditChainVerifier.VerifyAllAsync(check.ServiceProvider.GetRequiredService<PortalDbContext>());
        Assert.All(reports, r => Assert.True(r.Intact, r.Fault?.Message));
        Assert.Equal(cases, reports[0].Checked);
        Assert.Equal(cases, reports[0].HeadSeq);
        Assert.Equal(admin, reports[1].HeadSeq);
    }

    public static TheoryData<string, string> Tampering()
    {
        var data = new TheoryData<string, string>();
        foreach (var provider in new[] { Providers.Sqlite, Providers.Postgres })
        {
            foreach (var tamper in new[] { "change", "delete", "insert", "reorder", "truncate", "change-text-digest" })
            {
                data.Add(provider, tamper);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Tampering))]
    public async Task TamperingInTheDatabase_IsDetected_AtTheEventTamperedWith(string provider, string tamper)
    {
        await using var factory = new PortalFactory { Provider = provider };
        using var filed = await ReceivedCase.FileAsync(factory);
        await AddEventsAsync(factory, filed.Id, 20);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var head = (await AuditChainVerifier.VerifyAsync(db, AuditChain.Cases)).HeadSeq;
        Assert.True(head > 20);
        const long At = 7;

        string[] sql = tamper switch
        {
            "change" => [$"UPDATE \"AuditEvents\" SET \"Detail\" = 'forged' WHERE \"Seq\" = {At}"],
            "change-text-digest" => [$"UPDATE \"AuditEvents\" SET \"Actor\" = 'someone else' WHERE \"Seq\" = {At}"],
            "delete" => [$"DELETE FROM \"AuditEvents\" WHERE \"Seq\" = {At}"],
            // Room made at 7 by moving every later event one place on (in two steps, so the unique index holds).
            "insert" =>
            [
                $"UPDATE \"AuditEvents\" SET \"Seq\" = -(\"Seq\" + 1) WHERE \"Seq\" >= {At}",
                "UPDATE \"AuditEvents\" SET \"Seq\" = -\"Seq\" WHERE \"Seq\" < 0",
                $"INSERT INTO \"AuditEvents\" (\"RequestId\", \"AtUtc\", \"Actor\", \"Action\", \"FromStatus\", \"ToStatus\", \"Detail\", \"TextDigest\", \"Seq\", \"Hash\", \"PrevHash\") "
                    + $"SELECT \"RequestId\", \"AtUtc\", 'intruder', \"Action\", \"FromStatus\", \"ToStatus\", 'inserted', NULL, {At}, \"Hash\", \"PrevHash\" FROM \"AuditEvents\" WHERE \"Seq\" = {At + 1}",
            ],
            "reorder" =>
            [
                $"UPDATE \"AuditEvents\" SET \"Seq\" = -1 WHERE \"Seq\" = {At}",
                $"UPDATE \"AuditEvents\" SET \"Seq\" = {At} WHERE \"Seq\" = {At + 1}",
                $"UPDATE \"AuditEvents\" SET \"Seq\" = {At + 1} WHERE \"Seq\" = -1",
            ],
            "truncate" => [$"DELETE FROM \"AuditEvents\" WHERE \"Seq\" > {head - 3}"],
            _ => throw new ArgumentOutOfRangeException(nameof(tamper)),
        };
        foreach (var statement in sql)
        {
            await db.Database.ExecuteSqlRawAsync(statement);
        }

        var report = await AuditChainVerifier.VerifyAsync(db, AuditChain.Cases);

        Assert.False(report.Intact);
        var (kind, seq) = tamper switch
        {
            "delete" => (ChainBreak.Missing, At),
            "truncate" => (ChainBreak.Truncated, head - 2),
            _ => (ChainBreak.Changed, At),
        };
        Assert.Equal(kind, report.Fault!.Kind);
        Assert.Equal(seq, report.Fault.Seq);

        // The operator's command says the same, and fails so a scheduled run alerts.
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await PortalCli.RunAsync(["audit", "verify", "--chain", "cases"], stdout, stderr, factory.CliSettings);
        Assert.Equal(ExitCodes.ChainBroken, exit);
        Assert.Contains($"BROKEN at event {seq}", stdout.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ARewriteThatRecomputesEveryHash_IsCaughtByTheDailyCheckpoint(string provider)
    {
        await using var factory = new PortalFactory { Provider = provider };
        using var filed = await ReceivedCase.FileAsync(factory);
        await AddEventsAsync(factory, filed.Id, 10);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var written = await scope.ServiceProvider.GetRequiredService<AuditCheckpoints>().WriteAsync(CancellationToken.None);
        Assert.Equal(2, written.Count);
        Assert.Empty(await scope.ServiceProvider.GetRequiredService<AuditCheckpoints>().WriteAsync(CancellationToken.None));
        var checkpoint = written.Single(c => c.Chain == AuditChain.Cases);
        Assert.True((await AuditChainVerifier.VerifyAsync(db, AuditChain.Cases)).Intact);

        // Someone with the database and the algorithm changes event 3 and re-chains everything after it, head included.
        await db.Database.ExecuteSqlRawAsync("UPDATE \"AuditEvents\" SET \"Detail\" = 'rewritten' WHERE \"Seq\" = 3");
        var rows = await db.AuditEvents.AsNoTracking().OrderBy(e => e.Seq).ToListAsync();
        var previous = AuditChain.Genesis;
        foreach (var row in rows)
        {
            var hash = AuditChain.Compute(row.Seq, previous, row.ChainedFields());
            await db.Database.ExecuteSqlRawAsync("UPDATE \"AuditEvents\" SET \"Hash\" = {0}, \"PrevHash\" = {1} WHERE \"Seq\" = {2}", hash, previous, row.Seq);
            previous = hash;
        }

        await db.Database.ExecuteSqlRawAsync("UPDATE \"AuditChainHeads\" SET \"Hash\" = {0} WHERE \"Chain\" = 'cases'", previous);

        var report = await AuditChainVerifier.VerifyAsync(db, AuditChain.Cases);
        Assert.Equal(ChainBreak.Rewritten, report.Fault?.Kind);
        Assert.Equal(checkpoint.Seq, report.Fault!.Seq);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ErasingPersonalText_LeavesTheChainVerifiable_AndSaysErased(string provider)
    {
        await using var factory = new PortalFactory { Provider = provider };
        using var filed = await ReceivedCase.FileAsync(factory);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            db.AuditEvents.Add(new AuditEvent(filed.Id, factory.Clock.GetUtcNow().UtcDateTime, "officer@example.jp", "withdrawn", "InReview", "Withdrawn", null, "Receipt ZX-99 from Taro"));
            await db.SaveChangesAsync();
        }

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var typed = await db.AuditEvents.SingleAsync(e => e.Action == "withdrawn");
            Assert.Equal("Receipt ZX-99 from Taro", typed.Text!.Value);
            Assert.DoesNotContain("ZX-99", typed.Hash + typed.Detail + typed.TextDigest, StringComparison.Ordinal);
            typed.EraseText();
            await db.SaveChangesAsync();
        }

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            Assert.True((await AuditChainVerifier.VerifyAsync(db, AuditChain.Cases)).Intact);
            var row = await AuditTrail.Query(db, db.Requests, new TrailFilter { RequestId = filed.Id, Action = "withdrawn" }, TextView.Shown).SingleAsync();
            Assert.Equal(TrailRow.ErasedText, row.Text);
            Assert.NotNull(row.TextDigest);
        }
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task AnEventOnceWritten_CannotBeChangedOrDeleted_ThroughThePortal(string provider)
    {
        await using var factory = new PortalFactory { Provider = provider };
        using var filed = await ReceivedCase.FileAsync(factory);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var first = await db.AdminAuditEvents.FirstOrDefaultAsync() ?? new AdminAuditEvent { Actor = "x", Action = "x", Subject = "x" };
        if (first.Seq == 0)
        {
            db.AdminAuditEvents.Add(first);
            await db.SaveChangesAsync();
        }

        first.Detail = "changed";
        Assert.Throws<InvalidOperationException>(() => db.SaveChanges());
        db.ChangeTracker.Clear();
        db.AuditEvents.Remove(await db.AuditEvents.FirstAsync());
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task VerifyFromASequenceNumber_ChecksOnlyFromThere_AndTheCommandSaysIntact()
    {
        await using var factory = new PortalFactory();
        using var filed = await ReceivedCase.FileAsync(factory);
        await AddEventsAsync(factory, filed.Id, 10);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        await db.Database.ExecuteSqlRawAsync("UPDATE \"AuditEvents\" SET \"Detail\" = 'forged' WHERE \"Seq\" = 2");

        var later = await AuditChainVerifier.VerifyAsync(db, AuditChain.Cases, from: 5);
        Assert.True(later.Intact, later.Fault?.Message);
        Assert.Equal(later.HeadSeq - 4, later.Checked);

        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        Assert.Equal(ExitCodes.Ok, await PortalCli.RunAsync(["audit", "verify", "--from", "5"], stdout, stderr, factory.CliSettings));
        Assert.Contains("cases: intact, events 5..", stdout.ToString(), StringComparison.Ordinal);
        Assert.Equal(ExitCodes.ChainBroken, await PortalCli.RunAsync(["audit", "verify"], new StringWriter(), stderr, factory.CliSettings));
        Assert.Equal(ExitCodes.Usage, await PortalCli.RunAsync(["audit", "verify", "--from", "zero"], new StringWriter(), new StringWriter(), factory.CliSettings));
    }

    private static async Task AddEventsAsync(PortalFactory factory, Guid requestId, int count)
    {
        for (var i = 0; i < count; i++)
        {
            await using var scope = factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            db.AuditEvents.Add(new AuditEvent(requestId, factory.Clock.GetUtcNow().UtcDateTime.AddSeconds(i), "system", "test-event", null, null, $"event {i}", i % 2 == 0 ? $"typed {i}" : null));
            await db.SaveChangesAsync();
        }
    }

    private static (long Cases, long Admin) Count(PortalFactory factory)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        return (db.AuditEvents.LongCount(), db.AdminAuditEvents.LongCount());
    }
}
