using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PrivacyPortal.Domain.Requests;
using PrivacyPortal.Infrastructure.Data;
using PrivacyPortal.Infrastructure.Hosting;
using PrivacyPortal.Infrastructure.Notices;
using PrivacyPortal.Infrastructure.Profiles;
using PrivacyPortal.Infrastructure.Security;

namespace PrivacyPortal.Benchmarks;

/// <summary>
/// `notices --port P --count N --seeds DIR [--send-only]`: N email-confirmation notices in a fresh SQLite outbox (written as filing
/// writes them, links protected), then the real dispatcher (compose, send over SMTP, mark sent, audit) run batch after
/// batch until every one is sent. Prints the notices per second of the sending alone. Run by notices-vs-smtplib.sh
/// beside Python's smtplib against the same server.
/// </summary>
public static class NoticeThroughput
{
    public static async Task<int> RunAsync(string[] args)
    {
        string Option(string name) => args.SkipWhile(a => a != $"--{name}").Skip(1).FirstOrDefault() ?? throw new ArgumentException($"--{name} is required.");
        var port = int.Parse(Option("port"), CultureInfo.InvariantCulture);
        var count = int.Parse(Option("count"), CultureInfo.InvariantCulture);
        var seeds = Option("seeds");
        // --connection CS: the outbox on PostgreSQL; --workers K: K dispatchers, each with claims of its own.
        var connection = args.SkipWhile(a => a != "--connection").Skip(1).FirstOrDefault();
        var workers = int.Parse(args.SkipWhile(a => a != "--workers").Skip(1).FirstOrDefault() ?? "1", CultureInfo.InvariantCulture);
        var data = Directory.CreateTempSubdirectory("portal-bench-notices").FullName;
        try
        {
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Portal:DataDirectory"] = data,
                ["Portal:ProfilesDirectory"] = seeds,
                ["Smtp:Host"] = "127.0.0.1",
                ["Smtp:Port"] = port.ToString(CultureInfo.InvariantCulture),
                ["Smtp:Security"] = "None",
                ["Smtp:From"] = "PrivacyPortal <no-reply@privacyportal.test>",
                ["Database:Provider"] = connection is null ? "Sqlite" : "Postgres",
                ["Database:ConnectionString"] = connection,
            }).Build();
            var services = new ServiceCollection()
                .AddLogging(b => b.SetMinimumLevel(LogLevel.Warning))
                .AddSingleton<IConfiguration>(configuration)
                .AddPortalInfrastructure(configuration, data)
                .AddSingleton<IPortalPaths>(PrivacyPortal.Web.Hosting.PortalRoutes.Instance)
                .BuildServiceProvider();
            await using (services)
            {
                if (args.Contains("--send-only"))
                {
                    await SendOnlyAsync(services, count);
                    return 0;
                }

                await SeedAsync(services, count);
                if (workers > 1 || connection is not null)
                {
                    return await RunWorkersAsync(services, count, workers);
                }

                var watch = Stopwatch.StartNew();
                var sent = 0;
                while (sent < count)
                {
                    await using var scope = services.CreateAsyncScope();
                    var batch = await scope.ServiceProvider.GetRequiredService<NoticeDispatcher>().RunOnceAsync(CancellationToken.None);
                    if (batch == 0)
                    {
                        throw new InvalidOperationException($"The dispatcher stopped after {sent} of {count} notices.");
                    }

                    sent += batch;
                }

                watch.Stop();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"portal dispatcher: {count} notices in {watch.Elapsed.TotalSeconds:0.000} s = {count / watch.Elapsed.TotalSeconds:0} notices/s"));
            }

            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(data, recursive: true);
        }
    }

    /// <summary>K dispatchers at once, as K workers on one database would run: each claims its own batches.</summary>
    private static async Task<int> RunWorkersAsync(IServiceProvider services, int count, int workers)
    {
        var watch = Stopwatch.StartNew();
        var sent = await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
        {
            var claims = new Infrastructure.Jobs.RowClaims(services.GetRequiredService<Microsoft.Extensions.Options.IOptions<WorkerOptions>>(), TimeProvider.System);
            var mine = 0;
            while (true)
            {
                await using var scope = services.CreateAsyncScope();
                var batch = await ActivatorUtilities.CreateInstance<NoticeDispatcher>(scope.ServiceProvider, claims).RunOnceAsync(CancellationToken.None);
                if (batch == 0)
                {
                    return mine;
                }

                mine += batch;
            }
        })));
        watch.Stop();
        if (sent.Sum() != count)
        {
            throw new InvalidOperationException($"{sent.Sum()} of {count} notices were sent.");
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{workers} worker(s): {count} notices in {watch.Elapsed.TotalSeconds:0.000} s = {count / watch.Elapsed.TotalSeconds:0} notices/s ({string.Join("/", sent)})"));
        return 0;
    }

    /// <summary>`--send-only`: N prebuilt messages through the portal's sender on one connection, no database at all.</summary>
    private static async Task SendOnlyAsync(IServiceProvider services, int count)
    {
        var composer = services.GetRequiredService<NoticeComposer>();
        var messages = Enumerable.Range(0, count).Select(i => composer.Message(
            $"person{i}@example.jp",
            "【プライバシーポータル】メールアドレスの確認（Net One Systems Co., Ltd.への請求）",
            $"Net One Systems Co., Ltd.への個人情報に関する請求を受け付けるため、メールアドレスを確認してください。\nhttp://localhost:5080/confirm/{SecretTokens.New()}\n",
            $"<{Guid.NewGuid():N}@privacyportal>",
            "ja",
            null)).ToList();
        var watch = Stopwatch.StartNew();
        await using (var session = services.GetRequiredService<IMailSender>().OpenSession())
        {
            foreach (var message in messages)
            {
                await session.SendAsync(message, CancellationToken.None);
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"portal sender alone: {count} messages in {watch.Elapsed.TotalSeconds:0.000} s = {count / watch.Elapsed.TotalSeconds:0} messages/s"));
    }

    private static async Task SeedAsync(IServiceProvider services, int count)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        await db.Database.MigratePortalAsync();
        var catalog = scope.ServiceProvider.GetRequiredService<ProfileCatalog>();
        await scope.ServiceProvider.GetRequiredService<ProfileImporter>().ImportAsync(catalog, ImportMode.MissingOnly, CancellationToken.None);
        var links = scope.ServiceProvider.GetRequiredService<NoticeLinks>();
        var profile = catalog.Find("netone")!.Profile;
        var now = DateTime.UtcNow;
        for (var i = 0; i < count; i++)
        {
            var person = new Requester { FullName = $"山田 花子 {i}", BirthDate = new DateOnly(1985, 4, 1), PostalCode = "541-0047", Address = "大阪府大阪市中央区", Email = $"person{i}@example.jp" };
            db.Requests.Add(PrivacyRequest.File(
                new NewRequest("netone", i % 2 == 0 ? "ja" : "en", person, null, [("correction", new Dictionary<string, string> { ["untrue"] = "住所", ["correct"] = "新住所" })], false, $"bench{i}"),
                profile,
                1,
                new IssuedSecret(SecretTokens.Hash($"c{i}"), links.Protect($"http://localhost:5080/confirm/{SecretTokens.New()}")),
                new IssuedSecret(SecretTokens.Hash($"s{i}"), links.Protect($"http://localhost:5080/r/{SecretTokens.New()}")),
                now.AddMilliseconds(i)));
        }

        await db.SaveChangesAsync();
    }
}
