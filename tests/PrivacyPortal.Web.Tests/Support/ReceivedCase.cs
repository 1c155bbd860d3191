using System.Net;
using Microsoft.EntityFrameworkCore;
using PrivacyPortal.Domain.Notices;
using PrivacyPortal.Domain.Requests;
using PrivacyPortal.Infrastructure.Security;

namespace PrivacyPortal.Web.Tests.Support;

/// <summary>A request filed and confirmed through the public pages, as a requester would.</summary>
public sealed record ReceivedCase(Guid Id, string StatusUrl, IntakeClient Person) : IDisposable
{
    public static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"u8.ToArray();

    public static async Task<ReceivedCase> FileAsync(PortalFactory factory, string policy = "ntt-smartconnect", string[]? types = null, string language = "en", Dictionary<string, string>? overrides = null)
    {
        var person = new IntakeClient(factory, language);
        await person.FileAsync(policy, types ?? ["disclosure"], overrides);
        var (_, link) = person.LatestNotice(NoticeKind.EmailConfirmation);
        var confirmPath = IntakeClient.PathOf(link!);
        var (html, _) = await person.GetAsync(confirmPath);
        using var confirmed = await person.PostAsync(confirmPath, IntakeClient.HiddenFields(html));
        if (confirmed.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Confirming answered {confirmed.StatusCode}.");
        }

        var statusUrl = confirmed.Headers.Location!.OriginalString;
        var hash = SecretTokens.Hash(statusUrl.Split('/', '?')[2]);
        var id = person.Query(db => db.Requests.AsNoTracking().Single(r => r.StatusTokenHash == hash).Id);
        return new ReceivedCase(id, statusUrl, person);
    }

    public PrivacyRequest Load() =>
        Person.Query(db => db.Requests.AsNoTracking().Include(r => r.AuditEvents).Include(r => r.Documents).Include(r => r.Notes).Include(r => r.Items).Include(r => r.Letters).Include(r => r.DisclosedFiles).AsSplitQuery().Single(r => r.Id == Id));

    public async Task<HttpStatusCode> UploadPdfAsync(string fileName = "passport.pdf")
    {
        var (page, _) = await Person.GetAsync(StatusUrl);
        using var content = new MultipartFormDataContent();
        foreach (var (key, value) in IntakeClient.HiddenFields(page))
        {
            content.Add(new StringContent(value), key);
        }

        var file = new ByteArrayContent(Pdf);
        file.Headers.ContentType = new("application/pdf");
        content.Add(file, "file", fileName);
        using var response = await Person.SendAsync(StatusUrl.Split('?')[0] + "?handler=Upload", content);
        return response.StatusCode;
    }

    public void Dispose() => Person.Dispose();
}
