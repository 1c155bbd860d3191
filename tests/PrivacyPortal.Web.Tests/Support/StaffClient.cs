using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using PrivacyPortal.Infrastructure.Staff;

namespace PrivacyPortal.Web.Tests.Support;

/// <summary>A staff member's browser over HTTPS (the session cookie is Secure), signing in with a password and a TOTP code.</summary>
public sealed partial class StaffClient : IDisposable
{
    public const string Password = "correct horse battery staple";

    private readonly HttpClient _client;

    private StaffClient(PortalFactory factory, string language)
    {
        _client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri("https://localhost") });
        _client.DefaultRequestHeaders.AcceptLanguage.Add(new(language));
    }

    public string? AuthenticatorKey { get; private set; }

    /// <summary>Creates an account with a password and, unless <paramref name="withTwoFactor"/> is false, an authenticator.</summary>
    public static async Task<(string UserId, string? Key)> CreateAccountAsync(PortalFactory factory, string email, string role, string[] controllers, bool withTwoFactor = true)
    {
        using var scope = factory.Services.CreateScope();
        var accounts = scope.ServiceProvider.GetRequiredService<StaffAccounts>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var created = await accounts.CreateAsync(email, email.Split('@')[0], role, controllers, "test");
        var user = await users.FindByIdAsync(created.User.Id);
        Check(await users.AddPasswordAsync(user!, Password));
        if (!withTwoFactor)
        {
            return (user!.Id, null);
        }

        Check(await users.ResetAuthenticatorKeyAsync(user!));
        var key = await users.GetAuthenticatorKeyAsync(user!);
        Check(await users.SetTwoFactorEnabledAsync(user!, true));
        return (user!.Id, key);
    }

    /// <summary>A signed-in member of the given role and controllers.</summary>
    public static Task<StaffClient> SignInAsync(PortalFactory factory, string email, string role, params string[] controllers) =>
        SignInAsync(factory, "en", email, role, controllers);

    public static async Task<StaffClient> SignInAsync(PortalFactory factory, string language, string email, string role, string[] controllers)
    {
        var (_, key) = await CreateAccountAsync(factory, email, role, controllers);
        var client = new StaffClient(factory, language) { AuthenticatorKey = key };
        await client.SignInWithCodeAsync(email, Totp.Code(key!, factory.Clock.GetUtcNow()));
        return client;
    }

    public static StaffClient Anonymous(PortalFactory factory, string language = "en") => new(factory, language);

    /// <summary>Every request names this client address to the balancer (PortalFactory.BehindBalancer).</summary>
    public StaffClient From(string address)
    {
        _client.DefaultRequestHeaders.Remove("X-Forwarded-For");
        _client.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        return this;
    }

    public async Task SignInWithCodeAsync(string email, string code)
    {
        using var password = await PostFormAsync("/staff/login", new() { ["email"] = email, ["password"] = Password });
        if (password.Headers.Location?.OriginalString.StartsWith("/staff/login/code", StringComparison.Ordinal) != true)
        {
            throw new InvalidOperationException($"The password step answered {password.StatusCode} {password.Headers.Location}.");
        }

        using var second = await PostFormAsync(password.Headers.Location.OriginalString, new() { ["code"] = code });
        if (second.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"The code step answered {second.StatusCode}: {Html.Text(await second.Content.ReadAsStringAsync())}");
        }
    }

    public async Task<(string Html, HttpStatusCode Status)> GetAsync(string url)
    {
        using var response = await _client.GetAsync(new Uri(url, UriKind.Relative));
        return (await response.Content.ReadAsStringAsync(), response.StatusCode);
    }

    public Task<HttpResponseMessage> GetResponseAsync(string url) => _client.GetAsync(new Uri(url, UriKind.Relative));

    /// <summary>Any request, with this browser's cookies (the hostile-input crawl builds its own bodies).</summary>
    public Task<HttpResponseMessage> SendAsync(HttpRequestMessage request) => _client.SendAsync(request);

    /// <summary>Posts a form the way a browser would: the antiforgery token comes from the page the form is on.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string url, Dictionary<string, string> fields, string? formPage = null, IEnumerable<KeyValuePair<string, string>>? extra = null)
    {
        var (page, _) = await GetAsync(formPage ?? url);
        var token = AntiforgeryToken().Match(page);
        var pairs = fields.ToList();
        if (token.Success)
        {
            pairs.Add(new("__RequestVerificationToken", WebUtility.HtmlDecode(token.Groups[1].Value)));
        }

        pairs.AddRange(extra ?? []);
        using var content = new FormUrlEncodedContent(pairs);
        return await _client.PostAsync(new Uri(url, UriKind.Relative), content);
    }

    /// <summary>Where each of the case page's forms posts: the action's own page, and its handler there.</summary>
    private static readonly Dictionary<string, string> ActionPaths = new(StringComparer.Ordinal)
    {
        ["Verify"] = "verify", ["RefuseIdentity"] = "verify/refuse", ["MoreNeeded"] = "ask-for-more",
        ["RequestFee"] = "request-fee", ["SetFee"] = "request-fee/set",
        ["Payment"] = "record-payment", ["Waive"] = "record-payment/waive", ["Expire"] = "record-payment/expire",
        ["Decide"] = "decide", ["AttachData"] = "decide/attach", ["RemoveData"] = "decide/remove",
        ["Extend"] = "extend", ["SendAnswer"] = "send-answer", ["Close"] = "send-answer/close", ["Withdraw"] = "withdraw",
        ["Hold"] = "hold", ["ReleaseHold"] = "hold/release", ["Note"] = "note", ["Assign"] = "assign",
        ["Scan"] = "scan", ["Posted"] = "posted", ["PersonObjection"] = "person-objection",
    };

    public static string ActionUrl(Guid caseId, string action) => $"/staff/cases/{caseId}/{ActionPaths[action]}";

    /// <summary>Posts one of the case page's action forms to its action page, as the browser does.</summary>
    public Task<HttpResponseMessage> ActAsync(Guid caseId, string handler, int version, Dictionary<string, string>? fields = null, IEnumerable<KeyValuePair<string, string>>? extra = null)
    {
        var all = new Dictionary<string, string>(fields ?? []) { ["version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        return PostFormAsync(ActionUrl(caseId, handler), all, $"/staff/cases/{caseId}", extra);
    }

    /// <summary>Posts a case page's file form as a browser would: multipart, with the page's antiforgery token.</summary>
    public async Task<HttpResponseMessage> UploadAsync(Guid caseId, string handler, int version, string fileName, byte[] bytes)
    {
        var (page, _) = await GetAsync($"/staff/cases/{caseId}");
        using var content = new MultipartFormDataContent
        {
            { new StringContent(version.ToString(System.Globalization.CultureInfo.InvariantCulture)), "version" },
            { new StringContent(WebUtility.HtmlDecode(AntiforgeryToken().Match(page).Groups[1].Value)), "__RequestVerificationToken" },
        };
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
        content.Add(file, "file", fileName);
        return await _client.PostAsync(new Uri(ActionUrl(caseId, handler), UriKind.Relative), content);
    }

    /// <summary>The worker prints the decision letter; the officer previews it and sends the answer.</summary>
    public async Task<byte[]> PrintPreviewAndSendAsync(PortalFactory factory, Guid caseId)
    {
        using (var scope = factory.Services.CreateScope())
        {
            var (printed, failed) = await scope.ServiceProvider.GetRequiredService<Infrastructure.Jobs.LetterPrinting>().RunOnceAsync(CancellationToken.None);
            if (printed == 0 || failed > 0)
            {
                throw new InvalidOperationException($"The letter job printed {printed} and failed {failed}.");
            }
        }

        var (page, _) = await GetAsync($"/staff/cases/{caseId}");
        var preview = System.Text.RegularExpressions.Regex.Match(page, "href=\"(/staff/cases/[^\"]+/letters/[^\"]+)\" id=\"preview-letter\"").Groups[1].Value;
        using var letter = await GetResponseAsync(preview);
        var pdf = await letter.Content.ReadAsByteArrayAsync();
        var version = System.Text.RegularExpressions.Regex.Match(page, "name=\"version\" value=\"(\\d+)\"").Groups[1].Value;
        using var sent = await PostFormAsync(ActionUrl(caseId, "SendAnswer"), new() { ["version"] = version }, $"/staff/cases/{caseId}");
        if (sent.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sending the answer answered {sent.StatusCode}: {Html.Text(await sent.Content.ReadAsStringAsync())}");
        }

        return pdf;
    }

    public void Dispose() => _client.Dispose();

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
