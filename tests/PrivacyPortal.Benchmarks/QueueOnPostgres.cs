using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PrivacyPortal.Infrastructure.Cases;
using PrivacyPortal.Infrastructure.Data;
using PrivacyPortal.Infrastructure.Hosting;
using PrivacyPortal.Infrastructure.Profiles;
using PrivacyPortal.Infrastructure.Staff;

namespace PrivacyPortal.Benchmarks;

/// <summary>
/// The case queue on PostgreSQL (queue-postgres.sh):
///   fill --connection CS --rows N           migrate, import the seed profiles and insert N requests
///   compare --connection CS --runs R        the queue page's two queries through EF Core and the same SQL through
///                                           plain Npgsql, alternately, R times each; medians and their ratio
///   officer --connection CS --url URL [--role auditor]
///                                           an officer of every controller (or an auditor), signed in; prints the Cookie header
/// </summary>
public static partial class QueueOnPostgres
{
    private static readonly DateOnly Today = new(2026, 11, 24);

    /// <summary>Controllers and their policies as the seeds define them (ids only).</summary>
    private static readonly (string Controller, string Policy)[] Series =
        [("nec", "nec-website"), ("netone", "netone"), ("ntt-resonant", "ntt-resonant"), ("ntt-smartconnect", "ntt-smartconnect")];

    public static async Task<int> RunAsync(string[] args)
    {
        var options = Options(args);
        var connection = options["connection"];
        return args[1] switch
        {
            "fill" => await FillAsync(connection, int.Parse(options["rows"], CultureInfo.InvariantCulture)),
            "compare" => await CompareAsync(connection, int.Parse(options.GetValueOrDefault("runs", "30"), CultureInfo.InvariantCulture)),
            "officer" => await OfficerAsync(connection, new Uri(options["url"]), options.GetValueOrDefault("role") == "auditor"),
            _ => 2,
        };
    }

    private static async Task<int> FillAsync(string connection, int rows)
    {
        await using (var db = PortalDatabase.Open(PortalProvider.Postgres, connection))
        {
            await db.Database.MigratePortalAsync();
            await new ProfileImporter(db, TimeProvider.System).ImportAsync(ProfileLoader.LoadDirectory(SeedsDirectory()), ImportMode.MissingOnly, CancellationToken.None);
        }

        await using var npgsql = new NpgsqlConnection(connection);
        await npgsql.OpenAsync();
        var watch = Stopwatch.StartNew();
        var controllers = string.Join(", ", Series.Select(s => $"'{s.Controller}'"));
        var policies = string.Join(", ", Series.Select(s => $"'{s.Policy}'"));
        var prefixes = string.Join(", ", Series.Select(s => $"'{s.Controller.ToUpperInvariant()}'"));
        // The SQLite benchmark's shape: four controllers, seven years of due dates, nine in ten closed (of every
        // controller: the status follows i / 4, the controller i % 4), one item each.
        await using var command = new NpgsqlCommand($"""
            INSERT INTO "Requests" ("Id", "PolicyId", "ControllerId", "ProfileVersion", "Language", "Status", "Reference", "Requester_FullName",
                "Requester_BirthDate", "Requester_PostalCode", "Requester_Address", "Requester_Email", "DocumentsByPost", "SubmissionKey",
                "StatusTokenHash", "StatusTokenIssuedAtUtc", "CreatedAtUtc", "ReceivedOn", "DueOn", "Version", "Fee_Status", "Extended",
                "LegalHold", "DecisionGrounds", "Pauses", "Channel")
            SELECT md5(i::text)::uuid, (ARRAY[{policies}])[i % 4 + 1], (ARRAY[{controllers}])[i % 4 + 1], 1, 'ja',
                CASE WHEN (i / 4) % 10 = 0 THEN (CASE (i / 4) % 40 WHEN 0 THEN 'Received' WHEN 10 THEN 'AwaitingIdentity' WHEN 20 THEN 'AwaitingFee' ELSE 'InReview' END) ELSE 'Closed' END,
                (ARRAY[{prefixes}])[i % 4 + 1] || '-' || (2020 + i % 7) || '-' || lpad(i::text, 8, '0'), 'x', DATE '1985-04-01', '100-0001', 'x',
                'x@example.jp', false, 'k' || i, 'h' || i, TIMESTAMPTZ '2026-01-01 00:00:00+00', TIMESTAMPTZ '2026-01-01 00:00:00+00',
                DATE '2020-01-01' + (i::bigint * 2557 / {rows})::int, DATE '2020-01-15' + (i::bigint * 2557 / {rows})::int, 1, 'NotRequested', false,
                false, '[]', '[]', 'Web'
            FROM generate_series(1, {rows}) AS i;
            INSERT INTO "RequestItems" ("RequestId", "TypeId", "Details") SELECT "Id", 'disclosure', '{"{}"}' FROM "Requests";
            """, npgsql) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync();
        // What autovacuum does to a settled table: statistics, and the visibility map that lets the counts per status
        // come from the index alone. VACUUM cannot share a statement batch.
        await using var vacuum = new NpgsqlCommand("VACUUM ANALYZE", npgsql) { CommandTimeout = 0 };
        await vacuum.ExecuteNonQueryAsync();
        Console.WriteLine($"filled {rows:N0} requests in {watch.Elapsed.TotalSeconds:0} s");
        return 0;
    }

