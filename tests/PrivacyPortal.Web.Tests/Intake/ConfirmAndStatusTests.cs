using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PrivacyPortal.Domain.Notices;
using PrivacyPortal.Domain.Requests;
using PrivacyPortal.Infrastructure.Security;
using PrivacyPortal.Infrastructure.Storage;
using PrivacyPortal.Web.Tests.Support;

namespace PrivacyPortal.Web.Tests.Intake;

/// <summary>Email confirmation through the link in the outbox, the status page, documents and withdrawal.</summary>
public sealed class ConfirmAndStatusTests : IAsyncLifetime, IDisposable
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\nsecret identity number 1234-5678\n%%EOF\n");
    private readonly PortalFactory _factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    public void Dispose() => _factory.Dispose();

    private static string TokenOf(string url) => url.Split('/', '?')[2];

    private Task<(IntakeClient Person, string StatusUrl)> FileAndConfirmAsync(string policy = "ntt-smartconnect", string type = "disclosure") =>
        FileAndConfirmAsync(_factory, policy, type);

    private static async Task<(IntakeClient Person, string StatusUrl)> FileAndConfirmAsync(PortalFactory factory, string policy = "ntt-smartconnect", string type = "disclosure")
    {
        var person = new IntakeClient(factory);
        await person.FileAsync(policy, [type]);
        var (_, link) = person.LatestNotice(NoticeKind.EmailConfirmation);
        var confirmPath = IntakeClient.PathOf(link!);
        var (html, _) = await person.GetAsync(confirmPath);
        using var confirmed = await person.PostAsync(confirmPath, IntakeClient.HiddenFields(html));
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        return (person, confirmed.Headers.Location!.OriginalString);
    }

    [Theory]
    [MemberData(nameof(SeedTheories.OneTypePerFamilyPerPolicy), MemberType = typeof(SeedTheories))]
    public async Task EachFamily_OfEveryPolicy_CanBeFiledConfirmedAndFollowed(string policy, string type)
    {
        var (person, statusUrl) = await FileAndConfirmAsync(policy, type);

        var (html, status) = await person.GetAsync(statusUrl);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Matches(@"Reference number [A-Z]+-2026-\d{6}", Html.Text(html));
        Assert.Contains("Status Received", Html.Text(html), StringComparison.Ordinal);
        Assert.Contains("target date 2026-12-", Html.Text(html), StringComparison.Ordinal);
        person.Dispose();
    }

    [Fact]
    public async Task ConfirmingThroughTheLink_ReceivesTheRequest_StartsTheClock_AndAssignsTheReference()
    {
        var (person, statusUrl) = await FileAndConfirmAsync();

        var hash = SecretTokens.Hash(TokenOf(statusUrl));
        var filed = person.Query(db => db.Requests.AsNoTracking().Single(r => r.StatusTokenHash == hash));
        Assert.Equal(RequestStatus.Received, filed.Status);
        Assert.Equal("NTTSMC-2026-000001", filed.Reference);
        Assert.Equal(new DateOnly(2026, 11, 24), filed.ReceivedOn);
        Assert.Equal(new DateOnly(2026, 12, 8), filed.DueOn);
        Assert.Null(filed.ConfirmationHash);
        var (ack, ackLink) = person.LatestNotice(NoticeKind.Acknowledgement);
        Assert.Equal("NTTSMC-2026-000001", ack.Reference);
        Assert.Equal(statusUrl.Split('?')[0], IntakeClient.PathOf(ackLink!));
        Assert.Equal(["filed", "email-confirmed"], person.Query(db => db.AuditEvents.Where(e => e.RequestId == filed.Id).OrderBy(e => e.Id).Select(e => e.Action).ToList()));
        person.Dispose();
    }

    [Fact]
    public async Task TheStatusPage_ShowsTheReference_TheDueDateWithItsExplanation_AndTheFee()
    {
        var (person, statusUrl) = await FileAndConfirmAsync();

        var (html, status) = await person.GetAsync(statusUrl);
        var text = Html.Text(html);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Reference number NTTSMC-2026-000001", text, StringComparison.Ordinal);
        Assert.Contains("Status Received", text, StringComparison.Ordinal);
        Assert.Contains("The company: it checks your identity and your request.", text, StringComparison.Ordinal);
        Assert.Contains("Company's target 8 December 2026 Received 2026-11-24; internal target 14 days; target date 2026-12-08; send by 2026-12-08", text, StringComparison.Ordinal);
        Assert.Contains("Earliest day to sue (APPI Art. 39) 9 December 2026", text, StringComparison.Ordinal);
        Assert.Contains("1,100 yen including tax", text, StringComparison.Ordinal);
        person.Dispose();
    }

    [Fact]
    public async Task ConfirmationReferences_CountUpPerControllerSeries()
    {
        var (first, _) = await FileAndConfirmAsync();
        var (second, _) = await FileAndConfirmAsync(type: "correction");
        var (other, _) = await FileAndConfirmAsync("netone", "correction");

        Assert.Equal(
            ["NETONE-2026-000001", "NTTSMC-2026-000001", "NTTSMC-2026-000002"],
            first.Query(db => db.Requests.Select(r => r.Reference!).ToList()).Order(StringComparer.Ordinal));
        first.Dispose();
        second.Dispose();
        other.Dispose();
    }

    [Fact]
    public async Task AReplayedConfirmationLink_ExplainsItself_AndChangesNothing()
    {
        using var person = new IntakeClient(_factory);
        await person.FileAsync("netone", ["correction"]);
        var confirmPath = IntakeClient.PathOf(person.LatestNotice(NoticeKind.EmailConfirmation).Link!);
        var (page, _) = await person.GetAsync(confirmPath);
        using (await person.PostAsync(confirmPath, IntakeClient.HiddenFields(page)))
        {
        }

        using var replay = await person.PostAsync(confirmPath, IntakeClient.HiddenFields(page));

        Assert.Equal(HttpStatusCode.NotFound, replay.StatusCode);
        Assert.Contains("each link works once", Html.Text(await replay.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Single(person.Query(db => db.Notices.Where(n => n.Kind == NoticeKind.Acknowledgement).ToList()));
    }

    [Fact]
    public async Task AConfirmationLinkOlderThan24Hours_HasExpired()
    {
        using var person = new IntakeClient(_factory);
        await person.FileAsync("netone", ["correction"]);
        var confirmPath = IntakeClient.PathOf(person.LatestNotice(NoticeKind.EmailConfirmation).Link!);
        _factory.Clock.Advance(TimeSpan.FromHours(25));

        var (html, status) = await person.GetAsync(confirmPath);

        Assert.Equal(HttpStatusCode.Gone, status);
        Assert.Contains("links work for 24 hours", Html.Text(html), StringComparison.Ordinal);
        Assert.Equal(RequestStatus.Draft, person.Query(db => db.Requests.Single().Status));
    }

    [Theory]
    [InlineData("File")]
    [InlineData("Database")]
    public async Task AnUploadedPdf_IsStoredEncrypted_AndListed(string store)
    {
        await using var factory = new PortalFactory { BlobStore = store };
        var (person, statusUrl) = await FileAndConfirmAsync(factory);
        var token = TokenOf(statusUrl);

        using var upload = await UploadAsync(person, token, Pdf, "licence scan.pdf");

        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        var document = person.Query(db => db.Requests.Include(r => r.Documents).AsNoTracking().Single().Documents.Single());
        Assert.Equal("application/pdf", document.ContentType);
        Assert.Equal("licence scan.pdf", document.FileName);
        var vault = factory.Services.GetRequiredService<DocumentVault>();
        var stored = await vault.ReadStoredAsync(document.StoredName, CancellationToken.None);
        Assert.False(stored.AsSpan().IndexOf("secret identity number"u8) >= 0, "the plain text must not be stored");
        Assert.False(stored.AsSpan().IndexOf("%PDF"u8) >= 0);
        Assert.Equal(Pdf, await vault.ReadAsync(document.Id, document.StoredName, CancellationToken.None));
        var onDisk = Path.Combine(factory.DataDirectory, DocumentVault.BlobName(document.StoredName));
        var inTable = person.Query(db => db.Blobs.AsNoTracking().SingleOrDefault(b => b.Name == DocumentVault.BlobName(document.StoredName)));
        if (store == "File")
        {
            Assert.Equal(stored, await File.ReadAllBytesAsync(onDisk));
            Assert.Null(inTable);
        }
        else
        {
            Assert.False(File.Exists(onDisk), "the database store writes no document file");
            Assert.Equal(stored, inTable!.Content);
            Assert.NotNull(person.Query(db => db.Blobs.AsNoTracking().SingleOrDefault(b => b.Name == DocumentVault.KeyName)));
        }

        var (html, _) = await person.GetAsync(statusUrl);
        Assert.Contains("licence scan.pdf", Html.Text(html), StringComparison.Ordinal);
        person.Dispose();
    }

    [Fact]
    public async Task AFakeFile_IsRejectedByItsBytes_NamingTheFile_AndNothingIsStored()
    {
        var (person, statusUrl) = await FileAndConfirmAsync();

        using var upload = await UploadAsync(person, TokenOf(statusUrl), Encoding.ASCII.GetBytes("MZ this is a program, not a PDF"), "passport.pdf");

        Assert.Contains("passport.pdf is not a PDF, JPEG or PNG file", Html.Text(await upload.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Empty(person.Query(db => db.Requests.Include(r => r.Documents).Single().Documents));
        Assert.False(Directory.Exists(Path.Combine(_factory.DataDirectory, "documents")) && Directory.EnumerateFiles(Path.Combine(_factory.DataDirectory, "documents"), "*", SearchOption.AllDirectories).Any());
        person.Dispose();
    }

    [Fact]
    public async Task AFileOver10MB_IsRejectedWithItsName()
    {
        var (person, statusUrl) = await FileAndConfirmAsync();
        var big = new byte[(10 * 1024 * 1024) + 1];
        Pdf.CopyTo(big, 0);

        using var upload = await UploadAsync(person, TokenOf(statusUrl), big, "big.pdf");

        Assert.Contains("big.pdf is larger than 10 MB", Html.Text(await upload.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Empty(person.Query(db => db.Requests.Include(r => r.Documents).Single().Documents));
        person.Dispose();
    }

    [Fact]
    public async Task ASixthDocument_IsRefused()
    {
        var (person, statusUrl) = await FileAndConfirmAsync();
        var token = TokenOf(statusUrl);
        for (var i = 0; i < 5; i++)
        {
            using var ok = await UploadAsync(person, token, Pdf, $"page{i}.pdf");
            Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        }

        using var sixth = await UploadAsync(person, token, Pdf, "page5.pdf");

        Assert.NotEqual(HttpStatusCode.Redirect, sixth.StatusCode);
        Assert.Equal(5, person.Query(db => db.Requests.Include(r => r.Documents).Single().Documents.Count));
        person.Dispose();
    }

    [Fact]
    public async Task Withdrawing_NeedsTheTick_ThenWithdrawsWithANotice()
    {
        var (person, statusUrl) = await FileAndConfirmAsync();
        var (page, _) = await person.GetAsync(statusUrl);
        var fields = IntakeClient.HiddenFields(page);
        var path = $"/r/{TokenOf(statusUrl)}?handler=Withdraw";

        using var unticked = await person.PostAsync(path, fields);
        Assert.Contains("Tick the box to confirm", Html.Text(await unticked.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(RequestStatus.Received, person.Query(db => db.Requests.Single().Status));

        using var ticked = await person.PostAsync(path, fields, [new("confirm", "true")]);
        Assert.Equal(HttpStatusCode.Redirect, ticked.StatusCode);
        Assert.Equal(RequestStatus.Withdrawn, person.Query(db => db.Requests.Single().Status));
        Assert.Equal(NoticeKind.Withdrawn, person.LatestNotice(NoticeKind.Withdrawn).Notice.Kind);

        // The same form sent again is refused by the rule, said in the reader's language rather than the rule's English.
        using var replayed = await person.PostAsync(path + "&lang=ja", fields, [new("confirm", "true")]);
        var refusal = Html.Text(await replayed.Content.ReadAsStringAsync());
        Assert.Contains("現在の状況では、この操作はできません。", refusal, StringComparison.Ordinal);
        Assert.DoesNotContain("not possible", refusal, StringComparison.Ordinal);
        Assert.Equal(1, person.Query(db => db.AuditEvents.Count(e => e.Action == "withdrawn")));
        person.Dispose();
    }

    [Fact]
    public async Task AWrongLink_ExplainsHowToGetANewOne_SentOnlyToTheConfirmedAddress()
    {
        var (person, statusUrl) = await FileAndConfirmAsync();
        var wrong = "/r/" + new string('A', 43);

        var (html, status) = await person.GetAsync(wrong);
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("You can have a new link sent to the email address given with the request", Html.Text(html), StringComparison.Ordinal);

        var (form, _) = await person.GetAsync("/status-link");
        using var mismatch = await person.PostAsync("/status-link", IntakeClient.HiddenFields(form), [new("Reference", "NTTSMC-2026-000001"), new("Email", "someone@else.jp")]);
        Assert.Contains("If the reference and email address match", Html.Text(await mismatch.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Empty(person.Query(db => db.Notices.Where(n => n.Kind == NoticeKind.StatusLink).ToList()));

        using var match = await person.PostAsync("/status-link", IntakeClient.HiddenFields(form), [new("Reference", "nttsmc-2026-000001"), new("Email", "HANAKO@example.jp")]);
        var (notice, link) = person.LatestNotice(NoticeKind.StatusLink);
        Assert.Equal("hanako@example.jp", notice.Recipient);
        var (newPage, newStatus) = await person.GetAsync(IntakeClient.PathOf(link!));
        Assert.Equal(HttpStatusCode.OK, newStatus);
        Assert.Contains("NTTSMC-2026-000001", Html.Text(newPage), StringComparison.Ordinal);
        var (_, oldStatus) = await person.GetAsync(statusUrl);
        Assert.Equal(HttpStatusCode.NotFound, oldStatus);
        person.Dispose();
    }

    [Fact]
    public async Task StatusPages_AreNeverCached()
    {
        var (person, statusUrl) = await FileAndConfirmAsync();
        using var client = _factory.CreateClient();

        using var response = await client.GetAsync(new Uri(statusUrl, UriKind.Relative));

        Assert.True(response.Headers.CacheControl!.NoStore);
        person.Dispose();
    }

    private static async Task<HttpResponseMessage> UploadAsync(IntakeClient person, string token, byte[] bytes, string name)
    {
        var (page, _) = await person.GetAsync($"/r/{token}");
        using var content = new MultipartFormDataContent();
        foreach (var (key, value) in IntakeClient.HiddenFields(page))
        {
            content.Add(new StringContent(value), key);
        }

        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new("application/pdf");
        content.Add(file, "file", name);
        return await person.SendAsync($"/r/{token}?handler=Upload", content);
    }
}
