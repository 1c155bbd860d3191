using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PrivacyPortal.Domain.Requests;
using PrivacyPortal.Infrastructure.Data;
using PrivacyPortal.Infrastructure.Storage;

namespace PrivacyPortal.Web.Staff;

/// <summary>A stored file of a case (an identity document, a letter) as the vault holds it, with what the record calls it.</summary>
public sealed record CaseFile(Guid Id, string StoredName, string ContentType, string FileName, Domain.Audit.AuditDetail Described);

/// <summary>
/// Serves a case's encrypted files to officers of its controller only. Auditors and administrators get 403; another
/// controller's case, or a file that is not there, 404. Each view is written to the request's record before a byte
/// is sent, and the browser is told never to cache it or sniff it into something else.
/// </summary>
public sealed class CaseFiles(PortalDbContext db, StaffScopeReader scopes, DocumentVault vault, TimeProvider clock)
{
    public async Task<IActionResult> ServeAsync(
        HttpContext http, Guid requestId, Func<IQueryable<PrivacyRequest>, IQueryable<PrivacyRequest>> include, Func<PrivacyRequest, CaseFile?> pick)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(include);
        ArgumentNullException.ThrowIfNull(pick);
        if (await scopes.ReadAsync(http.User, http.RequestAborted) is not { } scope)
        {
            return new ChallengeResult();
        }

        if (!scope.IsOfficer)
        {
            return new ForbidResult();
        }

        var request = await include(scope.Readable(db.Requests)).AsSplitQuery()
            .FirstOrDefaultAsync(r => r.Id == requestId, http.RequestAborted);
        if (request is null || !scope.CanWork(request) || pick(request) is not { } file)
        {
            return new NotFoundResult();
        }

        byte[] content;
        try
        {
            content = await vault.ReadAsync(file.Id, file.StoredName, http.RequestAborted);
        }
        catch (Exception ex) when (ex is IOException or System.Security.Cryptography.CryptographicException)
        {
            return new NotFoundResult();
        }

        request.RecordRead(scope.Actor, file.Described, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(http.RequestAborted);
        http.Response.Headers.ContentDisposition = Hosting.FileNames.ContentDisposition(file.FileName, file.ContentType);
        return new FileContentResult(content, file.ContentType);
    }
}
