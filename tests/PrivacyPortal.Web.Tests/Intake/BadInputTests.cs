using System.Net;
using Microsoft.EntityFrameworkCore;
using PrivacyPortal.Web.Tests.Support;

namespace PrivacyPortal.Web.Tests.Intake;

/// <summary>Every bad input gets a clear message beside its field and in the summary, keeps what was typed, and stores nothing.</summary>
public sealed class BadInputTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private async Task<(HttpStatusCode Status, string Html, int RequestsBefore, int RequestsAfter)> ReviewWithAsync(Dictionary<string, string> changes, string policy = "ntt-smartconnect", string type = "disclosure", string language = "en")
    {
        using var person = new IntakeClient(factory, language);
        var fields = await person.OpenFormAsync(policy, type);
        foreach (var pair in IntakeClient.ValidPerson().Concat(IntakeClient.ValidDetails(type)).Concat(changes))
        {
            fields[pair.Key] = pair.Value;
        }

        var before = person.Query(db => db.Requests.Count());
        using var response = await person.PostAsync($"/policies/{policy}/file", fields, [new("step", "submit")]);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), before, person.Query(db => db.Requests.Count()));
    }

    [Theory]
    [InlineData("Input.FullName", "", "Enter this information.")]
    [InlineData("Input.Email", "not-an-email", "Enter an email address such as name@example.jp.")]
    [InlineData("Input.PostalCode", "12", "Enter a postal code such as 541-0047.")]
    [InlineData("Input.Phone", "call me", "Enter a telephone number using digits")]
    [InlineData("Input.BirthDate", "2027-01-01", "The date of birth cannot be in the future.")]
    [InlineData("Input.BirthDate", "1985-02-30", "Enter a real date as YYYY-MM-DD.")]
    [InlineData("Input.FullName", "Hanako\u0007Yamada", "Remove the invisible control characters from this text.")]
    [InlineData("Input.Details[disclosure.method]", "fax", "Choose one of the options shown.")]
    [InlineData("Input.Details[disclosure.data]", "", "Enter this information.")]
    [InlineData("Input.AgentKind", "Spouse", "Choose one of the options shown.")]
    public async Task ABadField_IsNamedBesideTheFieldAndInTheSummary_AndNothingIsStored(string field, string value, string message)
    {
        var (status, html, before, after) = await ReviewWithAsync(new() { [field] = value });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(before, after);
        var id = new string(field.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray());
        Assert.Contains("class=\"error-summary\"", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"#{id}\"", html, StringComparison.Ordinal);
        Assert.Contains($"id=\"{id}-error\"", html, StringComparison.Ordinal);
        Assert.Contains(message, Html.Text(html), StringComparison.Ordinal);
        Assert.Contains("value=\"大阪府大阪市中央区淡路町4-2-13\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OversizedText_IsRefusedWithItsLimit()
    {
        var (_, html, before, after) = await ReviewWithAsync(new() { ["Input.FullName"] = new string('あ', 101), ["Input.Details[disclosure.data]"] = new string('x', 4001) });

        Assert.Equal(before, after);
        Assert.Contains("Enter at most 100 characters.", Html.Text(html), StringComparison.Ordinal);
        Assert.Contains("Enter at most 4000 characters.", Html.Text(html), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Messages_AreInThePagesLanguage()
    {
        var (_, html, _, _) = await ReviewWithAsync(new() { ["Input.Email"] = "nope" }, language: "ja");

        Assert.Contains("name@example.jpのようなメールアドレスを入力してください。", Html.Text(html), StringComparison.Ordinal);
        Assert.Contains("入力内容に問題があります", Html.Text(html), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATypeThePolicyDoesNotAccept_IsRefusedClearly()
    {
        using var person = new IntakeClient(factory);
        var fields = await person.OpenFormAsync("netone", "disclosure");
        foreach (var pair in IntakeClient.ValidPerson().Concat(IntakeClient.ValidDetails("disclosure")).Concat(IntakeClient.ValidDetails("access")))
        {
            fields[pair.Key] = pair.Value;
        }

        fields["Input.Types"] = "disclosure|access";
        var before = person.Query(db => db.Requests.Count());
        using var response = await person.PostAsync("/policies/netone/file", fields, [new("step", "submit")]);

        Assert.Contains("This company does not accept the request \"access\" here.", Html.Text(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(before, person.Query(db => db.Requests.Count()));
    }

    [Fact]
    public async Task AnUnknownControllerInTheUrl_IsAHelpful404()
    {
        using var person = new IntakeClient(factory);

        var (html, status) = await person.GetAsync("/policies/no-such-company/file?types=disclosure");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("Go to the list of companies", Html.Text(html), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownTypeInTheUrl_IsAHelpful404ListingWhatIsAccepted()
    {
        using var person = new IntakeClient(factory);

        var (html, status) = await person.GetAsync("/policies/netone/file?types=portability");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("Requests this company accepts", Html.Text(html), StringComparison.Ordinal);
        Assert.Contains("/policies/netone/file?types=correction", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheSameFormPostedTwice_MakesOneRequest()
    {
        using var person = new IntakeClient(factory);
        var fields = await person.OpenFormAsync("ntt-resonant", "correction");
        foreach (var pair in IntakeClient.ValidPerson().Concat(IntakeClient.ValidDetails("correction")))
        {
            fields[pair.Key] = pair.Value;
        }

        using var first = await person.PostAsync("/policies/ntt-resonant/file", fields, [new("step", "submit")]);
        using var second = await person.PostAsync("/policies/ntt-resonant/file", fields, [new("step", "submit")]);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains("We already have this request", Html.Text(await second.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(1, person.Query(db => db.Requests.Count(r => r.SubmissionKey == fields["Input.SubmissionKey"])));
    }

    [Fact]
    public async Task ABotFillingTheHoneypot_GetsAPoliteAnswer_AndNothingIsStored()
    {
        var (status, html, before, after) = await ReviewWithAsync(new() { ["Input.Website"] = "http://spam.example" });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("We already have this request", Html.Text(html), StringComparison.Ordinal);
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task APostWithoutTheAntiforgeryToken_IsRefused()
    {
        using var person = new IntakeClient(factory);
        var fields = await person.OpenFormAsync("netone", "correction");
        fields.Remove("__RequestVerificationToken");

        using var response = await person.PostAsync("/policies/netone/file", fields, [new("step", "review")]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("The form was sent without its security check", Html.Text(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }
}

public sealed class RateLimitTests
{
    [Fact]
    public async Task TooManySubmissions_GetA429WithAFriendlyPage()
    {
        await using var factory = new PortalFactory { RateLimit = 2 };
        using var person = new IntakeClient(factory);
        var fields = await person.OpenFormAsync("netone", "correction");

        var statuses = new List<HttpStatusCode>();
        string last = string.Empty;
        for (var i = 0; i < 3; i++)
        {
            using var response = await person.PostAsync("/policies/netone/file", fields, [new("step", "review")]);
            statuses.Add(response.StatusCode);
            last = await response.Content.ReadAsStringAsync();
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Contains($"Please wait about {(int)Web.Hosting.AbuseProtection.Window.TotalMinutes} min and try again", Html.Text(last), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheUploadLimit_CannotBeSteppedAroundByHowTheHandlerIsWritten()
    {
        await using var factory = new PortalFactory { Settings = { ["RateLimits:UploadPerMinute"] = "2", ["RateLimits:StatusPerMinute"] = "100" } };
        using var filed = await ReceivedCase.FileAsync(factory);
        var (page, _) = await filed.Person.GetAsync(filed.StatusUrl);
        var fields = IntakeClient.HiddenFields(page);
        var path = filed.StatusUrl.Split('?')[0];

        var statuses = new List<HttpStatusCode>();
        foreach (var query in new[] { "?handler=Upload&handler=Upload", "?handler=upload", "?handler=Upload", "?handler=Upload&handler=Upload&handler=Upload" })
        {
            using var content = new MultipartFormDataContent();
            foreach (var (key, value) in fields)
            {
                content.Add(new StringContent(value), key);
            }

            var file = new ByteArrayContent(ReceivedCase.Pdf);
            file.Headers.ContentType = new("application/pdf");
            content.Add(file, "file", "passport.pdf");
            using var response = await filed.Person.SendAsync(path + query, content);
            statuses.Add(response.StatusCode);
        }

        // Two posts in the minute, however the handler was written; the page itself still opens.
        Assert.All(statuses.Take(2), status => Assert.NotEqual(HttpStatusCode.TooManyRequests, status));
        Assert.All(statuses.Skip(2), status => Assert.Equal(HttpStatusCode.TooManyRequests, status));
        Assert.Equal(HttpStatusCode.OK, (await filed.Person.GetAsync(filed.StatusUrl)).Status);
    }
}
