using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PrivacyPortal.Web.Hosting;
using PrivacyPortal.Web.Staff;

namespace PrivacyPortal.Web.Areas.Staff.Pages;

/// <summary>
/// An identity document, decrypted for an officer of the request's controller; each view is on the request's record.
/// It downloads under the name it was uploaded with (cleaned again, for names stored before cleaning covered bidi
/// characters) and the extension of what it really is.
/// </summary>
public sealed class DocumentModel(CaseFiles files) : StaffPage
{
    public Task<IActionResult> OnGetAsync(Guid id, Guid documentId) =>
        files.ServeAsync(HttpContext, id, requests => requests.Include(r => r.Documents), request =>
            request.Documents.FirstOrDefault(d => d.Id == documentId) is { } document
                ? new CaseFile(document.Id, document.StoredName, document.ContentType, FileNames.WithExtension(FileNames.Clean(document.FileName), Extension(document.ContentType)), Domain.Audit.AuditDetail.Of("viewed-document", document.Id, document.ContentType))
                : null);

    private static string Extension(string contentType) => contentType switch
    {
        "application/pdf" => ".pdf",
        "image/jpeg" => ".jpg",
        "image/png" => ".png",
        _ => ".bin",
    };
}
