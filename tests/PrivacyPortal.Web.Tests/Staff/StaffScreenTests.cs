using System.Text.RegularExpressions;
using PrivacyPortal.Infrastructure.Staff;
using PrivacyPortal.Web.Tests.Support;

namespace PrivacyPortal.Web.Tests.Staff;

/// <summary>Staff screens that read well: the timeline folds repeated views and shows its zone; filters offer only what applies.</summary>
public sealed partial class StaffScreenTests() : PortalTest
{
    [Fact]
    public async Task RepeatedViews_AreOneLine_TimesCarryTheirZone_AndTheRequesterIsNamedInTheReadersLanguage()
    {
        using var filed = await ReceivedCase.FileAsync(Factory, "ntt-smartconnect", ["disclosure"]);
        using var officer = await StaffClient.SignInAsync(Factory, "ja", "officer@example.jp", StaffRoles.PrivacyOfficer, ["ntt-smartconnect"]);

        await officer.GetAsync($"/staff/cases/{filed.Id}");
        await officer.GetAsync($"/staff/cases/{filed.Id}");
        var (page, _) = await officer.GetAsync($"/staff/cases/{filed.Id}");

        Assert.Equal(3, filed.Load().AuditEvents.Count(e => e.Action == "viewed"));
        Assert.Single(ViewedLine().Matches(page));
        Assert.Contains("×3", page, StringComparison.Ordinal);
        Assert.Matches(@"\d{4}-\d\d-\d\d \d\d:\d\d JST</time>", page);
        Assert.Contains("· 請求者", Html.Text(page), StringComparison.Ordinal);
        Assert.DoesNotContain("· requester", Html.Text(page), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheQueuesTypeFilter_ListsOnlyTheTypesTheOfficersCompaniesAccept()
    {
        using var appiOnly = await StaffClient.SignInAsync(Factory, "en", "netone@example.jp", StaffRoles.PrivacyOfficer, ["netone"]);
        using var withGdpr = await StaffClient.SignInAsync(Factory, "en", "nec@example.jp", StaffRoles.PrivacyOfficer, ["nec"]);

        var (netone, _) = await appiOnly.GetAsync("/staff");
        var (nec, _) = await withGdpr.GetAsync("/staff");

        Assert.Contains("<option value=\"disclosure\"", netone, StringComparison.Ordinal);
        Assert.DoesNotContain("<option value=\"erasure\"", netone, StringComparison.Ordinal);
        Assert.Contains("<option value=\"erasure\"", nec, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAdministrator_LandsOnTheAdministrationHome_AndTheMenuOffersOnlyWhatTheRoleOpens()
    {
        using var admin = await StaffClient.SignInAsync(Factory, "en", "admin@example.jp", StaffRoles.Administrator, []);

        using var landing = await admin.GetResponseAsync("/staff");
        var (home, status) = await admin.GetAsync("/staff/admin");

        Assert.Equal(System.Net.HttpStatusCode.Redirect, landing.StatusCode);
        Assert.Equal("/staff/admin", landing.Headers.Location!.OriginalString);
        Assert.Equal(System.Net.HttpStatusCode.OK, status);
        Assert.DoesNotContain("id=\"nav-queue\"", home, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"nav-register\"", home, StringComparison.Ordinal);
    }

    [GeneratedRegex("<li data-action=\"viewed\">")]
    private static partial Regex ViewedLine();
}
