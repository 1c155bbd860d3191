using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using PrivacyPortal.Infrastructure.Staff;
using PrivacyPortal.Web.Tests.Support;
using Xunit.Abstractions;

namespace PrivacyPortal.Web.Tests.Security;

/// <summary>
/// The hostile-input crawl: as each kind of visitor (requester, Japanese visitor, officer, auditor, administrator,
/// someone at the code step) the crawl reads the pages it can reach, collects every form and query string, and sends
/// them again with over-long, control-character, bidi, invalid-UTF-8, wrong-type, duplicated and missing values and
/// markup. Any 5xx, or markup echoed unescaped, fails the test. A fixed seed makes every run send the same requests,
/// so a failure can be replayed; the budget keeps it to a few thousand requests.
/// </summary>
public sealed partial class HostileInputCrawlTests(ITestOutputHelper output)
{
    private const int Seed = 20261203;
    private const int Budget = 4000;
    private const int PagesPerVisitor = 60;
    private const string ScriptMarker = "\"><script>alert(7919)</script>";
    private const string ImageMarker = "'><img src=x onerror=fz7919>";
    private const string InvalidUtf8 = "\u0001invalid-utf8\u0001";
    private const string Missing = "\u0001missing\u0001";
    private const string Duplicated = "\u0001duplicated\u0001";

    /// <summary>Characters Unicode normalisation refuses (a noncharacter in the text and at its end), which UTF-8 still carries.</summary>
    private const string Noncharacters = "a\uFFFEb\uFDD0c\U0010FFFF";

    /// <summary>Forms whose whole point is to end something the rest of the crawl needs (a session, an account, the case).</summary>
    private static readonly string[] LeftAlone = ["logout", "disable", "enable", "reset", "revoke", "delete", "remove", "withdraw"];

    private static readonly string[] Hostile =
    [
        new string('A', 100_000), new string('長', 20_000), "\0", "a\r\nSet-Cookie: x=1", "\u0007\u001b[31m\t", "\u202Egpj.exe", "\uFEFF\u200B",
        ScriptMarker, ImageMarker, "-1", "0", "99999999999999999999999999", "1e309", "NaN", "2026-02-30", "0001-01-01", "9999-12-31T23:59:59",
        "not-a-date", "00000000-0000-0000-0000-000000000000", "true", "[]", "{\"a\":", "../../etc/passwd", "%00%0a", "' OR 1=1 --",
        "😀", "ｆｕｌｌ＠ｗｉｄｔｈ．ｊｐ", " ", string.Empty, InvalidUtf8, Missing, Duplicated, Noncharacters, "\uFFFE",
    ];

    private static readonly string[] HostileFileNames = ["..\\..\\passport.pdf", "\u202Egpj.exe", new string('n', 2_000) + ".pdf", "a\0b.png", "運転免許証.pdf", string.Empty];

    private static readonly byte[][] HostileFiles = [ReceivedCase.Pdf, "MZ\u0090\0fake exe"u8.ToArray(), [], "%PDF-1.4 truncated"u8.ToArray(), Encoding.UTF8.GetBytes(ScriptMarker)];

    private sealed record Visitor(string Name, Func<HttpRequestMessage, Task<HttpResponseMessage>> Send, string[] Start, bool Staff);

    private sealed record Form(Visitor Visitor, string Page, string Method, string Action, bool Multipart, List<KeyValuePair<string, string>> Fields, HashSet<string> Files);

    private sealed record Probe(Visitor Visitor, string What, Func<HttpRequestMessage> Request);

