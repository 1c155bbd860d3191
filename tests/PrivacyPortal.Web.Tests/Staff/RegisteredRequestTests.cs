using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PrivacyPortal.Domain.Requests;
using PrivacyPortal.Infrastructure.Data;
using PrivacyPortal.Infrastructure.Jobs;
using PrivacyPortal.Infrastructure.Staff;
using PrivacyPortal.Infrastructure.Storage;
using PrivacyPortal.Web.Tests.Support;
using static PrivacyPortal.Web.Tests.Support.IdentityForm;

namespace PrivacyPortal.Web.Tests.Staff;

/// <summary>
/// A request that came to Net One by post (its policy takes requests by post only): registered by its officer, worked
/// and answered by post, the requester having no email address.
/// </summary>
public sealed partial class RegisteredRequestTests() : PortalTest
{
    // The factory's clock stands at 2026-11-24 10:00 in Tokyo.
    private static Dictionary<string, string> Letter(string arrivedOn = "2026-11-20", string email = "", string channel = "Post")
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Channel"] = channel,
            ["ArrivedOn"] = arrivedOn,
            ["RequestLanguage"] = "ja",
            ["Input.Types"] = "disclosure",
            ["Input.FullName"] = "郵送 花子",
            ["Input.BirthDate"] = "1970-05-05",
            ["Input.PostalCode"] = "1000001",
            ["Input.Address"] = "東京都千代田区千代田1-1",
            ["Input.Email"] = email,
        };
        foreach (var field in RequestFields.For("disclosure").Where(f => f.Required))
        {
            fields[$"Input.Details[disclosure.{field.Id}]"] = field.Kind == FieldKind.Choice ? field.Choices![0].Id : "取引の記録";
        }

        return fields;
    }

    private T Query<T>(Func<PortalDbContext, T> query)
    {
        using var scope = Factory.Services.CreateScope();
        return query(scope.ServiceProvider.GetRequiredService<PortalDbContext>());
    }

    private PrivacyRequest Load(Guid id) => Query(db => db.Requests.AsNoTracking()
        .Include(r => r.AuditEvents).Include(r => r.Documents).Include(r => r.Letters).Include(r => r.Items).AsSplitQuery().Single(r => r.Id == id));

    private async Task<(int Printed, int Failed)> PrintAsync()
    {
        using var scope = Factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<LetterPrinting>().RunOnceAsync(CancellationToken.None);
    }

    private static async Task<HttpResponseMessage> RegisterAsync(StaffClient officer, Dictionary<string, string> fields)
    {
        var (form, _) = await officer.GetAsync("/staff/register/netone?types=disclosure");
        fields["Input.SubmissionKey"] = SubmissionKey().Match(form).Groups[1].Value;
        return await officer.PostFormAsync("/staff/register/netone", fields, "/staff/register/netone?types=disclosure");
    }

    private static Guid CaseId(HttpResponseMessage registered) =>
        Guid.Parse(CaseLocation().Match(registered.Headers.Location!.OriginalString).Groups[1].Value);

    [Fact]
    public async Task APostalRequestToNetOne_IsRegistered_Worked_AndAnsweredByPost()
    {
        using var officer = await StaffClient.SignInAsync(Factory, "ja", "officer@netone.example", StaffRoles.PrivacyOfficer, ["netone"]);

        var (start, _) = await officer.GetAsync("/staff/register");
        Assert.Contains("href=\"/staff/register/netone\"", start, StringComparison.Ordinal);
        using var registered = await RegisterAsync(officer, Letter());
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        var id = CaseId(registered);

        // Received on the day the letter arrived, with its reference at once, and no email to anyone.
        var request = Load(id);
        Assert.Equal((RequestChannel.Post, new DateOnly(2026, 11, 20), RequestStatus.Received), (request.Channel, request.ReceivedOn, request.Status));
        Assert.StartsWith("NETONE-2026-", request.Reference, StringComparison.Ordinal);
        Assert.True(request.NoticesByPost);
        Assert.Contains(request.AuditEvents, e => e.Action == "registered" && e.Actor == "officer@netone.example");
        var (casePage, _) = await officer.GetAsync($"/staff/cases/{id}");
        Assert.Contains("id=\"case-channel\">郵送<", casePage, StringComparison.Ordinal);
        Assert.Contains("id=\"by-post\"", casePage, StringComparison.Ordinal);

        // The identity document came in the envelope: the officer scans it; a file that is not a document is refused.
        using (var fake = await officer.UploadAsync(id, "Scan", request.Version, "免許証.pdf", "not a pdf"u8.ToArray()))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, fake.StatusCode);
            Assert.Contains("PDF・JPEG・PNG", Html.Text(await fake.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        Assert.Empty(Load(id).Documents);
        using (var scanned = await officer.UploadAsync(id, "Scan", Load(id).Version, "免許証.pdf", ReceivedCase.Pdf))
        {
            Assert.Equal(HttpStatusCode.Redirect, scanned.StatusCode);
        }

        var document = Assert.Single(Load(id).Documents);
        Assert.Contains(Load(id).AuditEvents, e => e.Action == "document-scanned" && e.Actor == "officer@netone.example");
        using (var scope = Factory.Services.CreateScope())
        {
            var vault = scope.ServiceProvider.GetRequiredService<DocumentVault>();
            Assert.NotEqual(ReceivedCase.Pdf, await vault.ReadStoredAsync(document.StoredName, CancellationToken.None));
            Assert.Equal(ReceivedCase.Pdf, await vault.ReadAsync(document.Id, document.StoredName, CancellationToken.None));
        }

        // The acknowledgement is printed for the window envelope, waits in the post tray, and is posted once.
        Assert.Equal((1, 0), await PrintAsync());
        var acknowledgement = Load(id).Letters.Single();
        var (tray, _) = await officer.GetAsync("/staff/post");
        Assert.Contains($"/staff/cases/{id}/letters/{acknowledgement.Id}", tray, StringComparison.Ordinal);
        using (var pdf = await officer.GetResponseAsync($"/staff/cases/{id}/letters/{acknowledgement.Id}"))
        {
            var text = Pdf.Text(await pdf.Content.ReadAsByteArrayAsync());
            Assert.Contains("〒100-0001", text, StringComparison.Ordinal);
            Assert.Contains("郵送 花子 様", text, StringComparison.Ordinal);
        }

        using (var posted = await officer.ActAsync(id, "Posted", Load(id).Version, new() { ["letter"] = acknowledgement.Id.ToString() }))
        {
            Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        }

        using (var again = await officer.ActAsync(id, "Posted", Load(id).Version, new() { ["letter"] = acknowledgement.Id.ToString() }))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
        }

        Assert.NotNull(Load(id).Letters.Single().PostedAtUtc);
        Assert.DoesNotContain($"letters/{acknowledgement.Id}", (await officer.GetAsync("/staff/post")).Html, StringComparison.Ordinal);

        // Worked and decided as any request; the answer letter encloses the data, and is posted after the answer is sent.
        using (var verified = await officer.ActAsync(id, "Verify", Load(id).Version, TickedFor("netone")))
        {
            Assert.Equal(HttpStatusCode.Redirect, verified.StatusCode);
        }

        using (var attached = await officer.UploadAsync(id, "AttachData", Load(id).Version, "開示データ.json", "{\"orders\":[1,2]}"u8.ToArray()))
        {
            Assert.Equal(HttpStatusCode.Redirect, attached.StatusCode);
        }

        using (var decided = await officer.ActAsync(id, "Decide", Load(id).Version, new() { ["outcome"] = "Fulfilled" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, decided.StatusCode);
        }

        var answer = Pdf.Text(await officer.PrintPreviewAndSendAsync(Factory, id));
        Assert.Contains("〒100-0001", answer, StringComparison.Ordinal);
        // No status page to download from: the data goes in the envelope.
        Assert.Contains("同封物", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("ダウンロード", answer, StringComparison.Ordinal);
        var decision = Load(id).DecisionLetter!;
        using (var posted = await officer.ActAsync(id, "Posted", Load(id).Version, new() { ["letter"] = decision.Id.ToString() }))
        {
            Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        }

        request = Load(id);
        Assert.Equal(RequestStatus.Answered, request.Status);
        Assert.All(request.Letters, l => Assert.NotNull(l.PostedAtUtc));
        Assert.Equal(2, request.AuditEvents.Count(e => e.Action == "letter-posted"));
        Assert.Equal(0, Query(db => db.Notices.Count(n => n.RequestId == id)));
    }

    [Theory]
    [InlineData("2026-11-25", "到達日を未来の日付にすることはできません")]
    [InlineData("2012-10-14", "ポリシーの日付より前にすることはできません")]
    [InlineData("20261120", "日付")]
    public async Task AnArrivalDayInTheFuture_BeforeThePolicy_OrMalformed_IsRefused_AndNothingIsSaved(string arrivedOn, string message)
    {
        using var officer = await StaffClient.SignInAsync(Factory, "ja", "officer@netone.example", StaffRoles.PrivacyOfficer, ["netone"]);

        using var refused = await RegisterAsync(officer, Letter(arrivedOn));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var page = await refused.Content.ReadAsStringAsync();
        Assert.Contains(message, Html.Text(page), StringComparison.Ordinal);
        // What was typed comes back.
        Assert.Contains("value=\"郵送 花子\"", page, StringComparison.Ordinal);
        Assert.Equal(0, Query(db => db.Requests.Count()));
    }

    [Fact]
    public async Task TheArrivalDayOfThePolicysOwnDate_AndToday_AreAccepted()
    {
        using var officer = await StaffClient.SignInAsync(Factory, "ja", "officer@netone.example", StaffRoles.PrivacyOfficer, ["netone"]);

        using var first = await RegisterAsync(officer, Letter("2012-10-15"));
        using var second = await RegisterAsync(officer, Letter("2026-11-24"));

        Assert.Equal((HttpStatusCode.Redirect, HttpStatusCode.Redirect), (first.StatusCode, second.StatusCode));
        Assert.Equal(new DateOnly(2012, 10, 15), Load(CaseId(first)).ReceivedOn);
    }

    [Theory]
    [InlineData("Web")]
    [InlineData("")]
    [InlineData("Carrier pigeon")]
    public async Task TheOnlineForm_OrNoChannel_IsNotAWayToRegister(string channel)
    {
        using var officer = await StaffClient.SignInAsync(Factory, "en", "officer@netone.example", StaffRoles.PrivacyOfficer, ["netone"]);

        using var refused = await RegisterAsync(officer, Letter(channel: channel));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("Choose how the request arrived.", Html.Text(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(0, Query(db => db.Requests.Count()));
    }

    [Fact]
    public async Task AMalformedEmail_IsRefused_ButNoneAtAllIsFine()
    {
        using var officer = await StaffClient.SignInAsync(Factory, "en", "officer@netone.example", StaffRoles.PrivacyOfficer, ["netone"]);

        using var refused = await RegisterAsync(officer, Letter(email: "hanako@"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Matches("href=\"#Input-Email\"", await refused.Content.ReadAsStringAsync());
        Assert.Equal(0, Query(db => db.Requests.Count()));
    }

    [Fact]
    public async Task WithAnEmailAddress_TheRequesterGetsTheAcknowledgement_WithALinkToTheRequest()
    {
        using var officer = await StaffClient.SignInAsync(Factory, "en", "officer@netone.example", StaffRoles.PrivacyOfficer, ["netone"]);

        using var registered = await RegisterAsync(officer, Letter(email: "hanako@example.jp", channel: "Email"));

        var id = CaseId(registered);
        Assert.False(Load(id).NoticesByPost);
        using var person = new IntakeClient(Factory, "ja");
        var (notice, link) = person.LatestNotice(Domain.Notices.NoticeKind.Acknowledgement);
        Assert.Equal(("hanako@example.jp", id), (notice.Recipient, notice.RequestId));
        var (status, code) = await person.GetAsync(IntakeClient.PathOf(link!));
        Assert.Equal(HttpStatusCode.OK, code);
        Assert.Contains(Load(id).Reference!, status, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheSameFormSentTwice_IsOneRequest()
    {
        using var officer = await StaffClient.SignInAsync(Factory, "en", "officer@netone.example", StaffRoles.PrivacyOfficer, ["netone"]);
        var fields = Letter();
        using var first = await RegisterAsync(officer, fields);

        using var second = await officer.PostFormAsync("/staff/register/netone", fields, "/staff/register/netone?types=disclosure");

        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Equal(1, Query(db => db.Requests.Count()));
    }

    [Fact]
    public async Task OnlyTheCompanysOfficers_Register()
    {
        using var other = await StaffClient.SignInAsync(Factory, "en", "officer@nec.example", StaffRoles.PrivacyOfficer, ["nec"]);
        using var auditor = await StaffClient.SignInAsync(Factory, "en", "auditor@example.jp", StaffRoles.Auditor, []);

        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync("/staff/register/netone?types=disclosure")).Status);
        using (var posted = await other.PostFormAsync("/staff/register/netone", Letter(), "/staff/register"))
        {
            Assert.Equal(HttpStatusCode.NotFound, posted.StatusCode);
        }

        Assert.DoesNotContain("/staff/register/netone", (await other.GetAsync("/staff/register")).Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.GetAsync("/staff/register")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.GetAsync("/staff/post")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync("/staff/register/no-such-policy")).Status);
        Assert.Equal(0, Query(db => db.Requests.Count()));
    }

    [GeneratedRegex("name=\"Input.SubmissionKey\" value=\"([0-9a-f]+)\"")]
    private static partial Regex SubmissionKey();

    [GeneratedRegex("^/staff/cases/([0-9a-f-]{36})")]
    private static partial Regex CaseLocation();
}
