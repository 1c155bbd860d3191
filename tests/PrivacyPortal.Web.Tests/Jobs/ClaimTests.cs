using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PrivacyPortal.Domain.Requests;
using PrivacyPortal.Infrastructure.Data;
using PrivacyPortal.Infrastructure.Jobs;
using PrivacyPortal.Infrastructure.Notices;
using PrivacyPortal.Web.Tests.Support;

namespace PrivacyPortal.Web.Tests.Jobs;

/// <summary>
/// Several workers on one database, on SQLite and PostgreSQL: they claim disjoint rows even when claiming at the
/// same moment, two dispatchers send every notice exactly once, a dead worker's claim is taken over when its lease
/// expires (never before), and a whole-table job runs on one worker at a time.
/// </summary>
public sealed class ClaimTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(60);

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task WorkersClaimingAtOnce_GetDisjointNotices_ThatCoverEveryPendingOne(string provider)
    {
        await using var factory = new PortalFactory { Provider = provider };
        await FileAsync(factory, 24);
        var workers = Enumerable.Range(0, 6).Select(_ => Worker(factory.Clock)).ToList();

        // Each worker claims batches of 3 on its own context until nothing is left, all at once.
        var claimed = await Task.WhenAll(workers.Select(worker => Task.Run(async () =>
        {
            var mine = new List<Guid>();
            await using var scope = factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            while ((await worker.ClaimNoticesAsync(db, 3, CancellationToken.None)) is { Count: > 0 } batch)
            {
                mine.AddRange(batch);
            }

            return mine;
        })));

        var all = claimed.SelectMany(ids => ids).ToList();
        Assert.Equal(all.Count, all.Distinct().Count());
        var pending = Query(factory, db => db.Notices.Where(n => n.SentAtUtc == null).Select(n => n.Id).ToList());
        Assert.Equal(24, pending.Count);
        Assert.Equal(pending.Order(), all.Order());
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task TwoDispatchers_SendEveryNoticeExactlyOnce(string provider)
    {
        using var smtp = new SmtpServer();
        await using var factory = new PortalFactory { Provider = provider, Settings = new(smtp.Settings) { ["Worker:BatchSize"] = "4" } };
        await FileAsync(factory, 20);

        await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            var claims = Worker(factory.Clock);
            while (true)
            {
                await using var scope = factory.Services.CreateAsyncScope();
                var dispatcher = ActivatorUtilities.CreateInstance<NoticeDispatcher>(scope.ServiceProvider, claims);
                if (await dispatcher.RunOnceAsync(CancellationToken.None) == 0)
                {
                    return;
                }
            }
        })));

        var ids = smtp.MimeMessages().Select(m => m.MessageId).ToList();
        Assert.Equal(20, ids.Count);
        Assert.Equal(20, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(0, Query(factory, db => db.Notices.Count(n => n.SentAtUtc == null)));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ADeadWorkersClaim_IsTakenOverWhenItsLeaseExpires_NotBefore(string provider)
    {
        await using var factory = new PortalFactory { Provider = provider };
        await FileAsync(factory, 3);
        var dead = Worker(factory.Clock);
        var other = Worker(factory.Clock);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();

        Assert.Equal(3, (await dead.ClaimNoticesAsync(db, 10, CancellationToken.None)).Count);
        Assert.Empty(await other.ClaimNoticesAsync(db, 10, CancellationToken.None));
        factory.Clock.Advance(Lease - TimeSpan.FromSeconds(1));
        Assert.Empty(await other.ClaimNoticesAsync(db, 10, CancellationToken.None));
        factory.Clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(3, (await other.ClaimNoticesAsync(db, 10, CancellationToken.None)).Count);
        Assert.Equal(other.Holder, Query(factory, db => db.Notices.Select(n => EF.Property<string>(n, RowClaims.HolderColumn)).Distinct().Single()));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Letters_AreClaimedByOneWorker_AndGivenBackForTheNext(string provider)
    {
        await using var factory = new PortalFactory { Provider = provider };
        using var first = await ReceivedCase.FileAsync(factory, "netone", ["correction"]);
        using var second = await ReceivedCase.FileAsync(factory, "ntt-resonant", ["disclosure"]);
        var pending = Query(factory, db => db.Set<RequestLetter>().Count(l => l.Status == LetterStatus.Pending));
        Assert.True(pending >= 2, $"{pending} pending letters");
        var a = Worker(factory.Clock);
        var b = Worker(factory.Clock);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();

        var claimedByA = await a.ClaimLettersAsync(db, 1, CancellationToken.None);
        var claimedByB = await b.ClaimLettersAsync(db, 100, CancellationToken.None);
        Assert.Single(claimedByA);
        Assert.Equal(pending - 1, claimedByB.Count);
        Assert.DoesNotContain(claimedByA[0], claimedByB);

        await a.ReleaseAsync<RequestLetter>(db, claimedByA, CancellationToken.None);
        Assert.Equal(claimedByA, await b.ClaimLettersAsync(db, 100, CancellationToken.None));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task AWholeTableJob_RunsOnOneWorkerAtATime(string provider)
    {
        await using var factory = new PortalFactory { Provider = provider };
        var a = Worker(factory.Clock);
        var b = Worker(factory.Clock);
        await using var scopeA = factory.Services.CreateAsyncScope();
        await using var scopeB = factory.Services.CreateAsyncScope();
        var leasesA = Leases(scopeA, a, factory.Clock);
        var leasesB = Leases(scopeB, b, factory.Clock);

        // B asks while A runs: refused, and its work is not done.
        var ranOnB = false;
        await leasesA.RunAloneAsync("retention", async () =>
        {
            Assert.False(await leasesB.RunAloneAsync("retention", () => { ranOnB = true; return Task.FromResult(false); }, CancellationToken.None));
            return false;
        }, CancellationToken.None);
        Assert.False(ranOnB);

        // Given back after the run: B's turn at once.
        Assert.True(await leasesB.TryTakeAsync("retention", CancellationToken.None));
        // B dies holding it: A waits for the lease to expire.
        Assert.False(await leasesA.TryTakeAsync("retention", CancellationToken.None));
        factory.Clock.Advance(Lease + TimeSpan.FromSeconds(1));
        Assert.True(await leasesA.TryTakeAsync("retention", CancellationToken.None));
        // Another job's lease is its own.
        Assert.True(await leasesB.TryTakeAsync("digests", CancellationToken.None));
    }

    private static RowClaims Worker(TimeProvider clock) =>
        new(Options.Create(new WorkerOptions { ClaimLeaseSeconds = Lease.TotalSeconds }), clock);

    private static JobLeases Leases(AsyncServiceScope scope, RowClaims claims, TimeProvider clock) =>
        new(scope.ServiceProvider.GetRequiredService<PortalDbContext>(), claims, Options.Create(new WorkerOptions { ClaimLeaseSeconds = Lease.TotalSeconds }), clock);

    private static async Task FileAsync(PortalFactory factory, int count)
    {
        for (var i = 0; i < count; i++)
        {
            using var person = new IntakeClient(factory);
            await person.FileAsync("ntt-smartconnect", ["disclosure"]);
        }
    }

    private static T Query<T>(PortalFactory factory, Func<PortalDbContext, T> query)
    {
        using var scope = factory.Services.CreateScope();
        return query(scope.ServiceProvider.GetRequiredService<PortalDbContext>());
    }
}
