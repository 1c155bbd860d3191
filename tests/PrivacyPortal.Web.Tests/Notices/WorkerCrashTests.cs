using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PrivacyPortal.Domain.Requests;
using PrivacyPortal.Infrastructure.Data;
using PrivacyPortal.Infrastructure.Profiles;
using PrivacyPortal.Infrastructure.Security;
using PrivacyPortal.Web.Tests.Support;

namespace PrivacyPortal.Web.Tests.Notices;

/// <summary>
/// The worker as its own process, killed with SIGKILL in the middle of 500 notices and started again: every
/// notice arrives at least once, and a kill duplicates at most the one message in flight, with the same Message-ID.
/// On SQLite and on PostgreSQL: the killed worker's claim on its batch expires and the new worker takes it over.
/// </summary>
public sealed partial class WorkerCrashTests : IDisposable
{
    private const int NoticeCount = 500;
    private readonly SmtpServer _smtp = new();
    private TestDeployment? _deployment;

    private TestDeployment Deployment => _deployment!;

    public void Dispose()
    {
        _smtp.Dispose();
        _deployment?.Dispose();
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task KillingTheWorkerMidBatch_LosesNothing_AndDuplicatesAtMostOneMessage(string provider)
    {
        _deployment = new TestDeployment(provider);
        var ids = await SeedNoticesAsync();

        using (var first = StartWorker())
        {
            await Eventually.TrueAsync(() => _smtp.Messages().Count >= 50, "the first messages to arrive");
            first.End();
        }

        var beforeRestart = _smtp.Messages().Count;
        Assert.InRange(beforeRestart, 50, NoticeCount);

        using (var second = StartWorker())
        {
            // The second worker first waits out the killed one's claim leases; on a loaded 2-core machine (the browser
            // tests run beside this one) the rest of the 500 messages can take over two minutes.
            await Eventually.TrueAsync(() => MessageIds().Distinct().Count() >= NoticeCount, "every notice to arrive");
            await Eventually.TrueAsync(() => PendingNotices() == 0, "every notice to be marked sent");
            second.End();
        }

        var received = MessageIds();
        Assert.Equal(ids.Select(id => $"<{id:N}@privacyportal>").Order(StringComparer.Ordinal), received.Distinct().Order(StringComparer.Ordinal));
        Assert.InRange(received.Count - NoticeCount, 0, 1);
    }

    private List<string> MessageIds() =>
        _smtp.Messages().Select(m => MessageIdLine().Match(m).Groups[1].Value).ToList();

    private int PendingNotices()
    {
        using var services = Deployment.Services();
        using var scope = services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<PortalDbContext>().Notices.Count(n => n.SentAtUtc == null);
    }

    private ChildProcess StartWorker()
    {
        // The CLI's own build output (same configuration as the tests): its deps file describes its own assemblies.
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var portal = Path.Combine(RepoPaths.Root, "src", "PrivacyPortal.Cli", "bin", configuration, "net10.0", "portal.dll");
        var start = new ProcessStartInfo("dotnet", [portal, "worker"]);
        Deployment.Apply(start);
        start.Environment["Worker__PollSeconds"] = "0.2";
        // The killed worker's claim on its batch lapses quickly, so the test need not wait the default two minutes.
        start.Environment["Worker__ClaimLeaseSeconds"] = "3";
        start.Environment["Worker__BatchSize"] = "20";
        foreach (var (key, value) in _smtp.Settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        return ChildProcess.Start(start);
    }

    /// <summary>500 filed requests, each with its confirmation notice in the outbox, links protected as the web app does.</summary>
    private async Task<List<Guid>> SeedNoticesAsync()
    {
        var catalog = ProfileLoader.LoadDirectory(RepoPaths.Seeds);
        // The portal's own services on the worker's database: the links are protected with the key ring it reads.
        await using var services = Deployment.Services();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        await db.Database.MigratePortalAsync();
        await new ProfileImporter(db, TimeProvider.System).ImportAsync(catalog, ImportMode.MissingOnly, CancellationToken.None);
        var links = scope.ServiceProvider.GetRequiredService<NoticeLinks>();
        var profile = catalog.Find("netone")!.Profile;
        var now = DateTime.UtcNow;
        for (var i = 0; i < NoticeCount; i++)
        {
            var person = new Requester { FullName = $"Person {i}", BirthDate = new DateOnly(1980, 1, 1), PostalCode = "140-8621", Address = "Tokyo", Email = $"person{i}@example.jp" };
            db.Requests.Add(PrivacyRequest.File(
                new NewRequest("netone", i % 2 == 0 ? "ja" : "en", person, null, [("correction", new Dictionary<string, string> { ["untrue"] = "a", ["correct"] = "b" })], false, $"key{i}"),
                profile,
                1,
                new IssuedSecret(SecretTokens.Hash($"c{i}"), links.Protect($"http://127.0.0.1/confirm/c{i}")),
                new IssuedSecret(SecretTokens.Hash($"s{i}"), links.Protect($"http://127.0.0.1/r/s{i}")),
                now.AddMilliseconds(i)));
        }

        await db.SaveChangesAsync();
        return await db.Notices.Select(n => n.Id).ToListAsync();
    }

    [GeneratedRegex(@"Message-ID: (<[^>]+>)")]
    private static partial Regex MessageIdLine();
}
