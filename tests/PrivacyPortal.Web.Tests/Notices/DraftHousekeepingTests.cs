using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PrivacyPortal.Domain.Notices;
using PrivacyPortal.Domain.Requests;
using PrivacyPortal.Infrastructure.Jobs;
using PrivacyPortal.Web.Tests.Support;

namespace PrivacyPortal.Web.Tests.Notices;

/// <summary>Unconfirmed drafts get one reminder after 24 hours and are discarded, data erased, after 7 days.</summary>
public sealed class DraftHousekeepingTests : IAsyncLifetime, IDisposable
{
    private readonly PortalFactory _factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    public void Dispose() => _factory.Dispose();

    private async Task<(int Reminded, int Discarded)> RunAsync()
    {
        using var scope = _factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<DraftHousekeeping>().RunOnceAsync(CancellationToken.None);
    }

    [Fact]
    public async Task After24Hours_OneReminderWithAWorkingLink()
    {
        using var person = new IntakeClient(_factory);
        await person.FileAsync("netone", ["correction"]);

        Assert.Equal((0, 0), await RunAsync());
        _factory.Clock.Advance(TimeSpan.FromHours(25));
        Assert.Equal((1, 0), await RunAsync());
        Assert.Equal((0, 0), await RunAsync());

        var (notice, link) = person.LatestNotice(NoticeKind.ConfirmationReminder);
        Assert.Equal("hanako@example.jp", notice.Recipient);
        // Background jobs have no request: their links come from Portal:PublicBaseUrl, as every email's do.
        Assert.StartsWith("http://localhost/confirm/", link, StringComparison.Ordinal);
        var path = IntakeClient.PathOf(link!);
        var (page, status) = await person.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, status);
        using var confirmed = await person.PostAsync(path, IntakeClient.HiddenFields(page));
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal(RequestStatus.Received, person.Query(db => db.Requests.Single().Status));
    }

    [Fact]
    public async Task After7Days_TheDraftIsDiscarded_ItsDataErased_AndItsDocumentsDeleted()
    {
        using var person = new IntakeClient(_factory);
        var statusUrl = await person.FileAsync("ntt-smartconnect", ["disclosure"]);
        var token = statusUrl.Split('/', '?')[2];
        var (page, _) = await person.GetAsync(statusUrl);
        using var content = new MultipartFormDataContent();
        foreach (var (key, value) in IntakeClient.HiddenFields(page))
        {
            content.Add(new StringContent(value), key);
        }

        content.Add(new ByteArrayContent(Encoding.ASCII.GetBytes("%PDF-1.4 id")), "file", "id.pdf");
        using (await person.SendAsync($"/r/{token}?handler=Upload", content))
        {
        }

        var documents = Path.Combine(_factory.DataDirectory, "documents");
        Assert.Single(Directory.GetFiles(documents, "*.bin", SearchOption.AllDirectories));

        _factory.Clock.Advance(TimeSpan.FromDays(7));
        Assert.Equal((0, 1), await RunAsync());

        var draft = person.Query(db => db.Requests.Include(r => r.Items).Include(r => r.Documents).AsNoTracking().Single());
        Assert.Equal(RequestStatus.Discarded, draft.Status);
        Assert.Equal("-", draft.Requester.FullName);
        Assert.Empty(draft.Items[0].Details);
        Assert.Empty(draft.Documents);
        Assert.Empty(Directory.GetFiles(documents, "*.bin", SearchOption.AllDirectories));
        Assert.Equal("hanako@example.jp", person.LatestNotice(NoticeKind.DraftDiscarded).Notice.Recipient);
        var (after, _) = await person.GetAsync(statusUrl);
        Assert.Contains("Discarded: the email address was never confirmed", Html.Text(after), StringComparison.Ordinal);
        Assert.Equal((0, 0), await RunAsync());
    }
}
