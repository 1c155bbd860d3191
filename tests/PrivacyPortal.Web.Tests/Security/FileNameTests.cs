using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using PrivacyPortal.Infrastructure.Staff;
using PrivacyPortal.Web.Hosting;
using PrivacyPortal.Web.Tests.Support;

namespace PrivacyPortal.Web.Tests.Security;

/// <summary>Uploaded names lose control and bidi characters; downloads carry them as RFC 6266 filename*, inline only for PDF and images.</summary>
public sealed class FileNameTests
{
    [Theory]
    [InlineData("運転免許証\u202Egpj.pdf", "運転免許証gpj.pdf")]
    [InlineData("a\u2066b\u2067c\u2068d\u2069e\u200E\u200F\u061C.png", "abcde.png")]
    [InlineData("line\r\nbreak\0.pdf", "linebreak.pdf")]
    [InlineData("C:\\Users\\hanako\\免許証.jpg", "免許証.jpg")]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("\u202E\u202E", "document")]
    [InlineData("...hidden.pdf", "hidden.pdf")]
    [InlineData("para\u2029graph\u2028.pdf", "paragraph.pdf")]
    public void StoredNames_LoseControlAndBidiCharacters_AndAnyPath(string uploaded, string stored) =>
        Assert.Equal(stored, FileNames.Clean(uploaded));

    [Fact]
    public void AnOverLongName_IsCut_WithoutSplittingASurrogatePair()
    {
        var name = new string('a', Domain.Requests.RequestDocument.MaxFileNameLength - 1) + "😀.pdf";

        var clean = FileNames.Clean(name);

        Assert.True(clean.Length <= Domain.Requests.RequestDocument.MaxFileNameLength);
        Assert.False(char.IsHighSurrogate(clean[^1]));
    }

    [Theory]
    [InlineData("application/pdf", "inline")]
    [InlineData("image/jpeg", "inline")]
    [InlineData("image/png", "inline")]
    [InlineData("image/svg+xml", "attachment")]
    [InlineData("text/html", "attachment")]
    [InlineData("application/json", "attachment")]
    [InlineData("text/csv", "attachment")]
    [InlineData("application/octet-stream", "attachment")]
    public void OnlyPdfAndRasterImages_AreShownInline(string contentType, string disposition)
    {
        var header = Microsoft.Net.Http.Headers.ContentDispositionHeaderValue.Parse(FileNames.ContentDisposition("運転免許証.pdf", contentType));

        Assert.Equal(disposition, header.DispositionType.Value);
        Assert.Equal("運転免許証.pdf", header.FileNameStar.Value);
    }

    /// <summary>Kestrel refuses a response header holding non-ASCII: the raw form fails there, filename* downloads.</summary>
    [Fact]
    public async Task UnderKestrel_AJapaneseNameDownloads_WhereTheRawHeaderFails()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        await using var app = builder.Build();
        app.MapGet("/safe", (HttpContext http) =>
        {
            http.Response.Headers.ContentDisposition = FileNames.ContentDisposition("運転免許証.pdf", "application/pdf");
            return Results.Bytes(ReceivedCase.Pdf, "application/pdf");
        });
        app.MapGet("/raw", (HttpContext http) =>
        {
            http.Response.Headers.ContentDisposition = "inline; filename=\"運転免許証.pdf\"";
            return Results.Bytes(ReceivedCase.Pdf, "application/pdf");
        });
        await app.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.Single()) };

        using var safe = await client.GetAsync(new Uri("/safe", UriKind.Relative));
        using var raw = await client.GetAsync(new Uri("/raw", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, safe.StatusCode);
        Assert.Equal("運転免許証.pdf", safe.Content.Headers.ContentDisposition!.FileNameStar);
        Assert.Equal(ReceivedCase.Pdf, await safe.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.InternalServerError, raw.StatusCode);
        await app.StopAsync();
    }

    [Fact]
    public async Task AnUploadedIdentityDocument_IsStoredCleaned_AndDownloadsUnderItsOwnNameInline()
    {
        await using var factory = new PortalFactory();
        using var filed = await ReceivedCase.FileAsync(factory);
        Assert.Equal(HttpStatusCode.Redirect, await filed.UploadPdfAsync("運転免許証\u202Egpj.pdf"));
        var document = Assert.Single(filed.Load().Documents);
        Assert.Equal("運転免許証gpj.pdf", document.FileName);
        using var officer = await StaffClient.SignInAsync(factory, "officer@example.jp", StaffRoles.PrivacyOfficer, "ntt-smartconnect");

        using var download = await officer.GetResponseAsync($"/staff/cases/{filed.Id}/documents/{document.Id}");

        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        var header = download.Content.Headers.ContentDisposition!;
        Assert.Equal("inline", header.DispositionType);
        Assert.Equal("運転免許証gpj.pdf", header.FileNameStar);
        Assert.All(download.Content.Headers.GetValues("Content-Disposition").Single(), c => Assert.True(c < 0x80, $"'{c}' is not ASCII"));
    }

    [Fact]
    public async Task AStoredNameWithoutItsTypesExtension_DownloadsWithIt()
    {
        await using var factory = new PortalFactory();
        using var filed = await ReceivedCase.FileAsync(factory);
        Assert.Equal(HttpStatusCode.Redirect, await filed.UploadPdfAsync("my-licence.exe"));
        var document = Assert.Single(filed.Load().Documents);
        using var officer = await StaffClient.SignInAsync(factory, "officer@example.jp", StaffRoles.PrivacyOfficer, "ntt-smartconnect");

        using var download = await officer.GetResponseAsync($"/staff/cases/{filed.Id}/documents/{document.Id}");

        Assert.Equal("my-licence.exe.pdf", download.Content.Headers.ContentDisposition!.FileNameStar);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
    }
}