    [Fact]
    public async Task EveryFormAndQueryString_TakesHostileInput_WithoutA5xxOrAnUnescapedEcho()
    {
        await using var factory = new PortalFactory();
        using var filed = await ReceivedCase.FileAsync(factory);
        Assert.Equal(HttpStatusCode.Redirect, await filed.UploadPdfAsync());
        // A second case, identity checked, so the decision and delivery forms are on its pages.
        using var verified = await ReceivedCase.FileAsync(factory, "nec-website");
        Assert.Equal(HttpStatusCode.Redirect, await verified.UploadPdfAsync());
        using var visitor = new IntakeClient(factory, "ja");
        using var officer = await StaffClient.SignInAsync(factory, "officer@example.jp", StaffRoles.PrivacyOfficer, "nec", "netone", "ntt-resonant", "ntt-smartconnect");
        using var auditor = await StaffClient.SignInAsync(factory, "auditor@example.jp", StaffRoles.Auditor);
        using var admin = await StaffClient.SignInAsync(factory, "admin@example.jp", StaffRoles.Administrator);
        await StaffClient.CreateAccountAsync(factory, "second@example.jp", StaffRoles.PrivacyOfficer, ["nec"]);
        using (var checkedOut = await officer.ActAsync(verified.Id, "Verify", verified.Load().Version, IdentityForm.TickedFor("nec-website")))
        {
            Assert.Equal(HttpStatusCode.Redirect, checkedOut.StatusCode);
        }

        using var atCodeStep = StaffClient.Anonymous(factory);
        (await atCodeStep.PostFormAsync("/staff/login", new() { ["email"] = "second@example.jp", ["password"] = StaffClient.Password })).Dispose();

        // The filing form of every policy, one request type each: the crawl ticks every box, which not all allow together.
        string[] policies = ["nec-univerge-st500", "nec-website", "netone", "ntt-resonant", "ntt-smartconnect"];
        var filing = policies.Select(p => $"/policies/{p}/file?types=disclosure").ToArray();
        Visitor[] visitors =
        [
            new("requester", filed.Person.SendAsync, ["/", filed.StatusUrl, "/status-link", .. filing], Staff: false),
            new("visitor-ja", visitor.SendAsync, ["/?lang=ja", "/language/en?returnUrl=%2F", .. filing], Staff: false),
            new("officer", officer.SendAsync, [$"/staff/cases/{verified.Id}", "/staff", $"/staff/cases/{filed.Id}"], Staff: true),
            new("auditor", auditor.SendAsync, ["/staff"], Staff: true),
            new("administrator", admin.SendAsync, ["/staff"], Staff: true),
            new("code-step", atCodeStep.SendAsync, ["/staff/login/code", "/staff/login"], Staff: true),
        ];

        var failures = new List<string>();
        var forms = new List<Form>();
        var urls = new List<(Visitor Visitor, string Url)>();
        foreach (var v in visitors)
        {
            var (found, visited) = await CrawlAsync(v, failures);
            forms.AddRange(found);
            urls.AddRange(visited.Select(u => (v, u)));
        }

        var random = new Random(Seed);
        var (always, optional) = Probes(forms, urls, random);
        var probes = always.Concat(optional.OrderBy(_ => random.Next()).Take(Math.Max(0, Budget - always.Count))).ToList();
        var clock = Stopwatch.StartNew();
        foreach (var probe in probes)
        {
            await SendAsync(probe, failures);
        }

        foreach (var group in forms.GroupBy(f => f.Visitor.Name))
        {
            output.WriteLine($"{group.Key}: {string.Join(" ", group.Select(f => $"{f.Method.ToUpperInvariant()} {f.Action.Split('?')[0]}").Distinct())}");
        }

        output.WriteLine($"{probes.Count} requests ({forms.Count} forms, {urls.Count} pages) in {clock.Elapsed.TotalSeconds:0.0} s; {failures.Count} failures");
        Assert.True(failures.Count == 0, string.Join('\n', failures.Take(40)));
        Assert.True(probes.Count >= 2_000, $"only {probes.Count} requests: the crawl found too little");
        string[] reached = [.. policies.Select(p => $"/policies/{p}/file"), "/staff/login", "/staff/login/code", "/file", "/status-link", "/r/", $"/staff/cases/{filed.Id}/", $"/staff/cases/{verified.Id}/decide", "/staff/register/", "/staff/admin", "/staff/audit"];
        foreach (var expected in reached)
        {
            Assert.True(forms.Any(f => f.Action.Contains(expected, StringComparison.Ordinal) && (f.Method == "post" || !expected.EndsWith("/file", StringComparison.Ordinal))) || urls.Any(u => u.Url.Contains(expected, StringComparison.Ordinal) && u.Url.Contains('?', StringComparison.Ordinal) && !expected.EndsWith("/file", StringComparison.Ordinal)), $"no form or query string under {expected} was reached");
        }
    }

