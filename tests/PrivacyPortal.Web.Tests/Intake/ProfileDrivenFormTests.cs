using System.Net;
using PrivacyPortal.Web.Tests.Support;

namespace PrivacyPortal.Web.Tests.Intake;

/// <summary>
/// The form follows the profile, within the law: a profile adds a disclosure method of its own beside the electronic
/// record and paper, which APPI Art. 33(1) always leaves to the requester.
/// </summary>
public sealed class ProfileDrivenFormTests : IDisposable
{
    private readonly TempDirectory _seeds = TempDirectory.WithSeedsCopy();
    private readonly PortalFactory _factory;

    public ProfileDrivenFormTests()
    {
        JsonEdit.Apply(_seeds.File("netone/netone.json"), p => JsonEdit.RequestType(p, "disclosure")["otherDisclosureMethods"] = System.Text.Json.Nodes.JsonNode.Parse("""[{ "id": "viewing", "name": { "ja": "窓口での閲覧", "en": "Viewing at our office" } }]"""));
        _factory = new PortalFactory { ProfilesDirectory = _seeds.Path };
    }

    public void Dispose()
    {
        _factory.Dispose();
        _seeds.Dispose();
    }

    [Fact]
    public async Task TheStatutoryMethodsAndThePolicysOwn_AreShown_AndAnythingElseIsRefused()
    {
        using var person = new IntakeClient(_factory);
        var (form, status) = await person.GetAsync("/policies/netone/file?types=disclosure");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("value=\"paper\"", form, StringComparison.Ordinal);
        Assert.Contains("value=\"electronic\"", form, StringComparison.Ordinal);
        Assert.Contains("value=\"viewing\"", form, StringComparison.Ordinal);

        var fields = IntakeClient.HiddenFields(form);
        foreach (var pair in IntakeClient.ValidPerson())
        {
            fields[pair.Key] = pair.Value;
        }

        fields["Input.Details[disclosure.data]"] = "all";
        fields["Input.Details[disclosure.method]"] = "fax";
        using var response = await person.PostAsync("/policies/netone/file", fields, [new("step", "submit")]);

        Assert.Contains("Choose one of the options shown.", Html.Text(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(0, person.Query(db => db.Requests.Count()));
    }
}
