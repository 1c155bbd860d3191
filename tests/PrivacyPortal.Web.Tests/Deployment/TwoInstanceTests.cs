using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PrivacyPortal.Infrastructure.Data;
using PrivacyPortal.Infrastructure.Staff;
using PrivacyPortal.Web.Tests.Support;

namespace PrivacyPortal.Web.Tests.Deployment;

/// <summary>
/// Two portal processes on loopback against one PostgreSQL, each with its worker on, each with a data folder of its
/// own (files in the database), and a real SMTP server: 200 requests filed and confirmed alternately through both
/// (the confirmation form fetched from one instance and posted to the other); every confirmation and
/// acknowledgement arrives exactly once, every reference is unique, a staff session started on one instance is
/// accepted by the other, and signing out on one ends it on the other at once.
/// </summary>
public sealed partial class TwoInstanceTests : IDisposable
{
    private const int Requests = 200;
    private readonly SmtpServer _smtp = new();
    private readonly TestDeployment _deployment = new(Providers.Postgres);
    private readonly TempDirectory _secondData = new();
    private readonly List<ChildProcess> _processes = [];

    public void Dispose()
    {
        foreach (var process in _processes)
        {
            process.Dispose();
        }

        _smtp.Dispose();
        _secondData.Dispose();
        _deployment.Dispose();
    }