    private static async Task<(List<Form> Forms, List<string> Visited)> CrawlAsync(Visitor visitor, List<string> failures)
    {
        var queue = new Queue<string>(visitor.Start);
        // What a form leads to (the next step of filing, a filtered list) is read before the links: its forms matter most.
        var following = new Queue<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var forms = new List<Form>();
        var visited = new List<string>();
        while (queue.Count + following.Count > 0 && visited.Count < PagesPerVisitor)
        {
            var url = following.Count > 0 ? following.Dequeue() : queue.Dequeue();
            if (!seen.Add(url))
            {
                continue;
            }

            using var response = await visitor.Send(new HttpRequestMessage(HttpMethod.Get, url));
            visited.Add(url);
            if ((int)response.StatusCode >= 500)
            {
                failures.Add($"{visitor.Name} GET {url} (plain) → {(int)response.StatusCode}");
            }

            if (response.Headers.Location is { IsAbsoluteUri: false } location && location.OriginalString.StartsWith('/'))
            {
                queue.Enqueue(location.OriginalString);
            }

            if (response.Content.Headers.ContentType?.MediaType != "text/html")
            {
                continue;
            }

            var html = await response.Content.ReadAsStringAsync();
            foreach (var form in ParseForms(visitor, url, html))
            {
                forms.Add(form);
                if (form.Method == "get")
                {
                    // A GET form (a filter, step 1 of filing) leads to the next page: with every box ticked.
                    following.Enqueue(WithQuery(form.Action, form.Fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value))));
                }
            }

