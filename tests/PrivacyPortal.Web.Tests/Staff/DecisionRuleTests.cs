using System.Net;
using PrivacyPortal.Domain.Requests;
using PrivacyPortal.Infrastructure.Staff;
using PrivacyPortal.Web.Tests.Support;
using static PrivacyPortal.Web.Tests.Support.IdentityForm;

namespace PrivacyPortal.Web.Tests.Staff;

/// <summary>Decisions as the statutes set them, through the case page and read back from the letter.</summary>
public sealed class DecisionRuleTests() : PortalTest
{
    private static async Task ExpectSavedAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{response.StatusCode}: {Html.Text(body)}");
    }

    private static string Words(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    [Theory]
    [InlineData("en", "APPI Art. 34(3)", "APPI Art. 35(7)", "APPI Art. 35(3), (5)", "Personal Information Protection Commission")]
    [InlineData("ja", "個人情報保護法第34条第3項", "個人情報保護法第35条第7項", "個人情報保護法第35条第3項、第5項", "個人情報保護委員会")]
    public async Task ACombinedRequest_IsDecidedItemByItem_AndTheLetterStatesEachItemWithItsNotice(string language, string correctionNotice, string stopNotice, string ground, string commission)
    {
        using var filed = await ReceivedCase.FileAsync(Factory, "ntt-smartconnect", ["correction", "stop-provision"], language);
        using var officer = await StaffClient.SignInAsync(Factory, "officer@example.jp", StaffRoles.PrivacyOfficer, "ntt-smartconnect");
        await ExpectSavedAsync(await officer.ActAsync(filed.Id, "Verify", filed.Load().Version, TickedFor("ntt-smartconnect")));

        // Two items open: the officer must say which one is decided.
        using var unnamed = await officer.ActAsync(filed.Id, "Decide", filed.Load().Version, new() { ["outcome"] = "Fulfilled" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unnamed.StatusCode);
        var (page, _) = await officer.GetAsync($"/staff/cases/{filed.Id}");
        Assert.Contains("id=\"decide-correction\"", page, StringComparison.Ordinal);
        Assert.Contains("id=\"ground-stop-provision-appi-35-3-not-met\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"ground-stop-provision-policy-harm-to-life-or-rights\"", page, StringComparison.Ordinal);

        await ExpectSavedAsync(await officer.ActAsync(filed.Id, "Decide", filed.Load().Version, new() { ["item"] = "correction", ["outcome"] = "Fulfilled", ["changes"] = "Quoxil address corrected." }));
        Assert.Equal(RequestStatus.InReview, filed.Load().Status);
        await ExpectSavedAsync(await officer.ActAsync(
            filed.Id, "Decide", filed.Load().Version, new() { ["item"] = "stop-provision", ["outcome"] = "Refused", ["reasons"] = "Quoxil: no provision to third parties takes place." }, [new("grounds", "appi-35-3-not-met")]));

        var request = filed.Load();
        Assert.Equal((RequestStatus.Decided, DecisionOutcome.PartiallyFulfilled), (request.Status, request.Outcome));
        var letter = Words(Pdf.Text(await officer.PrintPreviewAndSendAsync(Factory, filed.Id)));
        Assert.Contains("Quoxiladdresscorrected.", letter, StringComparison.Ordinal);
        Assert.Contains(Words(correctionNotice), letter, StringComparison.Ordinal);
        Assert.Contains(Words(stopNotice), letter, StringComparison.Ordinal);
        Assert.Contains(Words(ground), letter, StringComparison.Ordinal);
        Assert.Contains(Words(commission), letter, StringComparison.Ordinal);
        Assert.Contains("JIPDEC", letter, StringComparison.Ordinal);

        // The requester's page gives each item's answer.
        var (status, _) = await filed.Person.GetAsync(filed.StatusUrl);
        Assert.Contains("Quoxil address corrected.", Html.Text(status), StringComparison.Ordinal);
        Assert.Contains("id=\"item-stop-provision\"", status, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NetOnesUnpublishedFee_IsSetByTheOfficerWithReasons_AndTheProcedurePageStillSaysNotPublished()
    {
        using var filed = await ReceivedCase.FileAsync(Factory, "netone", ["disclosure"]);
        using var officer = await StaffClient.SignInAsync(Factory, "officer@example.jp", StaffRoles.PrivacyOfficer, "netone");
        var (page, _) = await officer.GetAsync($"/staff/cases/{filed.Id}");
        Assert.Contains("id=\"basis-appi-38\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"basis-gdpr-15-3\"", page, StringComparison.Ordinal);

        using var noReasons = await officer.ActAsync(filed.Id, "SetFee", filed.Load().Version, new() { ["basis"] = "appi-38", ["amount"] = "550", ["payBy"] = "2026-12-08" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noReasons.StatusCode);
        using var noDay = await officer.ActAsync(filed.Id, "SetFee", filed.Load().Version, new() { ["basis"] = "appi-38", ["amount"] = "550", ["reasons"] = "Copying 40 pages." });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noDay.StatusCode);
        using var gdpr = await officer.ActAsync(filed.Id, "SetFee", filed.Load().Version, new() { ["basis"] = "gdpr-12-5-a", ["amount"] = "550", ["payBy"] = "2026-12-08", ["reasons"] = "r" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, gdpr.StatusCode);
        Assert.Equal(RequestStatus.Received, filed.Load().Status);

        await ExpectSavedAsync(await officer.ActAsync(filed.Id, "SetFee", filed.Load().Version, new() { ["basis"] = "appi-38", ["amount"] = "550", ["payBy"] = "2026-12-08", ["reasons"] = "Quoxil: copying and posting 40 pages." }));

        var request = filed.Load();
        Assert.Equal((RequestStatus.AwaitingFee, 550L, "appi-38"), (request.Status, request.Fee.AmountMinor!.Value, request.Fee.Basis!));
        var (status, _) = await filed.Person.GetAsync(filed.StatusUrl);
        Assert.Contains("550", Html.Text(status), StringComparison.Ordinal);
        using var anonymous = new IntakeClient(Factory);
        var (procedure, _) = await anonymous.GetAsync("/policies/netone");
        Assert.Contains("not published", Html.Text(procedure), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task EachAction_HasItsOwnPage_AndAPostToTheCasePageChangesNothing()
    {
        using var filed = await ReceivedCase.FileAsync(Factory, "ntt-smartconnect", ["suspension"]);
        using var officer = await StaffClient.SignInAsync(Factory, "officer@example.jp", StaffRoles.PrivacyOfficer, "ntt-smartconnect");
        var version = filed.Load().Version;

        using var old = await officer.PostFormAsync($"/staff/cases/{filed.Id}?handler=Note", new() { ["version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture), ["note"] = "n" }, $"/staff/cases/{filed.Id}");
        Assert.Equal(HttpStatusCode.MethodNotAllowed, old.StatusCode);
        using var page = await officer.GetResponseAsync(StaffClient.ActionUrl(filed.Id, "Note"));
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);

        // The input validator speaks first (shape), the aggregate second (rules), a stale version last: nothing is saved.
        using var badOutcome = await officer.ActAsync(filed.Id, "Decide", version, new() { ["outcome"] = "7" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, badOutcome.StatusCode);
        var badBody = Html.Text(await badOutcome.Content.ReadAsStringAsync());
        Assert.True(badBody.Contains("Choose the outcome", StringComparison.Ordinal), badBody);
        using var tooLong = await officer.ActAsync(filed.Id, "Note", version, new() { ["note"] = new string('x', CaseNote.MaxTextLength + 1) });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooLong.StatusCode);
        using var refused = await officer.ActAsync(filed.Id, "Decide", version, new() { ["outcome"] = "Fulfilled" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        using var stale = await officer.ActAsync(filed.Id, "Note", version - 1, new() { ["note"] = "n" });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Empty(filed.Load().Notes);
        Assert.Equal(version, filed.Load().Version);
    }

    [Fact]
    public async Task AFeeRequest_CannotGoOutWithoutALastDayToPay_WhereThePolicyLeavesItToTheCompany()
    {
        using var filed = await ReceivedCase.FileAsync(Factory, "ntt-smartconnect", ["disclosure"]);
        using var officer = await StaffClient.SignInAsync(Factory, "officer@example.jp", StaffRoles.PrivacyOfficer, "ntt-smartconnect");

        using var undated = await officer.ActAsync(filed.Id, "RequestFee", filed.Load().Version, new() { ["payBy"] = string.Empty });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, undated.StatusCode);
        Assert.Contains("enter the last day to pay", Html.Text(await undated.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(RequestStatus.Received, filed.Load().Status);
        Assert.DoesNotContain(filed.Load().Letters, l => l.Kind == LetterKind.FeeRequest);
    }

    [Fact]
    public async Task AnAnsweredCase_CanBeClosed_AndNothingElse()
    {
        using var filed = await ReceivedCase.FileAsync(Factory, "ntt-smartconnect", ["suspension"]);
        using var officer = await StaffClient.SignInAsync(Factory, "officer@example.jp", StaffRoles.PrivacyOfficer, "ntt-smartconnect");
        using var early = await officer.ActAsync(filed.Id, "Close", filed.Load().Version);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, early.StatusCode);
        await ExpectSavedAsync(await officer.ActAsync(filed.Id, "Verify", filed.Load().Version, TickedFor("ntt-smartconnect")));
        await ExpectSavedAsync(await officer.ActAsync(filed.Id, "Decide", filed.Load().Version, new() { ["outcome"] = "Fulfilled" }));
        await officer.PrintPreviewAndSendAsync(Factory, filed.Id);

        await ExpectSavedAsync(await officer.ActAsync(filed.Id, "Close", filed.Load().Version));

        Assert.Equal(RequestStatus.Closed, filed.Load().Status);
        Assert.Equal("closed", filed.Load().AuditEvents.Last(e => e.Action != "viewed").Action);
    }
}
