using System.Net;
using PrivacyPortal.Infrastructure.Staff;
using PrivacyPortal.Web.Tests.Support;

namespace PrivacyPortal.Web.Tests.Security;

/// <summary>The inputs that once answered 500: each now gets a page that says what to do, and nothing is stored.</summary>
public sealed class FoundInputCrashTests : PortalTest
{
    [Theory]
    [InlineData("review")]
    [InlineData("submit")]
    public async Task FilingWithAnEmptyTypeValue_AsksForAType_AndStoresNothing(string step)
    {
        using var person = new IntakeClient(Factory);
        var fields = await person.OpenFormAsync("ntt-smartconnect", "disclosure");
        foreach (var pair in IntakeClient.ValidPerson().Concat(IntakeClient.ValidDetails("disclosure")))
        {
            fields[pair.Key] = pair.Value;
        }

        fields["Input.Types"] = string.Empty;
        var before = person.Query(db => db.Requests.Count());
        using var response = await person.PostAsync("/policies/ntt-smartconnect/file", fields, [new("step", step)]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Choose at least one kind of request.", Html.Text(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(before, person.Query(db => db.Requests.Count()));
    }

    [Theory]
    [InlineData("/%0a")]
    [InlineData("/%0d%0aSet-Cookie:%20x=1")]
    [InlineData("/%09")]
    [InlineData("/%00")]
    [InlineData("/policies%7f")]
    public async Task TheLanguageSwitch_GoesHome_WhenTheReturnAddressHoldsAControlCharacter(string returnUrl)
    {
        using var person = new IntakeClient(Factory);
        using var response = await person.SendGetAsync($"/language/ja?returnUrl={returnUrl}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task TheLanguageSwitch_StillGoesBackToAnOrdinaryPage()
    {
        using var person = new IntakeClient(Factory);
        using var response = await person.SendGetAsync("/language/ja?returnUrl=%2Fpolicies%2Fnec%3Ftypes%3Ddisclosure%26lang%3Den");

        // Back to the page with its own query; its lang= would outrank the language just chosen, so it is dropped.
        Assert.Equal("/policies/nec?types=disclosure", response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("/staff\r\nSet-Cookie: x=1")]
    [InlineData("/staff/cases\n")]
    [InlineData("/staff\t")]
    public async Task StaffSignIn_WithAControlCharacterInTheReturnAddress_SignsInToTheQueue(string returnUrl)
    {
        var (_, key) = await StaffClient.CreateAccountAsync(Factory, "officer@example.jp", StaffRoles.PrivacyOfficer, ["nec"]);
        using var client = StaffClient.Anonymous(Factory);

        using var password = await client.PostFormAsync("/staff/login", new() { ["email"] = "officer@example.jp", ["password"] = StaffClient.Password, ["returnUrl"] = returnUrl });
        Assert.Equal("/staff/login/code?returnUrl=%2Fstaff", password.Headers.Location!.OriginalString);
        using var code = await client.PostFormAsync("/staff/login/code", new() { ["code"] = Totp.Code(key!, Factory.Clock.GetUtcNow()), ["returnUrl"] = returnUrl });

        Assert.Equal(HttpStatusCode.Redirect, code.StatusCode);
        Assert.Equal("/staff", code.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task AProfileWithADuplicatedKey_IsRefusedWithTheKeyNamed_AndTheProfileIsUnchanged()
    {
        using var admin = await StaffClient.SignInAsync(Factory, "admin@example.jp", StaffRoles.Administrator);
        var (page, _) = await admin.GetAsync("/staff/admin/profiles/netone");
        var json = WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(page, "<textarea id=\"json\"[^>]*>([^<]*)</textarea>").Groups[1].Value);
        var duplicated = json.Replace("\"internalTargetDays\": 14", "\"internalTargetDays\": 14, \"internalTargetDays\": 3", StringComparison.Ordinal);
        Assert.NotEqual(json, duplicated);

        using var refused = await admin.PostFormAsync("/staff/admin/profiles/netone", new() { ["baseVersion"] = "1", ["json"] = duplicated });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var text = Html.Text(await refused.Content.ReadAsStringAsync());
        Assert.Contains("internalTargetDays", text, StringComparison.Ordinal);
        Assert.Contains("malformed JSON", text, StringComparison.Ordinal);
        var (after, _) = await admin.GetAsync("/staff/admin/profiles/netone");
        Assert.Contains("\"internalTargetDays\": 14", WebUtility.HtmlDecode(after), StringComparison.Ordinal);
        Assert.DoesNotContain("\"internalTargetDays\": 3", WebUtility.HtmlDecode(after), StringComparison.Ordinal);
    }
}