    private static async Task<int> CompareAsync(string connection, int runs)
    {
        await using var db = PortalDatabase.Open(PortalProvider.Postgres, connection);
        await using var plain = NpgsqlDataSource.Create(connection);
        var pages = new (string Name, QueueFilter Filter)[]
        {
            ("open cases, first page", new QueueFilter { Controller = "netone" }),
            ("overdue, first page", new QueueFilter { Controller = "netone", Overdue = true }),
            ("in review, a page deep in the list", new QueueFilter { Controller = "netone", Status = Domain.Requests.RequestStatus.InReview, After = "2025-06-01|NETONE-2020-00000000" }),
            ("all of an officer's controllers", new QueueFilter()),
        };
        Console.WriteLine("| Queue page (both queries) | EF Core median | plain Npgsql median | EF / plain throughput |");
        Console.WriteLine("|---|---:|---:|---:|");
        foreach (var (name, filter) in pages)
        {
            var readable = db.Requests.AsNoTracking().Where(r => r.ControllerId == "netone" || r.ControllerId == "ntt-resonant");
            var scoped = CaseQueueQuery.Scoped(readable, filter, "user");
            // The very commands EF sends, run through a data source of their own.
            var commands = new[]
            {
                CaseQueueQuery.OpenCounts(scoped).CreateDbCommand(),
                CaseQueueQuery.Rows(scoped, filter, Today).CreateDbCommand(),
            };
            var sql = commands.Select(c => (c.CommandText, Parameters: c.Parameters.Cast<NpgsqlParameter>().Select(p => p.Clone()).ToList())).ToList();
            var ef = new List<double>();
            var raw = new List<double>();
            for (var i = 0; i < runs + 3; i++)
            {
                var watch = Stopwatch.StartNew();
                var page = await CaseQueueQuery.ReadAsync(readable, filter, "user", Today, CancellationToken.None);
                var efMs = watch.Elapsed.TotalMilliseconds;
                watch.Restart();
                var rows = 0;
                foreach (var (text, parameters) in sql)
                {
                    await using var command = plain.CreateCommand(text);
                    command.Parameters.AddRange(parameters.Select(p => p.Clone()).ToArray());
                    await using var reader = await command.ExecuteReaderAsync();
                    while (await reader.ReadAsync())
                    {
                        var values = new object[reader.FieldCount];
                        reader.GetValues(values);
                        rows++;
                    }
                }

                var rawMs = watch.Elapsed.TotalMilliseconds;
                if (i >= 3)
                {
                    ef.Add(efMs);
                    raw.Add(rawMs);
                }

                GC.KeepAlive(page);
                GC.KeepAlive(rows);
            }

            Console.WriteLine($"| {name} | {Median(ef):0.0} ms | {Median(raw):0.0} ms | {Median(raw) / Median(ef):0.00}x |");
        }

        return 0;
    }

    private static async Task<int> OfficerAsync(string connection, Uri site, bool auditor)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["Database:ConnectionString"] = connection,
            ["Portal:ProfilesDirectory"] = SeedsDirectory(),
        }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddPortalInfrastructure(configuration, Path.GetTempPath());
        services.AddSingleton<IPortalPaths>(PrivacyPortal.Web.Hosting.PortalRoutes.Instance);
        await using var provider = services.BuildServiceProvider();
        string key;
        var email = auditor ? "bench.auditor@example.jp" : "bench.officer@example.jp";
        const string Password = "bench password for the queue";
        await using (var scope = provider.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            var user = await users.FindByEmailAsync(email);
            if (user is null)
            {
                var created = await scope.ServiceProvider.GetRequiredService<StaffAccounts>().CreateAsync(email, "Bench staff", auditor ? StaffRoles.Auditor : StaffRoles.PrivacyOfficer, auditor ? [] : Series.Select(s => s.Controller).ToArray(), "benchmark");
                user = (await users.FindByIdAsync(created.User.Id))!;
                await users.AddPasswordAsync(user, Password);
                await users.ResetAuthenticatorKeyAsync(user);
                await users.SetTwoFactorEnabledAsync(user, true);
            }

            key = (await users.GetAuthenticatorKeyAsync(user))!;
        }

        var jar = new Dictionary<string, string>(StringComparer.Ordinal);
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = site };
        var next = await PostAsync(client, jar, "/staff/login", new() { ["email"] = email, ["password"] = Password });
        await PostAsync(client, jar, next!, new() { ["code"] = Web.Tests.Support.Totp.Code(key, DateTimeOffset.UtcNow) });
        Console.WriteLine(string.Join("; ", jar.Select(c => $"{c.Key}={c.Value}")));
        return 0;
    }

    private static async Task<string?> PostAsync(HttpClient client, Dictionary<string, string> jar, string path, Dictionary<string, string> fields)
    {
        var page = await SendAsync(client, jar, new HttpRequestMessage(HttpMethod.Get, path));
        var token = Token().Match(await page.Content.ReadAsStringAsync());
        fields["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value);
        var response = await SendAsync(client, jar, new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(fields) });
        return response.StatusCode == HttpStatusCode.Redirect ? response.Headers.Location!.OriginalString : throw new InvalidOperationException($"{path} answered {response.StatusCode}");
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, Dictionary<string, string> jar, HttpRequestMessage request)
    {
        // Behind a load balancer that speaks HTTPS: the portal's staff cookies are Secure.
        request.Headers.Add("X-Forwarded-Proto", "https");
        if (jar.Count > 0)
        {
            request.Headers.Add("Cookie", string.Join("; ", jar.Select(c => $"{c.Key}={c.Value}")));
        }

        var response = await client.SendAsync(request);
        foreach (var cookie in response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
        {
            var pair = cookie.Split(';', 2)[0].Split('=', 2);
            jar[pair[0]] = pair[1];
        }

        return response;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static Dictionary<string, string> Options(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 2; i + 1 < args.Length; i += 2)
        {
            options[args[i].TrimStart('-')] = args[i + 1];
        }

        return options;
    }

    internal static string SeedsDirectory()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "PrivacyPortal.sln")))
        {
            directory = directory.Parent;
        }

        return Path.Combine(directory?.FullName ?? ".", "seeds");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
