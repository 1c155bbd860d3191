using System.Net;
using Microsoft.Extensions.DependencyInjection;
using PrivacyPortal.Domain.Notices;
using PrivacyPortal.Domain.Requests;
using PrivacyPortal.Infrastructure.Jobs;
using PrivacyPortal.Infrastructure.Staff;
using PrivacyPortal.Web.Tests.Support;

namespace PrivacyPortal.Web.Tests.Staff;

/// <summary>The worker's jobs on received requests: unpaid fees past their window, identity documents after verification.</summary>
public sealed class CaseHousekeepingTests() : PortalTest
{

    private async Task<(int Expired, int Purged)> RunAsync()
    {
        using var scope = Factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<CaseHousekeeping>().RunOnceAsync(CancellationToken.None);
    }

    private static Dictionary<string, string> Ticked() => new()
    {
        ["documentKind"] = "drivers-licence", ["nameMatches"] = "true", ["addressMatches"] = "true", ["currentAndValid"] = "true", ["masked"] = "true",
    };

    [Fact]
    public async Task AnUnpaidFee_PastTheWindowTheOfficerSet_EndsTheRequestOnce_WithANotice()
    {
        using var filed = await ReceivedCase.FileAsync(Factory);
        using (var officer = await StaffClient.SignInAsync(Factory, "officer@example.jp", StaffRoles.PrivacyOfficer, "ntt-smartconnect"))
        {
            using var asked = await officer.ActAsync(filed.Id, "RequestFee", filed.Load().Version, new() { ["payBy"] = "2026-12-08" });
            Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        }

        Factory.Clock.Advance(TimeSpan.FromDays(14));
        Assert.Equal((0, 0), await RunAsync());
        Factory.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal((1, 0), await RunAsync());
        Assert.Equal((0, 0), await RunAsync());

        var request = filed.Load();
        Assert.Equal((RequestStatus.DeemedWithdrawn, FeeStatus.Expired), (request.Status, request.Fee.Status));
        Assert.Contains(request.AuditEvents, e => e.Action == "fee-expired" && e.Actor == "system");
        Assert.Single(filed.Person.Query(db => db.Notices.Where(n => n.RequestId == filed.Id && n.Kind == NoticeKind.FeeExpired).ToList()));
    }

    [Fact]
    public async Task IdentityDocuments_AreDeletedOnceVerified_RecordFirst_FileAfter()
    {
        using var filed = await ReceivedCase.FileAsync(Factory);
        Assert.Equal(HttpStatusCode.Redirect, await filed.UploadPdfAsync());
        var stored = filed.Load().Documents.Single().StoredName;
        var path = Path.Combine(Factory.DataDirectory, "documents", stored);
        Assert.True(File.Exists(path));

        Assert.Equal((0, 0), await RunAsync());
        using (var officer = await StaffClient.SignInAsync(Factory, "officer@example.jp", StaffRoles.PrivacyOfficer, "ntt-smartconnect"))
        {
            using var verified = await officer.ActAsync(filed.Id, "Verify", filed.Load().Version, Ticked());
            Assert.Equal(HttpStatusCode.Redirect, verified.StatusCode);
        }

        Assert.Equal((0, 1), await RunAsync());
        Assert.Equal((0, 0), await RunAsync());

        var request = filed.Load();
        Assert.Empty(request.Documents);
        Assert.False(File.Exists(path));
        Assert.Contains(request.AuditEvents, e => e.Action == "documents-purged");
        Assert.Contains(request.AuditEvents, e => e.Action == "document-added" && PrivacyPortal.Domain.Audit.AuditDetail.Parse(e.Detail)!.Values[^1].Length == 64);
    }
}

/// <summary>Without Chromium the portal runs on: the letter says why on the case, is retried later, and prints once Chromium is back.</summary>
public sealed class LetterWithoutChromiumTests() : PortalTest(new PortalFactory { Settings = { ["Letters:ChromiumPath"] = "/nonexistent/chromium" } })
{

    private async Task<(int Printed, int Failed)> PrintAsync()
    {
        using var scope = Factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<LetterPrinting>().RunOnceAsync(CancellationToken.None);
    }

