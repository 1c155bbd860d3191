using System.Net;
using PrivacyPortal.Web.Tests.Support;

namespace PrivacyPortal.Web.Tests.Intake;

/// <summary>The form follows the profile: a policy offering paper disclosure only shows and accepts only paper.</summary>
public sealed class ProfileDrivenFormTests : IDisposable
{
    private readonly TempDirectory _seeds = TempDirectory.WithSeedsCopy();
    private readonly PortalFactory _factory;

    public ProfileDrivenFormTests()
    {
        JsonEdit.Apply(_seeds.File("netone/netone.json"), p => JsonEdit.RequestType(p, "disclosure")["disclosureMethods"] = new System.Text.Json.Nodes.JsonArray("paper"));
        _factory = new PortalFactory { ProfilesDirectory = _seeds.Path };
    }

    public void Dispose()
    {
        _factory.Dispose();
        _seeds.Dispose();
    }

    [Fact]
    public async Task OnlyTheOfferedDisclosureMethods_AreShownAndAccepted()
    {
        using var person = new IntakeClient(_factory);
        var (form, status) = await person.GetAsync("/policies/netone/file?types=disclosure");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("value=\"paper\"", form, StringComparison.Ordinal);
        Assert.DoesNotContain("value=\"electronic\"", form, StringComparison.Ordinal);

        var fields = IntakeClient.HiddenFields(form);
        foreach (var pair in IntakeClient.ValidPerson())
        {
            fields[pair.Key] = pair.Value;
        }

        fields["Input.Details[disclosure.data]"] = "all";
        fields["Input.Details[disclosure.method]"] = "electronic";
        using var response = await person.PostAsync("/policies/netone/file", fields, [new("step", "submit")]);

        Assert.Contains("Choose one of the options shown.", Html.Text(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(0, person.Query(db => db.Requests.Count()));
    }
}
