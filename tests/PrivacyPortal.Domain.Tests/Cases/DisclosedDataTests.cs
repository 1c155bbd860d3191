using System.Text;
using PrivacyPortal.Domain.Common;
using PrivacyPortal.Domain.Controllers;
using PrivacyPortal.Domain.Deadlines;
using PrivacyPortal.Domain.Requests;
using PrivacyPortal.Domain.Tests.Controllers;
using PrivacyPortal.Domain.Tests.Requests;

namespace PrivacyPortal.Domain.Tests.Cases;

/// <summary>The answer delivers the disclosed data: attached in review, downloadable for a period, then deleted.</summary>
public sealed class DisclosedDataTests
{
    private static readonly DateTime Now = new(2026, 11, 24, 1, 0, 0, DateTimeKind.Utc);

    private static readonly ProcedureProfile Profile = ProfileBuilder.Appi() with
    {
        Regimes = ["appi", "gdpr"],
        RequestTypes = [.. RequestType.All.Select(t => ProfileBuilder.Offer(t.Id))],
    };

    private static readonly DeadlineRules Rules = DeadlineRules.For(Profile);

    private static PrivacyRequest InReview(params string[] types) =>
        PrivacyRequestBuilder.For(Profile).WithTypes(types).FiledAt(Now).InReview();

    private static DisclosedFile File(string type, long length = 100) => new(Guid.NewGuid(), "data", type, length, Guid.NewGuid().ToString("N"), "sha", Now);

    private static void Refused(string code, Action action) =>
        Assert.Equal(code, Assert.Throws<DomainException>(action).Code);

    [Fact]
    public void Files_AreAttachedOnlyToAnAnswerThatCarriesData_UpTo100MBPerRequest()
    {
        Refused("deliver.no-data", () => InReview("correction").AttachDisclosedFile("o", File(DisclosedFileType.Pdf), Now));

        var request = InReview("disclosure");
        request.AttachDisclosedFile("o", File(DisclosedFileType.Pdf, 60L * 1024 * 1024), Now);
        Refused("deliver.too-large", () => request.AttachDisclosedFile("o", File(DisclosedFileType.Pdf, 40L * 1024 * 1024 + 1), Now));
        request.AttachDisclosedFile("o", File(DisclosedFileType.Pdf, 40L * 1024 * 1024), Now);
        Assert.Equal(DisclosedFile.MaxBytesPerRequest, request.DisclosedFiles.Sum(f => f.Length));
        Assert.Equal(2, request.AuditEvents.Count(e => e.Action == "disclosed-file-attached"));

        request.Decide("o", "disclosure", new ItemAnswer(DecisionOutcome.Fulfilled, [], null), Profile, Rules, Now);
        Refused("deliver.not-in-review", () => request.AttachDisclosedFile("o", File(DisclosedFileType.Pdf), Now));
    }

    [Fact]
    public void APortabilityAnswer_NeedsAMachineReadableFile_GdprArt20_1()
    {
        var request = InReview("portability");
        request.AttachDisclosedFile("o", File(DisclosedFileType.Pdf), Now);

        Refused("decide.portability-format", () => request.Decide("o", "portability", new ItemAnswer(DecisionOutcome.Fulfilled, [], null), Profile, Rules, Now));
        request.AttachDisclosedFile("o", File(DisclosedFileType.Csv), Now);
        request.Decide("o", "portability", new ItemAnswer(DecisionOutcome.Fulfilled, [], null), Profile, Rules, Now);
    }

    [Fact]
    public void TheFiles_AreDownloadableForTheProfilesPeriod_EachDownloadRecorded_ThenDeleted()
    {
        var request = InReview("access");
        var file = File(DisclosedFileType.Json);
        request.AttachDisclosedFile("o", file, Now);
        request.Decide("o", "access", new ItemAnswer(DecisionOutcome.Fulfilled, [], null), Profile, Rules, Now);
        Refused("deliver.expired", () => request.RecordDownload(file.Id, Now));
        request.LetterPrinted(request.DecisionLetter!.Id, "l", "h", 1, Now);

        request.SendAnswer("o", Now, downloadDays: 30);

        Assert.Equal(new DateOnly(2026, 12, 24), request.DeliveryEndsOn);
        request.RecordDownload(file.Id, Now.AddDays(30));
        Assert.Equal(("requester", "disclosed-file-downloaded"), (request.AuditEvents[^1].Actor, request.AuditEvents[^1].Action));
        Assert.Empty(request.ExpireDisclosedFiles(Now.AddDays(30)));
        Refused("deliver.expired", () => request.RecordDownload(file.Id, Now.AddDays(31)));

        Assert.Equal([file.StoredName], request.ExpireDisclosedFiles(Now.AddDays(31)));
        Assert.NotNull(request.DisclosedFilesDeletedAtUtc);
        Assert.Single(request.DisclosedFiles);
        Assert.Empty(request.ExpireDisclosedFiles(Now.AddDays(32)));
    }

    [Theory]
    [InlineData("data.pdf", "%PDF-1.7 rest", DisclosedFileType.Pdf)]
    [InlineData("data.pdf", "not a pdf", null)]
    [InlineData("data.json", "{\"name\":\"山田\"}", DisclosedFileType.Json)]
    [InlineData("data.json", "name,email", null)]
    [InlineData("data.csv", "name,email\n山田,a@example.jp\n", DisclosedFileType.Csv)]
    [InlineData("data.csv", "PK\u0003\u0004zip", null)]
    [InlineData("records.bin", "PK\u0003\u0004zip", DisclosedFileType.Zip)]
    [InlineData("notes", "plain words", DisclosedFileType.Text)]
    public void AFilesType_IsTakenFromItsBytes_AndANameThatBeliesThemIsRefused(string name, string content, string? expected) =>
        Assert.Equal(expected, DisclosedFileType.Detect(Encoding.UTF8.GetBytes(content), name));
}