    [Fact]
    public async Task TheLetterFailure_IsShownOnTheCase_AndRetriedLater_WhileSendingStaysImpossible()
    {
        using var filed = await ReceivedCase.FileAsync(Factory, "netone", ["correction"]);
        using var officer = await StaffClient.SignInAsync(Factory, "officer@example.jp", StaffRoles.PrivacyOfficer, "netone");
        using (var verified = await officer.ActAsync(filed.Id, "Verify", filed.Load().Version, new() { ["documentKind"] = "drivers-licence", ["nameMatches"] = "true", ["addressMatches"] = "true", ["currentAndValid"] = "true", ["masked"] = "true" }))
        using (var decided = await officer.ActAsync(filed.Id, "Decide", filed.Load().Version, new() { ["outcome"] = "Fulfilled", ["changes"] = "The address was corrected." }))
        {
            Assert.Equal((HttpStatusCode.Redirect, HttpStatusCode.Redirect), (verified.StatusCode, decided.StatusCode));
        }

        // The acknowledgement and the answer are both waiting for Chromium.
        Assert.Equal((0, 2), await PrintAsync());
        Assert.Equal((0, 0), await PrintAsync());
        var (page, _) = await officer.GetAsync($"/staff/cases/{filed.Id}");
        Assert.Contains("id=\"letter-error\"", page, StringComparison.Ordinal);
        Assert.Contains("Chromium", Html.Text(page), StringComparison.Ordinal);
        using var send = await officer.ActAsync(filed.Id, "SendAnswer", filed.Load().Version);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, send.StatusCode);
        Assert.Equal(RequestStatus.Decided, filed.Load().Status);

        Factory.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal((0, 2), await PrintAsync());
        var letter = filed.Load().Letters.Single(l => l.Kind == LetterKind.Decision);
        Assert.Equal(2, letter.Attempts);
        Assert.Equal(2, filed.Load().AuditEvents.Count(e => e.Action == "letter-failed"));
    }
}

/// <summary>NTT Resonant keeps request records one year from the fiscal year of completion; then they are erased, unless held.</summary>
public class RetentionPurgeTests : PortalTest
{
    public RetentionPurgeTests()
        : this(null)
    {
    }

    protected RetentionPurgeTests(PortalFactory? factory)
        : base(factory)
    {
    }

    private async Task<int> PurgeAsync()
    {
        using var scope = Factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<CaseHousekeeping>().PurgeExpiredRecordsAsync(CancellationToken.None);
    }

    private async Task<ReceivedCase> AnsweredAsync(StaffClient officer)
    {
        var filed = await ReceivedCase.FileAsync(Factory, "ntt-resonant", ["disclosure"]);
        using (var verified = await officer.ActAsync(filed.Id, "Verify", filed.Load().Version, new() { ["documentKind"] = "drivers-licence", ["nameMatches"] = "true", ["addressMatches"] = "true", ["currentAndValid"] = "true", ["masked"] = "true" }))
        using (var decided = await officer.ActAsync(filed.Id, "Decide", filed.Load().Version, new() { ["outcome"] = "Fulfilled" }))
        {
            Assert.Equal((HttpStatusCode.Redirect, HttpStatusCode.Redirect), (verified.StatusCode, decided.StatusCode));
        }

        await officer.PrintPreviewAndSendAsync(Factory, filed.Id);
        return filed;
    }

    [Fact]
    public async Task RecordsAreErasedFromTheDisposalDate_WithTheirLetter_UnlessOnLegalHold()
    {
        using var officer = await StaffClient.SignInAsync(Factory, "officer@example.jp", StaffRoles.PrivacyOfficer, "ntt-resonant");
        using var kept = await AnsweredAsync(officer);
        using var held = await AnsweredAsync(officer);
        using (var hold = await officer.ActAsync(held.Id, "Hold", held.Load().Version, new() { ["reason"] = "Dispute pending" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, hold.StatusCode);
        }

        var store = Factory.Services.GetRequiredService<Infrastructure.Storage.IBlobStore>();
        var letterBlob = Infrastructure.Storage.DocumentVault.BlobName(kept.Load().Letters.Single(l => l.Kind == LetterKind.Decision).StoredName!);
        Assert.NotNull(await store.ReadAsync(letterBlob, CancellationToken.None));

        // Completed 2026-11-24 (FY2026): one year from 2027-04-01, kept until 2028-03-31, disposed of from 2028-04-01.
        Factory.Clock.Advance(new DateTimeOffset(2028, 3, 31, 0, 0, 0, TimeSpan.FromHours(9)) - Factory.Clock.GetUtcNow());
        Assert.Equal(0, await PurgeAsync());
        Factory.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(1, await PurgeAsync());
        Assert.Equal(0, await PurgeAsync());

        var erased = kept.Load();
        Assert.NotNull(erased.PurgedAtUtc);
        Assert.Equal("-", erased.Requester.Email);
        Assert.Empty(erased.Letters);
        Assert.Null(await store.ReadAsync(letterBlob, CancellationToken.None));
        Assert.Equal(RequestStatus.Answered, erased.Status);
        var stillHeld = held.Load();
        Assert.Null(stillHeld.PurgedAtUtc);
        Assert.Equal("hanako@example.jp", stillHeld.Requester.Email);
    }
}

/// <summary>The same retention purge on PostgreSQL, with the letter in the database blob store.</summary>
public sealed class RetentionPurgeOnPostgresTests() : RetentionPurgeTests(new PortalFactory { Provider = Providers.Postgres });
