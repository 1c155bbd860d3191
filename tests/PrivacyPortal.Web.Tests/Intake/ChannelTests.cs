using System.Net;
using System.Text.Json.Nodes;
using PrivacyPortal.Web.Tests.Support;

namespace PrivacyPortal.Web.Tests.Intake;

/// <summary>
/// How each company takes requests, said the same way on every page: the portal's form is its web channel unless its
/// profile turns it off, listed beside the channels its policy names.
/// </summary>
public sealed class ChannelTests : IDisposable
{
    private readonly TempDirectory _seeds = TempDirectory.WithSeedsCopy();
    private readonly PortalFactory _factory;

    public ChannelTests()
    {
        JsonEdit.Apply(_seeds.File("ntt-resonant/ntt-resonant.json"), p => p["onlineForm"] = JsonValue.Create(false));
        _factory = new PortalFactory { ProfilesDirectory = _seeds.Path };
    }

    public void Dispose()
    {
        _factory.Dispose();
        _seeds.Dispose();
    }

    [Theory]
    [InlineData("ja", "受付方法：", "このポータルのオンラインフォーム、郵送")]
    [InlineData("en", "The company accepts requests by:", "the online form on this portal, post")]
    public async Task NetOnesPage_ListsThePortalsFormBesideThePost(string language, string lead, string channels)
    {
        using var person = new IntakeClient(_factory, language);

        var (policy, _) = await person.GetAsync("/policies/netone");
        var (type, _) = await person.GetAsync("/policies/netone/requests/disclosure");

        Assert.Contains($"{lead} {channels}", Html.Text(policy), StringComparison.Ordinal);
        Assert.Contains(channels, Html.Text(type), StringComparison.Ordinal);
        Assert.Contains("href=\"/policies/netone/file\"", policy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithTheFormTurnedOff_TheProcedureListsOnlyThePolicysChannels_AndNoFormIsOffered()
    {
        using var person = new IntakeClient(_factory, "en");

        var (policy, _) = await person.GetAsync("/policies/ntt-resonant");
        var (_, form) = await person.GetAsync("/policies/ntt-resonant/file?types=disclosure");

        Assert.DoesNotContain("the online form on this portal", Html.Text(policy), StringComparison.Ordinal);
        Assert.Contains("id=\"no-online-form\"", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("/policies/ntt-resonant/file", policy, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, form);
    }

    [Theory]
    [InlineData("en", "Send your request the way the company accepts it.")]
    [InlineData("ja", "会社が受け付ける方法で")]
    public async Task TheHomePage_NoLongerSendsPeopleElsewhere_WhileOfferingTheForm(string language, string old)
    {
        using var person = new IntakeClient(_factory, language);

        var (home, _) = await person.GetAsync("/");

        Assert.DoesNotContain(old, Html.Text(home), StringComparison.Ordinal);
        Assert.Contains(language == "en" ? "File it here with the online form" : "このポータルのオンラインフォームで提出できます", Html.Text(home), StringComparison.Ordinal);
    }
}