            foreach (Match link in Link().Matches(html))
            {
                var href = WebUtility.HtmlDecode(link.Groups[1].Value);
                if (href.StartsWith('/') && !href.StartsWith("//", StringComparison.Ordinal) && href.StartsWith("/staff", StringComparison.Ordinal) == visitor.Staff
                    && !href.StartsWith("/css/", StringComparison.Ordinal) && !href.StartsWith("/js/", StringComparison.Ordinal) && !IsLeftAlone(href))
                {
                    queue.Enqueue(href);
                }
            }
        }

        return (forms, visited);
    }

    private static IEnumerable<Form> ParseForms(Visitor visitor, string page, string html)
    {
        foreach (Match form in FormTag().Matches(html))
        {
            var attributes = form.Groups[1].Value;
            var body = form.Groups[2].Value;
            var action = WebUtility.HtmlDecode(Attribute("action", attributes) ?? string.Empty);
            action = action.Length == 0 ? page : action;
            var method = (Attribute("method", attributes) ?? "get").ToLowerInvariant();
            if (method == "get")
            {
                // A browser replaces the action's query with the form's fields.
                action = action.Split('?')[0];
            }

            if (!action.StartsWith('/') || IsLeftAlone(action))
            {
                continue;
            }

            var fields = new List<KeyValuePair<string, string>>();
            var files = new HashSet<string>(StringComparer.Ordinal);
            var buttons = new List<KeyValuePair<string, string>>();
            var radios = new HashSet<string>(StringComparer.Ordinal);
            foreach (Match input in InputTag().Matches(body))
            {
                var tag = input.Value;
                if (Attribute("name", tag) is not { } name)
                {
                    continue;
                }

                var value = WebUtility.HtmlDecode(Attribute("value", tag) ?? string.Empty);
                switch ((Attribute("type", tag) ?? "text").ToLowerInvariant())
                {
                    case "file":
                        files.Add(name);
                        break;
                    case "submit":
                        buttons.Add(new(name, value));
                        break;
                    case "radio" when !radios.Add(name):
                        break;
                    default:
                        fields.Add(new(WebUtility.HtmlDecode(name), value));
                        break;
                }
            }

            foreach (Match select in SelectTag().Matches(body))
            {
                fields.Add(new(WebUtility.HtmlDecode(select.Groups[1].Value), WebUtility.HtmlDecode(OptionValue().Match(select.Groups[2].Value).Groups[1].Value)));
            }

            foreach (Match area in TextareaTag().Matches(body))
            {
                fields.Add(new(WebUtility.HtmlDecode(area.Groups[1].Value), WebUtility.HtmlDecode(area.Groups[2].Value)));
            }

            foreach (Match button in ButtonTag().Matches(body))
            {
                if (Attribute("name", button.Value) is { } name)
                {
                    buttons.Add(new(name, WebUtility.HtmlDecode(Attribute("value", button.Value) ?? string.Empty)));
                }
            }

            var multipart = (Attribute("enctype", attributes) ?? string.Empty).Contains("multipart", StringComparison.OrdinalIgnoreCase);
            foreach (var button in buttons.Count == 0 ? [default] : buttons.Where(b => !IsLeftAlone(b.Value)).Distinct())
            {
                var withButton = button.Key is null ? fields : [.. fields, button];
                yield return new Form(visitor, page, method, action, multipart, withButton, files);
            }
        }
    }

    private static (List<Probe> Always, List<Probe> Optional) Probes(List<Form> forms, List<(Visitor Visitor, string Url)> urls, Random random)
    {
        var always = new List<Probe>();
        var optional = new List<Probe>();
        foreach (var form in forms)
        {
            var mutable = form.Fields.Where(f => f.Key != "__RequestVerificationToken").Select(f => f.Key).Distinct().ToList();
            // Every form at least once with every value missing, every value doubled, every value invalid UTF-8, and
            // every value carrying noncharacters.
            foreach (var all in new[] { Missing, Duplicated, InvalidUtf8, Noncharacters })
            {
                always.Add(FormProbe(form, mutable.ToDictionary(n => n, _ => all), random.Next()));
            }

            foreach (var field in mutable)
            {
                foreach (var value in Hostile.OrderBy(_ => random.Next()).Take(6))
                {
                    optional.Add(FormProbe(form, new() { [field] = value }, random.Next()));
                }
            }
        }

        foreach (var (visitor, url) in urls.Distinct())
        {
            var query = url.Contains('?', StringComparison.Ordinal) ? url[(url.IndexOf('?', StringComparison.Ordinal) + 1)..] : string.Empty;
            var path = url.Split('?')[0];
            var parameters = query.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=', 2)).Select(p => new KeyValuePair<string, string>(Uri.UnescapeDataString(p[0]), p.Length > 1 ? Uri.UnescapeDataString(p[1].Replace('+', ' ')) : string.Empty)).ToList();
            foreach (var name in parameters.Select(p => p.Key).Distinct())
            {
                foreach (var (value, index) in Hostile.Where(h => h.Length < 3_000).OrderBy(_ => random.Next()).Take(6).Select((v, i) => (v, i)))
                {
                    var mutated = Mutate(parameters, new() { [name] = value });
                    (index == 0 ? always : optional).Add(new Probe(visitor, $"GET {path}?{name}={Describe(value)}", () => new HttpRequestMessage(HttpMethod.Get, WithQuery(path, mutated))));
                }
            }

            // Unknown and malformed ids in the path: a 404, never a 500. (A NUL in a path never reaches the portal:
            // Kestrel answers 400 itself, and the test server's client refuses to send one.)
            if (Guid().IsMatch(path))
            {
                foreach (var replacement in new[] { System.Guid.NewGuid().ToString(), "not-a-guid", "%2e%2e", "%E3%81", new string('9', 400) })
                {
                    var target = Guid().Replace(path, replacement, 1);
                    always.Add(new Probe(visitor, $"GET {target[..Math.Min(200, target.Length)]}", () => new HttpRequestMessage(HttpMethod.Get, target)));
                }
            }

            optional.Add(new Probe(visitor, $"GET {path}?<long junk>", () => new HttpRequestMessage(HttpMethod.Get, $"{path}?junk={new string('x', 4_000)}&junk=%FF%FE&%00=1")));
        }

        return (always, optional);
    }

    private static Probe FormProbe(Form form, Dictionary<string, string> changes, int fileSeed)
    {
        var what = $"{form.Method.ToUpperInvariant()} {form.Action} ({form.Page}) {string.Join(", ", changes.Select(c => $"{c.Key}={Describe(c.Value)}"))}";
        var pairs = Mutate(form.Fields, changes);
        return new Probe(form.Visitor, what, () =>
        {
            if (form.Method == "get")
            {
                return new HttpRequestMessage(HttpMethod.Get, WithQuery(form.Action, pairs));
            }

            var request = new HttpRequestMessage(HttpMethod.Post, form.Action);
            if (!form.Multipart)
            {
                request.Content = new ByteArrayContent(Encoding.ASCII.GetBytes(Encode(pairs)));
                request.Content.Headers.ContentType = new("application/x-www-form-urlencoded");
                return request;
            }

            var content = new MultipartFormDataContent();
            foreach (var (name, value) in pairs)
            {
                content.Add(value == InvalidUtf8 ? new ByteArrayContent([0xC3, 0x28, 0xFF, 0xFE]) : new StringContent(value), name);
            }

            var random = new Random(fileSeed);
            foreach (var name in form.Files)
            {
                var file = new ByteArrayContent(HostileFiles[random.Next(HostileFiles.Length)]);
                file.Headers.ContentType = new("application/pdf");
                // Written by hand: HttpClient refuses to send a NUL or a raw non-ASCII file name, a hostile client does not.
                file.Headers.TryAddWithoutValidation("Content-Disposition", $"form-data; name=\"{name}\"; filename=\"{HostileFileNames[random.Next(HostileFileNames.Length)]}\"");
                content.Add(file);
            }

            request.Content = content;
            return request;
        });
    }

    private async Task SendAsync(Probe probe, List<string> failures)
    {
        try
        {
            using var request = probe.Request();
            using var response = await probe.Visitor.Send(request);
            var body = await response.Content.ReadAsStringAsync();
            if ((int)response.StatusCode >= 500)
            {
                failures.Add($"{probe.Visitor.Name} {probe.What} → {(int)response.StatusCode}");
            }
            else if (body.Contains("<script>alert(7919)", StringComparison.Ordinal) || body.Contains("<img src=x onerror=fz7919", StringComparison.Ordinal))
            {
                failures.Add($"{probe.Visitor.Name} {probe.What} → markup echoed unescaped");
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException or IOException)
        {
            failures.Add($"{probe.Visitor.Name} {probe.What} → {ex.GetType().Name}: {ex.Message}");
            output.WriteLine(ex.ToString());
        }
    }

    private static List<KeyValuePair<string, string>> Mutate(List<KeyValuePair<string, string>> fields, Dictionary<string, string> changes)
    {
        var result = new List<KeyValuePair<string, string>>();
        var changed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, value) in fields)
        {
            if (!changes.TryGetValue(name, out var change))
            {
                result.Add(new(name, value));
                continue;
            }

            if (!changed.Add(name))
            {
                continue;
            }

            switch (change)
            {
                case Missing:
                    break;
                case Duplicated:
                    result.Add(new(name, value));
                    result.Add(new(name, value.Length == 0 ? "second" : value + "-second"));
                    break;
                default:
                    result.Add(new(name, change));
                    break;
            }
        }

        return result;
    }

    private static string Encode(IEnumerable<KeyValuePair<string, string>> pairs) =>
        string.Join('&', pairs.Select(p => $"{Uri.EscapeDataString(p.Key)}={(p.Value == InvalidUtf8 ? "%C3%28%FF%FE%80" : Uri.EscapeDataString(p.Value))}"));

    private static string WithQuery(string action, IEnumerable<KeyValuePair<string, string>> pairs)
    {
        var encoded = Encode(pairs);
        return encoded.Length == 0 ? action : $"{action}{(action.Contains('?', StringComparison.Ordinal) ? '&' : '?')}{encoded}";
    }

    private static string Describe(string value) => value switch
    {
        Missing => "<missing>",
        Duplicated => "<duplicated>",
        InvalidUtf8 => "<invalid UTF-8>",
        { Length: > 40 } => $"<{value.Length} chars>",
        _ => Regex.Escape(value),
    };

    private static bool IsLeftAlone(string text) => LeftAlone.Any(word => text.Contains(word, StringComparison.OrdinalIgnoreCase));

    private static string? Attribute(string name, string tag) =>
        Regex.Match(tag, $"\\s{name}=\"([^\"]*)\"", RegexOptions.IgnoreCase) is { Success: true } match ? match.Groups[1].Value : null;

    [GeneratedRegex("<form\\b([^>]*)>(.*?)</form>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex FormTag();

    [GeneratedRegex("<input\\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InputTag();

    [GeneratedRegex("<select\\b[^>]*\\sname=\"([^\"]*)\"[^>]*>(.*?)</select>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex SelectTag();

    [GeneratedRegex("<option\\b[^>]*\\svalue=\"([^\"]*)\"", RegexOptions.IgnoreCase)]
    private static partial Regex OptionValue();

    [GeneratedRegex("<textarea\\b[^>]*\\sname=\"([^\"]*)\"[^>]*>(.*?)</textarea>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex TextareaTag();

    [GeneratedRegex("<button\\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex ButtonTag();

    [GeneratedRegex("<a\\b[^>]*\\shref=\"([^\"]*)\"", RegexOptions.IgnoreCase)]
    private static partial Regex Link();

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex Guid();
}
