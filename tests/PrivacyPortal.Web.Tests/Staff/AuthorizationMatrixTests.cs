using System.Net;
using PrivacyPortal.Infrastructure.Staff;
using PrivacyPortal.Web.Hosting;
using PrivacyPortal.Web.Tests.Support;

namespace PrivacyPortal.Web.Tests.Staff;

/// <summary>
/// Who may reach what: {anonymous, officer of the case's controller, officer of another controller, auditor,
/// administrator} x {queue, case, document, action}. Another controller's case answers exactly like a case that
/// does not exist.
/// </summary>
public sealed class AuthorizationMatrixTests : IAsyncLifetime, IDisposable
{
    private readonly PortalFactory _factory = new();
    private readonly Dictionary<string, StaffClient> _clients = [];
    private ReceivedCase _case = null!;
    private Guid _documentId;

    public async Task InitializeAsync()
    {
        _case = await ReceivedCase.FileAsync(_factory);
        Assert.Equal(HttpStatusCode.Redirect, await _case.UploadPdfAsync());
        _documentId = _case.Load().Documents.Single().Id;
        _clients["anonymous"] = StaffClient.Anonymous(_factory);
        _clients["officer"] = await StaffClient.SignInAsync(_factory, "officer@example.jp", StaffRoles.PrivacyOfficer, "ntt-smartconnect");
        _clients["other-officer"] = await StaffClient.SignInAsync(_factory, "other@example.jp", StaffRoles.PrivacyOfficer, "nec");
        _clients["auditor"] = await StaffClient.SignInAsync(_factory, "auditor@example.jp", StaffRoles.Auditor);
        _clients["admin"] = await StaffClient.SignInAsync(_factory, "admin@example.jp", StaffRoles.Administrator);
    }

    public async Task DisposeAsync()
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }

        _case.Dispose();
        await _factory.DisposeAsync();
    }

    public void Dispose() => _factory.Dispose();

    public static TheoryData<string, string, HttpStatusCode> Matrix() => new()
    {
        { "anonymous", "queue", HttpStatusCode.Redirect },
        { "anonymous", "case", HttpStatusCode.Redirect },
        { "anonymous", "document", HttpStatusCode.Redirect },
        { "anonymous", "action", HttpStatusCode.Redirect },
        { "officer", "queue", HttpStatusCode.OK },
        { "officer", "case", HttpStatusCode.OK },
        { "officer", "document", HttpStatusCode.OK },
        { "officer", "action", HttpStatusCode.Redirect },
        { "other-officer", "queue", HttpStatusCode.OK },
        { "other-officer", "case", HttpStatusCode.NotFound },
        { "other-officer", "document", HttpStatusCode.NotFound },
        { "other-officer", "action", HttpStatusCode.NotFound },
        { "auditor", "queue", HttpStatusCode.OK },
        { "auditor", "case", HttpStatusCode.OK },
        { "auditor", "document", HttpStatusCode.Forbidden },
        { "auditor", "action", HttpStatusCode.Forbidden },
        { "admin", "queue", HttpStatusCode.Redirect },
        { "admin", "case", HttpStatusCode.Forbidden },
        { "admin", "document", HttpStatusCode.Forbidden },
        { "admin", "action", HttpStatusCode.Forbidden },
    };

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task EachMember_GetsTheExpectedAnswer(string who, string what, HttpStatusCode expected)
    {
        var client = _clients[who];
        var version = _case.Load().Version;
        using var response = what switch
        {
            "queue" => await client.GetResponseAsync("/staff"),
            "case" => await client.GetResponseAsync($"/staff/cases/{_case.Id}"),
            "document" => await client.GetResponseAsync($"/staff/cases/{_case.Id}/documents/{_documentId}"),
            // Each member posts with a valid antiforgery token of their own, taken from a page they can open.
            _ => await client.PostFormAsync(StaffClient.ActionUrl(_case.Id, "Note"), new() { ["version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture), ["note"] = "A note" }, FormPageOf(who)),
        };

        Assert.Equal(expected, response.StatusCode);
        if (what == "action" && who != "officer")
        {
            Assert.Empty(_case.Load().Notes);
        }

        if (expected == HttpStatusCode.Redirect && who == "anonymous")
        {
            Assert.StartsWith("https://localhost/staff/login", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        }
    }

    private string FormPageOf(string who) => who switch
    {
        "anonymous" => "/staff/login",
        "officer" => $"/staff/cases/{_case.Id}",
        "admin" => "/staff/admin",
        _ => "/staff",
    };

    [Fact]
    public async Task AnotherControllersCase_AnswersLikeOneThatDoesNotExist()
    {
        var (unknown, unknownStatus) = await _clients["other-officer"].GetAsync($"/staff/cases/{Guid.NewGuid()}");
        var (hidden, hiddenStatus) = await _clients["other-officer"].GetAsync($"/staff/cases/{_case.Id}");

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (unknownStatus, hiddenStatus));
        Assert.Equal(Html.Text(unknown), Html.Text(hidden));
    }

    [Fact]
    public async Task TheQueue_ListsOnlyTheOfficersControllers()
    {
        var (mine, _) = await _clients["officer"].GetAsync("/staff");
        var (theirs, _) = await _clients["other-officer"].GetAsync("/staff");
        var (audit, _) = await _clients["auditor"].GetAsync("/staff");
        var reference = _case.Load().Reference!;

        Assert.Contains(reference, mine, StringComparison.Ordinal);
        Assert.DoesNotContain(reference, theirs, StringComparison.Ordinal);
        Assert.Contains(reference, audit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryDocumentView_IsOnTheTimeline_AndNeverCached()
    {
        using var response = await _clients["officer"].GetResponseAsync($"/staff/cases/{_case.Id}/documents/{_documentId}");

        Assert.Equal(ReceivedCase.Pdf, await response.Content.ReadAsByteArrayAsync());
        Assert.True(response.Headers.CacheControl!.NoStore);
        // Opened in the browser, a document runs nothing: sandboxed, and never sniffed into another type.
        Assert.Equal(SecurityHeadersMiddleware.ServedFilePolicy, response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.StartsWith("sandbox;", SecurityHeadersMiddleware.ServedFilePolicy, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains(_case.Load().AuditEvents, e => e.Action == "viewed" && e.Actor == "officer@example.jp" && e.Detail!.Contains(_documentId.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheAuditor_ReadsTheCase_WithoutActionsOrDocumentLinks()
    {
        var (html, _) = await _clients["auditor"].GetAsync($"/staff/cases/{_case.Id}");

        Assert.Contains("id=\"read-only\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=Verify", html, StringComparison.Ordinal);
        Assert.DoesNotContain("/documents/", html, StringComparison.Ordinal);
    }
}
