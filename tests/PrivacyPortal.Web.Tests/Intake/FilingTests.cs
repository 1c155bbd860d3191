using System.Net;
using Microsoft.EntityFrameworkCore;
using PrivacyPortal.Domain.Notices;
using PrivacyPortal.Domain.Requests;
using PrivacyPortal.Infrastructure.Profiles;
using PrivacyPortal.Infrastructure.Security;
using PrivacyPortal.Web.Tests.Support;

namespace PrivacyPortal.Web.Tests.Intake;

/// <summary>Filing every type every seed policy accepts, through the real form, review and submit steps.</summary>
public sealed class FilingTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    public static TheoryData<string, string> EveryAcceptedType()
    {
        var data = new TheoryData<string, string>();
        foreach (var snapshot in ProfileLoader.LoadDirectory(RepoPaths.Seeds).Profiles)
        {
            foreach (var (type, _) in snapshot.Profile.AcceptedTypes())
            {
                data.Add(snapshot.Profile.Id, type.Id);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryAcceptedType))]
    public async Task EveryTypeEverySeedPolicyAccepts_CanBeFiled_AsADraftWithItsConfirmationNotice(string policy, string type)
    {
        using var person = new IntakeClient(factory);

        var statusUrl = await person.FileAsync(policy, [type]);

        Assert.StartsWith("/r/", statusUrl, StringComparison.Ordinal);
        var tokenHash = SecretTokens.Hash(statusUrl.Split('/', '?')[2]);
        var filed = person.Query(db => db.Requests.Include(r => r.Items).AsNoTracking().Single(r => r.StatusTokenHash == tokenHash));
        Assert.Equal(policy, filed.PolicyId);
        Assert.Equal(RequestStatus.Draft, filed.Status);
        Assert.Equal(type, Assert.Single(filed.Items).TypeId);
        Assert.Equal(RequestFields.For(type).Count, filed.Items[0].Details.Count);
        Assert.Null(filed.Reference);
        Assert.Null(filed.ReceivedOn);
        var notices = person.Query(db => db.Notices.AsNoTracking().Where(n => n.RequestId == filed.Id).ToList());
        Assert.Equal(NoticeKind.EmailConfirmation, Assert.Single(notices).Kind);
        Assert.Equal("hanako@example.jp", notices[0].Recipient);
        Assert.Equal("filed", Assert.Single(person.Query(db => db.AuditEvents.Where(e => e.RequestId == filed.Id).ToList())).Action);
    }

    [Fact]
    public async Task ACombinedRequest_ShowsTheFeeOnceAtReview_AndStoresBothTypes()
    {
        using var person = new IntakeClient(factory);
        var fields = await person.OpenFormAsync("ntt-smartconnect", "disclosure", "correction", "third-party-records");
        foreach (var pair in IntakeClient.ValidPerson().Concat(IntakeClient.ValidDetails("disclosure")).Concat(IntakeClient.ValidDetails("correction")).Concat(IntakeClient.ValidDetails("third-party-records")))
        {
            fields[pair.Key] = pair.Value;
        }

        using var review = await person.PostAsync("/policies/ntt-smartconnect/file", fields, [new("step", "review")]);
        var text = Html.Text(await review.Content.ReadAsStringAsync());

        Assert.Contains("Fee 1,100 yen including tax (1,000 yen + 10% consumption tax)", text, StringComparison.Ordinal);
        Assert.Contains("The fee is charged once per request", text, StringComparison.Ordinal);
        Assert.Contains("Others: enclose postage stamps for the amount with the request form", text, StringComparison.Ordinal);

        using var submit = await person.PostAsync("/policies/ntt-smartconnect/file", IntakeClient.HiddenFields(await review.Content.ReadAsStringAsync()), [new("step", "submit")]);
        Assert.Equal(HttpStatusCode.Redirect, submit.StatusCode);
        var filed = person.Query(db => db.Requests.Include(r => r.Items).AsNoTracking().Single(r => r.SubmissionKey == fields["Input.SubmissionKey"]));
        Assert.Equal(["correction", "disclosure", "third-party-records"], filed.Items.Select(i => i.TypeId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task AnAgentsRequest_SendsTheConfirmationToTheAgent_AndListsTheRepresentativesDocuments()
    {
        using var person = new IntakeClient(factory);

        var statusUrl = await person.FileAsync("ntt-smartconnect", ["disclosure"], new()
        {
            ["Input.AgentKind"] = "LegalRepresentativeOfMinor",
            ["Input.AgentFullName"] = "山田 太郎",
            ["Input.AgentEmail"] = "taro@example.jp",
            ["Input.AgentPostalCode"] = "541-0047",
            ["Input.AgentAddress"] = "大阪府大阪市",
        });

        var (notice, _) = person.LatestNotice(NoticeKind.EmailConfirmation);
        Assert.Equal("taro@example.jp", notice.Recipient);
        var (page, _) = await person.GetAsync(statusUrl);
        Assert.Contains("Copy of the family register", Html.Text(page), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheReviewStep_KeepsEverythingForChanges()
    {
        using var person = new IntakeClient(factory);
        var fields = await person.OpenFormAsync("netone", "correction");
        foreach (var pair in IntakeClient.ValidPerson().Concat(IntakeClient.ValidDetails("correction")))
        {
            fields[pair.Key] = pair.Value;
        }

        using var review = await person.PostAsync("/policies/netone/file", fields, [new("step", "review")]);
        using var edit = await person.PostAsync("/policies/netone/file", IntakeClient.HiddenFields(await review.Content.ReadAsStringAsync()), [new("step", "edit")]);
        var html = await edit.Content.ReadAsStringAsync();

        Assert.Contains("value=\"山田 花子\"", html, StringComparison.Ordinal);
        Assert.Contains(">untrue text</textarea>", html, StringComparison.Ordinal);
        Assert.Contains("value=\"1985-04-01\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheChoosePage_ListsTheFourFamiliesFirst_WithTheirFees()
    {
        using var person = new IntakeClient(factory);

        var (html, status) = await person.GetAsync("/policies/ntt-smartconnect/file");

        Assert.Equal(HttpStatusCode.OK, status);
        var text = Html.Text(html);
        Assert.True(text.IndexOf("Disclosure —", StringComparison.Ordinal) < text.IndexOf("Notification of purpose of use", StringComparison.Ordinal));
        Assert.Contains("(Free)", text, StringComparison.Ordinal);
    }
}
