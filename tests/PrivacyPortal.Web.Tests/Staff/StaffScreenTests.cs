using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PrivacyPortal.Domain.Audit;
using PrivacyPortal.Infrastructure.Data;
using PrivacyPortal.Infrastructure.Staff;
using PrivacyPortal.Web.Areas.Staff.Pages.Cases;
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
    public async Task ALongTrail_OpensOnItsNewestPage_AndOlderPagesReachTheFiling()
    {
        using var filed = await ReceivedCase.FileAsync(Factory, "ntt-smartconnect", ["disclosure"]);
        using (var scope = Factory.Services.CreateScope())
        {
            // 150 views by as many people: none folds into another, so the trail is 150 lines long.
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var request = await db.Requests.SingleAsync(r => r.Id == filed.Id);
            for (var i = 0; i < 150; i++)
            {
                request.RecordRead($"reader-{i:000}@example.jp", AuditDetail.Of("viewed-case"), FixedClock.DefaultInstant.UtcDateTime.AddMinutes(i));
            }

            await db.SaveChangesAsync();
        }

        using var officer = await StaffClient.SignInAsync(Factory, "officer@example.jp", StaffRoles.PrivacyOfficer, "ntt-smartconnect");
        var (newest, _) = await officer.GetAsync($"/staff/cases/{filed.Id}");
        var (older, _) = await officer.GetAsync($"/staff/cases/{filed.Id}?trail=1");
        var (beyond, status) = await officer.GetAsync($"/staff/cases/{filed.Id}?trail=9");

        Assert.Equal(CasePageModel.TimelinePageSize, TimelineLine().Count(newest));
        Assert.Contains("id=\"timeline-older\"", newest, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"timeline-newer\"", newest, StringComparison.Ordinal);
        Assert.DoesNotContain("data-action=\"filed\"", newest, StringComparison.Ordinal);
        Assert.Contains("reader-149@example.jp", newest, StringComparison.Ordinal);

        Assert.Contains("data-action=\"filed\"", older, StringComparison.Ordinal);
        Assert.Contains("reader-000@example.jp", older, StringComparison.Ordinal);
        Assert.DoesNotContain("reader-149@example.jp", older, StringComparison.Ordinal);
        Assert.Contains("id=\"timeline-newer\"", older, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"timeline-older\"", older, StringComparison.Ordinal);

        // Past the end: the case still opens, with an empty trail and the way back.
        Assert.Equal(System.Net.HttpStatusCode.OK, status);
        Assert.Equal(0, TimelineLine().Count(beyond));
        Assert.Contains("id=\"timeline-newer\"", beyond, StringComparison.Ordinal);
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

    [GeneratedRegex("<li data-action=\"")]
    private static partial Regex TimelineLine();
}
