using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PrivacyPortal.Domain.Notices;
using PrivacyPortal.Domain.Requests;
using PrivacyPortal.Infrastructure.Data;
using PrivacyPortal.Infrastructure.Security;

namespace PrivacyPortal.Web.Tests.Support;

/// <summary>A person's browser without JavaScript: real forms with the antiforgery token taken from the page.</summary>
public sealed partial class IntakeClient : IDisposable
{
    private readonly PortalFactory? _factory;
    private readonly HttpClient _client;

    public IntakeClient(PortalFactory factory, string language = "en")
    {
        _factory = factory;
        _client = Create(factory, language);
    }

    /// <summary>A person on a portal process of the test's own (no redirects followed, cookies kept, in English).</summary>
    public IntakeClient(Uri baseAddress)
    {
        _cookies = new System.Net.CookieContainer();
        _client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = _cookies }) { BaseAddress = baseAddress };
        _client.DefaultRequestHeaders.AcceptLanguage.Add(new("en"));
    }

    private readonly System.Net.CookieContainer? _cookies;

    /// <summary>The cookies this person's browser would send to the site (a process client only).</summary>
    public string CookieHeader(Uri site) => _cookies?.GetCookieHeader(site) ?? throw new InvalidOperationException("Only a process client keeps its own cookies.");

    private PortalFactory Factory => _factory ?? throw new InvalidOperationException("This client talks to a process, not a test host: read its database directly.");

    public static Dictionary<string, string> ValidPerson() => new()
    {
        ["Input.FullName"] = "山田 花子",
        ["Input.Kana"] = "ヤマダ ハナコ",
        ["Input.BirthDate"] = "1985-04-01",
        ["Input.PostalCode"] = "541-0047",
        ["Input.Address"] = "大阪府大阪市中央区淡路町4-2-13",
        ["Input.Email"] = "hanako@example.jp",
        ["Input.Phone"] = "06-1234-5678",
        ["Input.CustomerNumber"] = "C-1001",
    };

    /// <summary>A valid answer for every field of the type: the first choice, or some text.</summary>
    public static Dictionary<string, string> ValidDetails(string type) =>
        RequestFields.For(type).ToDictionary(f => $"Input.Details[{type}.{f.Id}]", f => f.Kind == FieldKind.Choice ? f.Choices![0].Id : $"{f.Id} text");

    public async Task<(string Html, HttpStatusCode Status)> GetAsync(string url)
    {
        using var response = await _client.GetAsync(new Uri(url, UriKind.Relative));
        return (await response.Content.ReadAsStringAsync(), response.StatusCode);
    }

    /// <summary>Opens the form for the types and returns the hidden fields a browser would send back.</summary>
    public async Task<Dictionary<string, string>> OpenFormAsync(string policy, params string[] types)
    {
        var (html, status) = await GetAsync($"/policies/{policy}/file?{string.Join('&', types.Select(t => $"types={t}"))}");
        if (status != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"The form answered {status}.");
        }

        var fields = HiddenFields(html);
        return fields;
    }

    public async Task<HttpResponseMessage> PostAsync(string url, Dictionary<string, string> fields, IEnumerable<KeyValuePair<string, string>>? extra = null)
    {
        var pairs = fields.Where(f => !f.Key.StartsWith("Input.Types", StringComparison.Ordinal)).ToList();
        pairs.AddRange(fields.Where(f => f.Key.StartsWith("Input.Types", StringComparison.Ordinal)).SelectMany(f => f.Value.Split('|').Select(v => new KeyValuePair<string, string>("Input.Types", v))));
        pairs.AddRange(extra ?? []);
        using var content = new FormUrlEncodedContent(pairs);
        return await _client.PostAsync(new Uri(url, UriKind.Relative), content);
    }

    public Task<HttpResponseMessage> SendGetAsync(string url) => _client.GetAsync(new Uri(url, UriKind.Relative));

    /// <summary>Any request, with this browser's cookies (the hostile-input crawl builds its own bodies).</summary>
    public Task<HttpResponseMessage> SendAsync(HttpRequestMessage request) => _client.SendAsync(request);

    public Task<HttpResponseMessage> SendAsync(string url, HttpContent content) => _client.PostAsync(new Uri(url, UriKind.Relative), content);

    /// <summary>Fills in, reviews and submits; returns the status page address the portal redirects to.</summary>
    public async Task<string> FileAsync(string policy, string[] types, Dictionary<string, string>? overrides = null)
    {
        var fields = await OpenFormAsync(policy, types);
        foreach (var pair in ValidPerson().Concat(types.SelectMany(ValidDetails)).Concat(overrides ?? []))
        {
            fields[pair.Key] = pair.Value;
        }

        using var review = await PostAsync($"/policies/{policy}/file", fields, [new("step", "review")]);
        var reviewHtml = await review.Content.ReadAsStringAsync();
        if (!reviewHtml.Contains("value=\"submit\"", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The review step did not appear ({review.StatusCode}): " + Html.Text(reviewHtml)[..Math.Min(2000, Html.Text(reviewHtml).Length)]);
        }

        var reviewFields = HiddenFields(reviewHtml);
        using var submit = await PostAsync($"/policies/{policy}/file", reviewFields, [new("step", "submit")]);
        if (submit.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Submitting answered {submit.StatusCode}: {Html.Text(await submit.Content.ReadAsStringAsync())}");
        }

        return submit.Headers.Location!.OriginalString;
    }

    /// <summary>The newest notice of a kind and its decrypted link, as the mail worker will read it.</summary>
    public (Notice Notice, string? Link) LatestNotice(NoticeKind kind)
    {
        using var scope = Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var notice = db.Notices.AsNoTracking().Where(n => n.Kind == kind).AsEnumerable().OrderBy(n => n.CreatedAtUtc).Last();
        var links = scope.ServiceProvider.GetRequiredService<NoticeLinks>();
        return (notice, notice.ProtectedLink is null ? null : links.Unprotect(notice.ProtectedLink));
    }

    public T Query<T>(Func<PortalDbContext, T> query)
    {
        using var scope = Factory.Services.CreateScope();
        return query(scope.ServiceProvider.GetRequiredService<PortalDbContext>());
    }

    public static string PathOf(string link) => new Uri(link).PathAndQuery;

    public static Dictionary<string, string> HiddenFields(string html)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match tag in InputTag().Matches(html))
        {
            if (!tag.Value.Contains("type=\"hidden\"", StringComparison.Ordinal))
            {
                continue;
            }

            var name = WebUtility.HtmlDecode(Attribute("name").Match(tag.Value).Groups[1].Value);
            var value = WebUtility.HtmlDecode(Attribute("value").Match(tag.Value).Groups[1].Value);
            fields[name] = fields.TryGetValue(name, out var existing) && name == "Input.Types" ? existing + "|" + value : value;
        }

        return fields;
    }

    public void Dispose() => _client.Dispose();

    private static HttpClient Create(PortalFactory factory, string language)
    {
        var client = factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        client.DefaultRequestHeaders.AcceptLanguage.Add(new(language));
        return client;
    }

    [GeneratedRegex("<input[^>]*>")]
    private static partial Regex InputTag();

    private static Regex Attribute(string name) => new($"\\s{name}=\"([^\"]*)\"");
}