    [Fact]
    public async Task TwoInstancesOnOneDatabase_SendEachAcknowledgementOnce_NumberUniquely_AndShareSessions()
    {
        var a = await StartAsync(_deployment.Data.Path);
        var b = await StartAsync(_secondData.Path);
        Uri[] sites = [a, b];

        // Filed alternately through both, eight people at a time.
        await ParallelAsync(Requests, async i =>
        {
            using var person = new IntakeClient(sites[i % 2]);
            await person.FileAsync("ntt-smartconnect", ["disclosure"], new() { ["Input.Email"] = Address(i) });
        });

        var confirmations = await MailAsync(Requests);
        Assert.Equal(Requests, confirmations.Count);

        // Each confirmation page is opened on one instance and its form posted to the other: the antiforgery token
        // and its cookie were made with the key ring both read from the database.
        await ParallelAsync(Requests, async i =>
        {
            var path = new Uri(confirmations[Address(i)]).PathAndQuery;
            using var opener = new IntakeClient(sites[i % 2]);
            var (html, status) = await opener.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, status);
            using var poster = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = sites[(i + 1) % 2] };
            using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(IntakeClient.HiddenFields(html)) };
            request.Headers.Add("Cookie", opener.CookieHeader(sites[i % 2]));
            using var confirmed = await poster.SendAsync(request);
            Assert.True(confirmed.StatusCode == HttpStatusCode.Redirect, $"{Address(i)}: {confirmed.StatusCode}\n{string.Join('\n', _processes.Select(p => p.Output))}");
        });

        await MailAsync(Requests * 2);
        var messages = _smtp.MimeMessages();
        // Exactly once: no Message-ID twice in the Maildir, one confirmation and one acknowledgement per person.
        Assert.All(messages.GroupBy(m => m.MessageId, StringComparer.Ordinal), g => Assert.Single(g));
        Assert.Equal(Requests * 2, messages.Count);
        Assert.All(messages.GroupBy(m => m.To.ToString()), g => Assert.Equal(2, g.Count()));

        await using var services = _deployment.Services();
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var references = await db.Requests.Where(r => r.Reference != null).Select(r => r.Reference!).ToListAsync();
            Assert.Equal(Requests, references.Count);
            Assert.Equal(Requests, references.Distinct(StringComparer.Ordinal).Count());
            Assert.Equal(0, await db.Notices.CountAsync(n => n.SentAtUtc == null));
        }

        // A staff session started on A is accepted by B; signing out on B ends it on A at once.
        var key = await CreateOfficerAsync(services);
        using var staff = new ForwardedStaffClient();
        await staff.SignInAsync(a, "officer@example.jp", StaffClient.Password, Totp.Code(key, DateTimeOffset.UtcNow));
        var copied = staff.Cookies();
        Assert.Equal(HttpStatusCode.OK, await staff.StatusOfAsync(a, "/staff"));
        Assert.Equal(HttpStatusCode.OK, await staff.StatusOfAsync(b, "/staff"));
        await staff.SignOutAsync(b);
        staff.Restore(copied);
        Assert.Equal(HttpStatusCode.Redirect, await staff.StatusOfAsync(a, "/staff"));
        Assert.Equal(HttpStatusCode.Redirect, await staff.StatusOfAsync(b, "/staff"));
    }

    private static string Address(int i) => $"person{i}@example.jp";

    private static async Task ParallelAsync(int count, Func<int, Task> work) =>
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) => await work(i));

    /// <summary>Waits until the Maildir holds this many messages; returns each person's confirmation link.</summary>
    private async Task<Dictionary<string, string>> MailAsync(int expected)
    {
        await Eventually.TrueAsync(
            () => _smtp.MimeMessages().Count >= expected,
            $"{expected} emails to arrive ({string.Join(" | ", _processes.SelectMany(p => p.Output.Split('\n')).TakeLast(5))})");
        return _smtp.MimeMessages()
            .Select(m => (To: m.To.Mailboxes.Single().Address, Link: LinkIn(m.TextBody ?? string.Empty, "/confirm/")))
            .Where(m => m.Link is not null)
            .GroupBy(m => m.To)
            .ToDictionary(g => g.Key, g => g.Last().Link!);
    }

    private static string? LinkIn(string text, string path) =>
        LinkPattern().Matches(text).Select(m => m.Value).FirstOrDefault(l => l.Contains(path, StringComparison.Ordinal));

    private static async Task<string> CreateOfficerAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<StaffAccounts>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var created = await accounts.CreateAsync("officer@example.jp", "officer", StaffRoles.PrivacyOfficer, ["ntt-smartconnect"], "test");
        var user = (await users.FindByIdAsync(created.User.Id))!;
        Assert.True((await users.AddPasswordAsync(user, StaffClient.Password)).Succeeded);
        Assert.True((await users.ResetAuthenticatorKeyAsync(user)).Succeeded);
        Assert.True((await users.SetTwoFactorEnabledAsync(user, true)).Succeeded);
        return (await users.GetAuthenticatorKeyAsync(user))!;
    }

    private async Task<Uri> StartAsync(string dataDirectory)
    {
        var port = SmtpServer.FreePort();
        var url = $"http://127.0.0.1:{port}";
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var web = Path.Combine(RepoPaths.Root, "src", "PrivacyPortal.Web", "bin", configuration, "net10.0");
        var start = new ProcessStartInfo("dotnet", [Path.Combine(web, "PrivacyPortal.Web.dll"), "--urls", url]) { WorkingDirectory = web };
        _deployment.Apply(start);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Portal__DataDirectory"] = dataDirectory;
        start.Environment["Worker__Enabled"] = "true";
        start.Environment["Worker__PollSeconds"] = "0.2";
        // The load balancer in front of both is this loopback address: its X-Forwarded-Proto says HTTPS.
        start.Environment["ForwardedHeaders__KnownProxies"] = "127.0.0.1";
        foreach (var limit in new[] { "SubmitPerMinute", "ConfirmPerMinute", "StatusPerMinute", "UploadPerMinute", "StatusLinkPerMinute", "StaffSignInPerMinute" })
        {
            start.Environment[$"RateLimits__{limit}"] = "100000";
        }

        foreach (var (key, value) in _smtp.Settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = ChildProcess.Start(start);
        _processes.Add(process);
        await process.WaitUntilServingAsync(new Uri(url));
        return new Uri(url);
    }


    [GeneratedRegex(@"https?://[^\s<>""]+")]
    private static partial Regex LinkPattern();

    /// <summary>
    /// A staff browser behind the load balancer: every request says it came over HTTPS (X-Forwarded-Proto from a
    /// known proxy), so the portal sets its Secure cookies, which this client keeps itself across both instances.
    /// </summary>
    private sealed partial class ForwardedStaffClient : IDisposable
    {
        private readonly HttpClient _client = new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false });
        private Dictionary<string, string> _jar = new(StringComparer.Ordinal);

        public Dictionary<string, string> Cookies() => new(_jar, StringComparer.Ordinal);

        public void Restore(Dictionary<string, string> cookies) => _jar = new(cookies, StringComparer.Ordinal);

        public async Task SignInAsync(Uri site, string email, string password, string code)
        {
            using var first = await PostFormAsync(site, "/staff/login", new() { ["email"] = email, ["password"] = password });
            var next = first.Headers.Location?.OriginalString ?? throw new InvalidOperationException($"The password step answered {first.StatusCode}.");
            using var second = await PostFormAsync(site, next, new() { ["code"] = code });
            Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        }

        public async Task SignOutAsync(Uri site)
        {
            using var response = await PostFormAsync(site, "/staff/logout", []);
            Assert.True(response.IsSuccessStatusCode || response.StatusCode == HttpStatusCode.Redirect, response.StatusCode.ToString());
        }

        public async Task<HttpStatusCode> StatusOfAsync(Uri site, string path)
        {
            using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Get, new Uri(site, path)));
            return response.StatusCode;
        }

        public void Dispose() => _client.Dispose();

        private async Task<HttpResponseMessage> PostFormAsync(Uri site, string path, Dictionary<string, string> fields)
        {
            using var page = await SendAsync(new HttpRequestMessage(HttpMethod.Get, new Uri(site, path)));
            var html = await page.Content.ReadAsStringAsync();
            var token = Token().Match(html);
            var pairs = fields.ToList();
            if (token.Success)
            {
                pairs.Add(new("__RequestVerificationToken", WebUtility.HtmlDecode(token.Groups[1].Value)));
            }

            return await SendAsync(new HttpRequestMessage(HttpMethod.Post, new Uri(site, path)) { Content = new FormUrlEncodedContent(pairs) });
        }

        private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
        {
            using (request)
            {
                request.Headers.Add("X-Forwarded-Proto", "https");
                if (_jar.Count > 0)
                {
                    request.Headers.Add("Cookie", string.Join("; ", _jar.Select(c => $"{c.Key}={c.Value}")));
                }

                var response = await _client.SendAsync(request);
                if (response.Headers.TryGetValues("Set-Cookie", out var cookies))
                {
                    foreach (var cookie in cookies)
                    {
                        var pair = cookie.Split(';', 2)[0].Split('=', 2);
                        if (pair[1].Length == 0 || cookie.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase))
                        {
                            _jar.Remove(pair[0]);
                        }
                        else
                        {
                            _jar[pair[0]] = pair[1];
                        }
                    }
                }

                return response;
            }
        }

        [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
        private static partial Regex Token();
    }
}
