using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using PrivacyPortal.Infrastructure.Jobs;
using PrivacyPortal.Infrastructure.Staff;
using PrivacyPortal.Web.Tests.Support;
using static PrivacyPortal.Web.Tests.Support.IdentityForm;

namespace PrivacyPortal.Web.Tests.Staff;

/// <summary>An access answer delivers its data: the officer attaches it, the requester downloads it for the period, then it is gone.</summary>
public sealed class DisclosedDataTests() : PortalTest
{
    private static readonly byte[] Export = Encoding.UTF8.GetBytes("{\"name\":\"Quoxil Vantrebb\",\"orders\":[1,2,3]}");

    [Fact]
    public async Task TheAttachedData_IsDownloadedFromTheStatusPage_EachTimeOnTheRecord_UntilThePeriodEnds()
    {
        using var filed = await ReceivedCase.FileAsync(Factory, "nec-website", ["access"]);
        using var officer = await StaffClient.SignInAsync(Factory, "officer@example.jp", StaffRoles.PrivacyOfficer, "nec");
        using (var verified = await officer.ActAsync(filed.Id, "Verify", filed.Load().Version, TickedFor("nec-website")))
        {
            Assert.Equal(HttpStatusCode.Redirect, verified.StatusCode);
        }

        // A file whose bytes belie its name is refused, and nothing is kept of it.
        using (var fake = await officer.UploadAsync(filed.Id, "AttachData", filed.Load().Version, "export.pdf", Export))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, fake.StatusCode);
            Assert.Contains("do not match its name", Html.Text(await fake.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        Assert.Empty(filed.Load().DisclosedFiles);
        using (var attached = await officer.UploadAsync(filed.Id, "AttachData", filed.Load().Version, "開示データ.json", Export))
        {
            Assert.Equal(HttpStatusCode.Redirect, attached.StatusCode);
        }

        var file = Assert.Single(filed.Load().DisclosedFiles);
        Assert.Equal(("開示データ.json", "application/json"), (file.FileName, file.ContentType));
        using (var decided = await officer.ActAsync(filed.Id, "Decide", filed.Load().Version, new() { ["outcome"] = "Fulfilled" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, decided.StatusCode);
        }

        var letter = string.Concat(Pdf.Text(await officer.PrintPreviewAndSendAsync(Factory, filed.Id)).Where(c => !char.IsWhiteSpace(c)));
        Assert.Contains("開示データ.json", letter, StringComparison.Ordinal);
        Assert.Contains("for30daysfromthedaywesendthisanswer", letter, StringComparison.Ordinal);
        Assert.DoesNotContain("Enclosed", letter, StringComparison.Ordinal);

        var (status, _) = await filed.Person.GetAsync(filed.StatusUrl);
        Assert.Contains($"data-file=\"{file.Id}\"", status, StringComparison.Ordinal);
        var url = filed.StatusUrl.Split('?')[0] + $"?handler=Data&file={file.Id}";
        using (var download = await filed.Person.SendGetAsync(url))
        {
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            Assert.Equal(Export, await download.Content.ReadAsByteArrayAsync());
            Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
            Assert.Equal("開示データ.json", download.Content.Headers.ContentDisposition.FileNameStar);
            Assert.Equal(PrivacyPortal.Web.Hosting.SecurityHeadersMiddleware.ServedFilePolicy, download.Headers.GetValues("Content-Security-Policy").Single());
        }

        Assert.Single(filed.Load().AuditEvents, e => e.Action == "disclosed-file-downloaded" && e.Actor == "requester");

        // Thirty days after the answer the link still works; the day after, the files are deleted by the housekeeping job.
        Factory.Clock.Advance(TimeSpan.FromDays(31));
        using (var scope = Factory.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<CaseHousekeeping>().RunOnceAsync(CancellationToken.None);
        }

        Assert.NotNull(filed.Load().DisclosedFilesDeletedAtUtc);
        using (var late = await filed.Person.SendGetAsync(url))
        {
            Assert.Equal(HttpStatusCode.Gone, late.StatusCode);
        }

        var (after, _) = await filed.Person.GetAsync(filed.StatusUrl);
        Assert.Contains("id=\"data-ended\"", after, StringComparison.Ordinal);
        Assert.Single(filed.Load().AuditEvents, e => e.Action == "disclosed-files-deleted");
    }
}
