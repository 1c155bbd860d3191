using System.Globalization;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using PrivacyPortal.Domain.Fees;
using PrivacyPortal.Domain.Notices;
using PrivacyPortal.Domain.Requests;
using PrivacyPortal.Infrastructure.Profiles;
using PrivacyPortal.Infrastructure.Staff;
using PrivacyPortal.Web.Tests.Support;
using static PrivacyPortal.Web.Tests.Support.IdentityForm;

namespace PrivacyPortal.Web.Tests.Staff;

/// <summary>Officers take requests filed through the public pages from received to decided, through real forms.</summary>
public sealed class CaseActionTests() : PortalTest
{
    private static readonly ProfileCatalog Seeds = SeedTheories.Seeds;

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static async Task<string> ExpectSavedAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{response.StatusCode}: {Html.Text(body)}");
        return response.Headers.Location!.OriginalString;
    }

    [Theory]
    [MemberData(nameof(SeedTheories.OneTypePerFamilyPerPolicy), MemberType = typeof(SeedTheories))]
    public async Task EveryFamily_OfEverySeedPolicy_GoesFromReceivedToDecided_OnTheTimeline(string policy, string type)
    {
        using var filed = await ReceivedCase.FileAsync(Factory, policy, [type]);
        var controller = Seeds.Profiles.Single(p => p.Profile.Id == policy).Controller.Id;
        using var officer = await StaffClient.SignInAsync(Factory, $"officer-{policy}-{type}@example.jp", StaffRoles.PrivacyOfficer, controller);

        await ExpectSavedAsync(await officer.ActAsync(filed.Id, "Verify", filed.Load().Version, Ticked(FirstAcceptedKind(policy))));
        var profile = Seeds.Profiles.Single(p => p.Profile.Id == policy).Profile;
        var charged = FeeQuote.For(profile, [type]).Outcome == FeeOutcome.Charged;
        if (charged)
        {
            var payBy = FeeQuote.For(profile, [type]).PaymentDueOn(new DateOnly(2026, 11, 24)) is null ? Iso(new DateOnly(2026, 12, 8)) : string.Empty;
            await ExpectSavedAsync(await officer.ActAsync(filed.Id, "RequestFee", filed.Load().Version, new() { ["payBy"] = payBy }));
            Assert.Equal(RequestStatus.AwaitingFee, filed.Load().Status);
            await ExpectSavedAsync(await officer.ActAsync(filed.Id, "Payment", filed.Load().Version, new() { ["method"] = "Postage stamps", ["paidOn"] = "2026-11-24", ["receipt"] = "R-0001" }));
        }

        // A correction's answer says what was corrected (APPI Art. 34(3)).
        Dictionary<string, string> answer = RequestType.Find(type)!.CorrectsData
            ? new() { ["outcome"] = "Fulfilled", ["changes"] = "The address was corrected." }
            : new() { ["outcome"] = "Fulfilled" };
        await ExpectSavedAsync(await officer.ActAsync(filed.Id, "Decide", filed.Load().Version, answer));
        Assert.Equal(RequestStatus.Decided, filed.Load().Status);
        var pdf = await officer.PrintPreviewAndSendAsync(Factory, filed.Id);
        var (page, _) = await officer.GetAsync($"/staff/cases/{filed.Id}");

        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(pdf, 0, 4), StringComparison.Ordinal);
        var request = filed.Load();
        Assert.Equal(RequestStatus.Answered, request.Status);
        string[] expected = charged
            ? ["email-confirmed", "identity-verified", "fee-requested", "fee-paid", "item-decided", "decided", "answer-sent"]
            : ["email-confirmed", "identity-verified", "item-decided", "decided", "answer-sent"];
        Assert.Equal(expected, request.AuditEvents.Where(e => e.Action is not ("viewed" or "filed" or "letter-printed")).OrderBy(e => e.Id).Select(e => e.Action));

        // Acknowledgement, fee request where one was asked for, and the answer: each printed once, its hash recorded.
        Assert.Equal(charged ? 3 : 2, request.Letters.Count);
        Assert.Equal(request.Letters.Count, request.AuditEvents.Count(e => e.Action == "letter-printed" && PrivacyPortal.Domain.Audit.AuditDetail.Parse(e.Detail)!.Values[^1].Length == 64));
        Assert.All(request.AuditEvents.Where(e => e.Action is "identity-verified" or "decided"), e => Assert.Equal($"officer-{policy}-{type}@example.jp", e.Actor));
        foreach (var action in expected)
        {
            Assert.Contains($"data-action=\"{action}\"", page, StringComparison.Ordinal);
        }

        Assert.Contains(filed.Person.Query(db => db.Notices.Where(n => n.RequestId == filed.Id).Select(n => n.Kind).ToList()), k => k == NoticeKind.DecisionAvailable);
    }

    [Fact]
    public async Task MoreNeeded_PausesTheClock_TellsTheRequester_AndTheirUploadResumesIt()
    {
        using var filed = await ReceivedCase.FileAsync(Factory);
        using var officer = await StaffClient.SignInAsync(Factory, "officer@example.jp", StaffRoles.PrivacyOfficer, "ntt-smartconnect");

        await ExpectSavedAsync(await officer.ActAsync(filed.Id, "MoreNeeded", filed.Load().Version, new() { ["reason"] = "The copy of the licence is cut off on the right." }));
        var notice = filed.Person.LatestNotice(NoticeKind.DocumentsNeeded).Notice;
        Assert.Equal("The copy of the licence is cut off on the right.", notice.Detail);
        Assert.Equal(RequestStatus.AwaitingIdentity, filed.Load().Status);
        var (status, _) = await filed.Person.GetAsync(filed.StatusUrl);
        Assert.Contains("The copy of the licence is cut off on the right.", Html.Text(status), StringComparison.Ordinal);
        var (page, _) = await officer.GetAsync($"/staff/cases/{filed.Id}");
        Assert.Contains("Clock paused", Html.Text(page), StringComparison.Ordinal);

        Factory.Clock.Advance(TimeSpan.FromDays(3));
        Assert.Equal(HttpStatusCode.Redirect, await filed.UploadPdfAsync());

        var request = filed.Load();
        Assert.Equal(RequestStatus.InReview, request.Status);
        Assert.Equal(new DateOnly(2026, 11, 27), request.Pauses.Single().To);
        Assert.Equal(new DateOnly(2026, 12, 11), request.DueOn);
    }

    [Fact]
    public async Task ARefusedAction_IsExplainedInTheOfficersLanguage_AndChangesNothing()
    {
        using var filed = await ReceivedCase.FileAsync(Factory);
        using var officer = await StaffClient.SignInAsync(Factory, "ja", "officer@example.jp", StaffRoles.PrivacyOfficer, ["ntt-smartconnect"]);
        var before = filed.Load();
        var unticked = Ticked(FirstAcceptedKind("ntt-smartconnect"));
        unticked.Remove("addressMatches");

        using var response = await officer.ActAsync(filed.Id, "Verify", before.Version, unticked);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("書類の氏名と住所が請求と一致している必要があります。", Html.Text(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var after = filed.Load();
        Assert.Equal((before.Status, before.Version), (after.Status, after.Version));
    }

    [Fact]
    public async Task IdentityThatCannotBeConfirmed_IsRefusedOnArt37_WithItsLetter_AndNotOnceVerified()
    {
        using var filed = await ReceivedCase.FileAsync(Factory, "netone", ["disclosure"]);
        using var officer = await StaffClient.SignInAsync(Factory, "officer@example.jp", StaffRoles.PrivacyOfficer, "netone");
        await ExpectSavedAsync(await officer.ActAsync(filed.Id, "MoreNeeded", filed.Load().Version, new() { ["reason"] = "The copy is unreadable." }));
        var (page, _) = await officer.GetAsync($"/staff/cases/{filed.Id}");
        Assert.Contains("id=\"refuse-identity\"", page, StringComparison.Ordinal);

        using (var bare = await officer.ActAsync(filed.Id, "RefuseIdentity", filed.Load().Version, new() { ["reasons"] = "" }))
        {
            Assert.Contains("Enter the reason; the requester is told it.", Html.Text(await bare.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        await ExpectSavedAsync(await officer.ActAsync(filed.Id, "RefuseIdentity", filed.Load().Version, new() { ["reasons"] = "No readable copy arrived within a month." }));
        var request = filed.Load();
        Assert.Equal((RequestStatus.Decided, DecisionOutcome.Refused), (request.Status, request.Outcome!.Value));
        Assert.Equal(["appi-37-1-identity"], request.DecisionGrounds);
        Assert.All(request.Pauses, p => Assert.False(p.IsOngoing));
        // Lines of the PDF wrap where they will: compare the words.
        var letterText = string.Join(' ', Support.Pdf.Text(await officer.PrintPreviewAndSendAsync(Factory, filed.Id)).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("could not be confirmed", letterText, StringComparison.Ordinal);
        Assert.Contains("confirmed (APPI Art. 37(1))", letterText, StringComparison.Ordinal);
        Assert.DoesNotContain("（", letterText, StringComparison.Ordinal);
        Assert.Contains("No readable copy arrived within a month.", letterText, StringComparison.Ordinal);
        var (status, _) = await filed.Person.GetAsync(filed.StatusUrl);
        Assert.Contains("could not be confirmed (APPI Art. 37(1))", Html.Text(status), StringComparison.Ordinal);

        using var verified = await ReceivedCase.FileAsync(Factory, "netone", ["disclosure"]);
        await ExpectSavedAsync(await officer.ActAsync(verified.Id, "Verify", verified.Load().Version, Ticked(FirstAcceptedKind("netone"))));
        var (verifiedPage, _) = await officer.GetAsync($"/staff/cases/{verified.Id}");
        Assert.DoesNotContain("id=\"refuse-identity\"", verifiedPage, StringComparison.Ordinal);
        using var late = await officer.ActAsync(verified.Id, "RefuseIdentity", verified.Load().Version, new() { ["reasons"] = "Not confirmed." });
        Assert.Contains("decide it on its merits", Html.Text(await late.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(RequestStatus.InReview, verified.Load().Status);
    }

    [Fact]
    public async Task ARefusal_NeedsGroundsAndReasons_AndRecordsThem()
    {
        using var filed = await ReceivedCase.FileAsync(Factory, "netone", ["disclosure"]);
        using var officer = await StaffClient.SignInAsync(Factory, "officer@example.jp", StaffRoles.PrivacyOfficer, "netone");
        await ExpectSavedAsync(await officer.ActAsync(filed.Id, "Verify", filed.Load().Version, Ticked(FirstAcceptedKind("netone"))));

        using var bare = await officer.ActAsync(filed.Id, "Decide", filed.Load().Version, new() { ["outcome"] = "Refused", ["reasons"] = "Because." });
        Assert.Contains("Choose at least one ground", Html.Text(await bare.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        await ExpectSavedAsync(await officer.ActAsync(
            filed.Id, "Decide", filed.Load().Version, new() { ["outcome"] = "Refused", ["reasons"] = "The records are part of an ongoing internal investigation." }, [new("grounds", "appi-33-2-2")]));

        var request = filed.Load();
        Assert.Equal((DecisionOutcome.Refused, "The records are part of an ongoing internal investigation."), (request.Outcome!.Value, request.Items[0].Decision!.Reasons!));
        Assert.Equal(["appi-33-2-2"], request.DecisionGrounds);
        var (before, _) = await filed.Person.GetAsync(filed.StatusUrl);
        Assert.DoesNotContain("The company has decided not to act on your request", Html.Text(before), StringComparison.Ordinal);
        var pdf = await officer.PrintPreviewAndSendAsync(Factory, filed.Id);
        var letterText = Support.Pdf.Text(pdf);
        Assert.Contains(request.Reference!, letterText, StringComparison.Ordinal);
        Assert.Contains("The records are part of an ongoing internal investigation.", letterText, StringComparison.Ordinal);
        // pdftotext breaks lines where the letter wraps: compare without whitespace.
        var letterWords = string.Concat(letterText.Where(c => !char.IsWhiteSpace(c)));
        Assert.Contains("APPIArt.33(2)(ii)", letterWords, StringComparison.Ordinal);

        // The requester reads the answer, its ground and reasons, and where to complain, on the status page.
        var (status, _) = await filed.Person.GetAsync(filed.StatusUrl);
        var text = Html.Text(status);
        Assert.Contains("The company has decided not to act on your request", text, StringComparison.Ordinal);
        Assert.Contains("seriously interfere with the proper conduct of the business (APPI Art. 33(2)(ii))", text, StringComparison.Ordinal);
        Assert.Contains("The records are part of an ongoing internal investigation.", text, StringComparison.Ordinal);
        Assert.Contains("id=\"complaint-routes\"", status, StringComparison.Ordinal);

        // APPI Art. 40: the company's own desk, the Commission for every business, JIPDEC because Net One is a member.
        Assert.Contains("Personal Information Contact Desk, Net One Systems", text, StringComparison.Ordinal);
        Assert.Contains("Personal Information Protection Commission", text, StringComparison.Ordinal);
        Assert.Contains("JIPDEC", text, StringComparison.Ordinal);
        Assert.Contains("PersonalInformationProtectionCommission", letterWords, StringComparison.Ordinal);
        using var download = await filed.Person.SendGetAsync(filed.StatusUrl.Split('?')[0] + "?handler=Letter");
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task AGdprRequest_IsExtendedOnce_WithReasonsSentToTheRequester()
    {
        using var filed = await ReceivedCase.FileAsync(Factory, "nec-website", ["access"]);
        using var officer = await StaffClient.SignInAsync(Factory, "officer@example.jp", StaffRoles.PrivacyOfficer, "nec");
        var dueBefore = filed.Load().DueOn;

        await ExpectSavedAsync(await officer.ActAsync(filed.Id, "Extend", filed.Load().Version, new() { ["reasons"] = "The data is held in twelve separate systems." }));
        using var again = await officer.ActAsync(filed.Id, "Extend", filed.Load().Version, new() { ["reasons"] = "Again" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
        var request = filed.Load();
        Assert.True(request.Extended);
        Assert.Equal(dueBefore!.Value.AddMonths(2), request.DueOn);
        Assert.Equal("The data is held in twelve separate systems.", filed.Person.LatestNotice(NoticeKind.Extended).Notice.Detail);
    }

    [Fact]
    public async Task AFeeWindowTheOfficerSet_Expires_AndTheRequestIsDeemedWithdrawn()
    {
        using var filed = await ReceivedCase.FileAsync(Factory);
        using (var officer = await StaffClient.SignInAsync(Factory, "officer@example.jp", StaffRoles.PrivacyOfficer, "ntt-smartconnect"))
        {
            await ExpectSavedAsync(await officer.ActAsync(filed.Id, "Verify", filed.Load().Version, Ticked(FirstAcceptedKind("ntt-smartconnect"))));
            await ExpectSavedAsync(await officer.ActAsync(filed.Id, "RequestFee", filed.Load().Version, new() { ["payBy"] = "2026-12-08" }));
            var (status, _) = await filed.Person.GetAsync(filed.StatusUrl);
            Assert.Contains("Please pay the fee of 1,100 yen", Html.Text(status), StringComparison.Ordinal);
            Assert.Contains("Pay by: 8 December 2026", Html.Text(status), StringComparison.Ordinal);
            using var early = await officer.ActAsync(filed.Id, "Expire", filed.Load().Version);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, early.StatusCode);
        }

        Factory.Clock.Advance(TimeSpan.FromDays(15));
        using var later = await StaffClient.SignInAsync(Factory, "later@example.jp", StaffRoles.PrivacyOfficer, "ntt-smartconnect");
        await ExpectSavedAsync(await later.ActAsync(filed.Id, "Expire", filed.Load().Version));

        Assert.Equal(RequestStatus.DeemedWithdrawn, filed.Load().Status);
        Assert.Equal(NoticeKind.FeeExpired, filed.Person.LatestNotice(NoticeKind.FeeExpired).Notice.Kind);
    }

    [Fact]
    public async Task TheAcknowledgement_FeeRequest_AndExtension_ArePrintedAsLetters_TheRequesterCanDownload()
    {
        using var filed = await ReceivedCase.FileAsync(Factory, "ntt-smartconnect", ["disclosure"]);
        using var officer = await StaffClient.SignInAsync(Factory, "officer@example.jp", StaffRoles.PrivacyOfficer, "ntt-smartconnect");
        await ExpectSavedAsync(await officer.ActAsync(filed.Id, "RequestFee", filed.Load().Version, new() { ["payBy"] = "2026-12-08" }));
        using var gdpr = await ReceivedCase.FileAsync(Factory, "nec-website", ["access"]);
        using var necOfficer = await StaffClient.SignInAsync(Factory, "nec.officer@example.jp", StaffRoles.PrivacyOfficer, "nec");
        await ExpectSavedAsync(await necOfficer.ActAsync(gdpr.Id, "Extend", gdpr.Load().Version, new() { ["reasons"] = "Twelve systems hold your data." }));
        using (var scope = Factory.Services.CreateScope())
        {
            Assert.Equal((4, 0), await scope.ServiceProvider.GetRequiredService<Infrastructure.Jobs.LetterPrinting>().RunOnceAsync(CancellationToken.None));
        }

        var (status, _) = await filed.Person.GetAsync(filed.StatusUrl);
        Assert.Contains("data-kind=\"Acknowledgement\"", status, StringComparison.Ordinal);
        var feeLetter = Support.Pdf.Text(await DownloadAsync(filed, LetterKind.FeeRequest));
        Assert.Contains("1,100 yen", feeLetter, StringComparison.Ordinal);
        Assert.Contains("8 December 2026", feeLetter, StringComparison.Ordinal);
        var extension = Support.Pdf.Text(await DownloadAsync(gdpr, LetterKind.Extension));
        Assert.Contains("Twelve systems hold your data.", extension, StringComparison.Ordinal);
        Assert.Contains("24 February 2027", extension, StringComparison.Ordinal);

        // The answer letter is not the requester's before the officer sends it.
        using var early = await filed.Person.SendGetAsync(filed.StatusUrl.Split('?')[0] + "?handler=Letter");
        Assert.Equal(HttpStatusCode.NotFound, early.StatusCode);
    }

    private static async Task<byte[]> DownloadAsync(ReceivedCase filed, LetterKind kind)
    {
        var letter = filed.Load().Letters.Single(l => l.Kind == kind);
        using var response = await filed.Person.SendGetAsync($"{filed.StatusUrl.Split('?')[0]}?handler=Letter&letter={letter.Id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync();
    }

    [Fact]
    public async Task Waiving_Noting_Assigning_AndWithdrawingOnBehalf_AreEachOnTheTimeline()
    {
        using var filed = await ReceivedCase.FileAsync(Factory);
        var (colleagueId, _) = await StaffClient.CreateAccountAsync(Factory, "colleague@example.jp", StaffRoles.PrivacyOfficer, ["ntt-smartconnect"]);
        using var officer = await StaffClient.SignInAsync(Factory, "officer@example.jp", StaffRoles.PrivacyOfficer, "ntt-smartconnect");

        await ExpectSavedAsync(await officer.ActAsync(filed.Id, "RequestFee", filed.Load().Version, new() { ["payBy"] = "2026-12-08" }));
        await ExpectSavedAsync(await officer.ActAsync(filed.Id, "Waive", filed.Load().Version, new() { ["reason"] = "Hardship stated in the letter" }));
        await ExpectSavedAsync(await officer.ActAsync(filed.Id, "Note", filed.Load().Version, new() { ["note"] = "Phoned the requester to confirm the address." }));
        await ExpectSavedAsync(await officer.ActAsync(filed.Id, "Assign", filed.Load().Version, new() { ["assignee"] = colleagueId }));
        using var stranger = await officer.ActAsync(filed.Id, "Assign", filed.Load().Version, new() { ["assignee"] = "not-an-officer" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, stranger.StatusCode);
        await ExpectSavedAsync(await officer.ActAsync(filed.Id, "Withdraw", filed.Load().Version, new() { ["reason"] = "Asked by phone on 24 November" }));

        var request = filed.Load();
        Assert.Equal((RequestStatus.Withdrawn, colleagueId, FeeStatus.Waived), (request.Status, request.AssignedTo!, request.Fee.Status));
        Assert.Equal("Phoned the requester to confirm the address.", request.Notes.Single().Text);
        Assert.Contains(request.AuditEvents, e => e.Action == "withdrawn" && e.Detail == null && e.Text!.Value == "on the requester's behalf: Asked by phone on 24 November" && e.Actor == "officer@example.jp");
        Assert.Equal(NoticeKind.Withdrawn, filed.Person.LatestNotice(NoticeKind.Withdrawn).Notice.Kind);
    }

    [Fact]
    public async Task ContactDetails_AreMaskedUntilRevealed_AndRevealingIsRecorded()
    {
        using var filed = await ReceivedCase.FileAsync(Factory);
        using var officer = await StaffClient.SignInAsync(Factory, "officer@example.jp", StaffRoles.PrivacyOfficer, "ntt-smartconnect");

        var (masked, _) = await officer.GetAsync($"/staff/cases/{filed.Id}");
        var (revealed, _) = await officer.GetAsync($"/staff/cases/{filed.Id}?reveal=true");

        Assert.DoesNotContain("hanako@example.jp", masked, StringComparison.Ordinal);
        Assert.Contains("h•••@example.jp", masked, StringComparison.Ordinal);
        Assert.Contains("hanako@example.jp", revealed, StringComparison.Ordinal);
        Assert.Contains(filed.Load().AuditEvents, e => e.Action == "viewed" && PrivacyPortal.Domain.Audit.AuditDetail.Parse(e.Detail)!.Code == "viewed-case-contact");
    }

    [Fact]
    public async Task TheCasePage_ShowsTheDatesAndWhy_InJapanese()
    {
        using var filed = await ReceivedCase.FileAsync(Factory);
        using var officer = await StaffClient.SignInAsync(Factory, "ja", "officer@example.jp", StaffRoles.PrivacyOfficer, ["ntt-smartconnect"]);

        var (html, _) = await officer.GetAsync($"/staff/cases/{filed.Id}");

        Assert.Contains("id=\"due-appi\">2026年12月8日", html, StringComparison.Ordinal);
        Assert.Contains("訴え提起が可能になる日", Html.Text(html), StringComparison.Ordinal);
        Assert.Contains("2026年12月9日", Html.Text(html), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownCases_AndForgedValues_GetAClearAnswer_NotAnError()
    {
        using var filed = await ReceivedCase.FileAsync(Factory);
        using var officer = await StaffClient.SignInAsync(Factory, "officer@example.jp", StaffRoles.PrivacyOfficer, "ntt-smartconnect");

        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync($"/staff/cases/{Guid.NewGuid()}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync("/staff/cases/not-a-guid")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync($"/staff/cases/{filed.Id}/documents/{Guid.NewGuid()}")).Status);
        using var badOutcome = await officer.ActAsync(filed.Id, "Decide", filed.Load().Version, new() { ["outcome"] = "Maybe" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, badOutcome.StatusCode);
        using var badDate = await officer.ActAsync(filed.Id, "RequestFee", filed.Load().Version, new() { ["payBy"] = "tomorrow" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, badDate.StatusCode);
        var (queue, status) = await officer.GetAsync("/staff?status=Nonsense&due=-4&after=garbage&type=unknown");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(filed.Load().Reference!, queue, StringComparison.Ordinal);
    }
}
