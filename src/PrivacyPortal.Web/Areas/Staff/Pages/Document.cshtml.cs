using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PrivacyPortal.Infrastructure.Data;
using PrivacyPortal.Infrastructure.Storage;
using PrivacyPortal.Web.Staff;

namespace PrivacyPortal.Web.Areas.Staff.Pages;

/// <summary>
/// An identity document, decrypted for an officer of the request's controller. Each view is written to the
/// request's audit trail before a byte is sent. Auditors and administrators never see documents.
/// </summary>
public sealed class DocumentModel(PortalDbContext db, StaffScopeReader scopes, DocumentVault vault, TimeProvider clock) : StaffPage
{
    public async Task<IActionResult> OnGetAsync(Guid id, Guid documentId)
    {
        if (await scopes.ReadAsync(User, HttpContext.RequestAborted) is not { } scope)
        {
            return Challenge();
        }

        if (!scope.IsOfficer)
        {
            return Forbid();
        }

        var request = await scope.Readable(db.Requests).Include(r => r.Documents).Include(r => r.AuditEvents).AsSplitQuery()
            .FirstOrDefaultAsync(r => r.Id == id, HttpContext.RequestAborted);
        var document = request?.Documents.FirstOrDefault(d => d.Id == documentId);
        if (request is null || document is null || !scope.CanWork(request))
        {
            return NotFound();
        }

        byte[] content;
        try
        {
            content = await vault.ReadAsync(document.Id, document.StoredName, HttpContext.RequestAborted);
        }
        catch (Exception ex) when (ex is IOException or System.Security.Cryptography.CryptographicException)
        {
            return NotFound();
        }

        request.RecordRead(scope.Actor, $"document {document.Id} ({document.ContentType})", clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(HttpContext.RequestAborted);
        // Shown inline in the browser's own viewer, never cached, never sniffed into something else.
        Response.Headers.ContentDisposition = $"inline; filename=\"document-{document.Id:N}{Extension(document.ContentType)}\"";
        return File(content, document.ContentType);
    }

    private static string Extension(string contentType) => contentType switch
    {
        "application/pdf" => ".pdf",
        "image/jpeg" => ".jpg",
        "image/png" => ".png",
        _ => ".bin",
    };
}
