using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using PrivacyPortal.Infrastructure.Notices;
using PrivacyPortal.Web.Tests.Support;

namespace PrivacyPortal.Web.Tests.Hosting;

/// <summary>
/// The portal as its own process on Kestrel, logging as in production: a request is filed, its draft status link, its
/// confirmation link (read from the email the worker wrote) and the status link after confirming are opened, plus an
/// address no route serves with a token in it and a set-password link. Neither the console nor the log files hold any of those tokens, and
/// the request log still names every request.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed partial class SecretsInLogsTests : IDisposable
{
    private readonly TempDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task StatusConfirmationAndSetPasswordTokens_NeverReachTheConsoleOrTheLogFiles()
    {
        var port = SmtpServer.FreePort();
        var baseUrl = $"http://127.0.0.1:{port}";
        using var portal = Start(baseUrl);
        using var handler = new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() };
        using var http = new HttpClient(handler) { BaseAddress = new Uri(baseUrl) };
        await portal.WaitUntilServingAsync(new Uri(baseUrl));

        var draftStatus = await FileAsync(http);
        using (var opened = await http.GetAsync(new Uri(draftStatus, UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        }

        var confirmLink = await ConfirmationLinkFromMailAsync();
        var confirmPath = new Uri(confirmLink).AbsolutePath;
        var confirmPage = await http.GetStringAsync(new Uri(confirmPath, UriKind.Relative));
        using var confirmForm = new FormUrlEncodedContent(IntakeClient.HiddenFields(confirmPage));
        using var confirmed = await http.PostAsync(new Uri(confirmPath, UriKind.Relative), confirmForm);
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        var status = confirmed.Headers.Location!.OriginalString;
        using (var opened = await http.GetAsync(new Uri(status, UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        }

        var statusToken = status.Split('/')[^1];
        using (await http.GetAsync(new Uri($"/letters/{statusToken}", UriKind.Relative)))
        {
        }

        const string resetToken = "CfDJ8SetPasswordTokenThatMustNeverBeLogged0123";
        using (await http.GetAsync(new Uri($"/staff/set-password?user=someone&token={resetToken}", UriKind.Relative)))
        {
        }

        var secrets = new[] { draftStatus.Split('/')[^1], confirmPath.Split('/')[^1], statusToken, resetToken };
        Assert.All(secrets, s => Assert.True(s.Length >= 40, s));

        portal.End();
        var files = Directory.GetFiles(Path.Combine(_data.Path, "logs"));
        Assert.NotEmpty(files);
        var logs = string.Concat(files.Select(File.ReadAllText));
        var console = portal.Output;

        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(secret, console, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, logs, StringComparison.Ordinal);
        }

        // The request log is there, one line per request, with the route's template in place of each secret.
        foreach (var line in new[] { "HTTP GET /r/{token} responded 200", "HTTP GET /confirm/{token} responded 200", "HTTP POST /confirm/{token} responded 302", "HTTP GET /staff/set-password responded 200", "HTTP GET /letters/{redacted} responded 404" })
        {
            Assert.Contains(line, console, StringComparison.Ordinal);
            Assert.Contains(line, logs, StringComparison.Ordinal);
        }

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.Combine(_data.Path, "logs")));
        Assert.All(files, f => Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(f)));
    }

    private ChildProcess Start(string baseUrl)
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var web = Path.Combine(RepoPaths.Root, "src", "PrivacyPortal.Web", "bin", configuration, "net10.0");
        var start = new ProcessStartInfo("dotnet", [Path.Combine(web, "PrivacyPortal.Web.dll"), "--urls", baseUrl]) { WorkingDirectory = web };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Portal__DataDirectory"] = _data.Path;
        start.Environment["Portal__ProfilesDirectory"] = RepoPaths.Seeds;
        start.Environment["Portal__PublicBaseUrl"] = baseUrl;
        start.Environment["DataProtection__CertificatePath"] = TestCertificate.Shared;
        start.Environment["DataProtection__CertificatePassword"] = TestCertificate.Password;
        start.Environment["Worker__PollSeconds"] = "0.2";
        return ChildProcess.Start(start);
    }



    /// <summary>A correction request to Net One filed through the real form (review, then submit); returns the draft's status path.</summary>
    private static async Task<string> FileAsync(HttpClient http)
    {
        var form = await http.GetStringAsync(new Uri("/policies/netone/file?types=correction", UriKind.Relative));
        var fields = IntakeClient.HiddenFields(form);
        foreach (var (key, value) in IntakeClient.ValidPerson().Concat(IntakeClient.ValidDetails("correction")))
        {
            fields[key] = value;
        }

        using var reviewForm = new FormUrlEncodedContent(fields.Append(new("step", "review")));
        using var review = await http.PostAsync(new Uri("/policies/netone/file", UriKind.Relative), reviewForm);
        var reviewFields = IntakeClient.HiddenFields(await review.Content.ReadAsStringAsync());
        using var submitForm = new FormUrlEncodedContent(reviewFields.Append(new("step", "submit")));
        using var submit = await http.PostAsync(new Uri("/policies/netone/file", UriKind.Relative), submitForm);
        Assert.Equal(HttpStatusCode.Redirect, submit.StatusCode);
        return submit.Headers.Location!.OriginalString;
    }

    private async Task<string> ConfirmationLinkFromMailAsync()
    {
        var mail = Path.Combine(_data.Path, "mail");
        string? link = null;
        await Eventually.TrueAsync(
            async () =>
            {
                foreach (var file in Directory.Exists(mail) ? Directory.GetFiles(mail, "*.eml") : [])
                {
                    var match = ConfirmLink().Match(MailText.Readable(await File.ReadAllTextAsync(file)));
                    if (match.Success)
                    {
                        link = match.Value;
                        return true;
                    }
                }

                return false;
            },
            "the confirmation email to be written");
        return link!;
    }

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+/confirm/[A-Za-z0-9_-]{43}")]
    private static partial Regex ConfirmLink();
}
