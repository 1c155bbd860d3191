using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PrivacyPortal.Domain.Cases;
using PrivacyPortal.Infrastructure.Data;
using PrivacyPortal.Infrastructure.Storage;
using PrivacyPortal.Web.Staff;

namespace PrivacyPortal.Web.Areas.Staff.Pages;

/// <summary>The officer previews a printed letter before sending the answer; each view is on the request's record.</summary>
public sealed class LetterModel(PortalDbContext db, StaffScopeReader scopes, DocumentVault vault, TimeProvider clock) : StaffPage
{
    public async Task<IActionResult> OnGetAsync(Guid id, Guid letterId)
    {
        if (await scopes.ReadAsync(User, HttpContext.RequestAborted) is not { } scope)
        {
            return Challenge();
        }

        if (!scope.IsOfficer)
        {
            return Forbid();
        }

        var request = await scope.Readable(db.Requests).Include(r => r.Letters).Include(r => r.AuditEvents).AsSplitQuery()
            .FirstOrDefaultAsync(r => r.Id == id, HttpContext.RequestAborted);
        var letter = request?.Letters.FirstOrDefault(l => l.Id == letterId);
        if (request is null || letter is not { Status: LetterStatus.Ready, StoredName: { } stored } || !scope.CanWork(request))
        {
            return NotFound();
        }

        var pdf = await vault.ReadAsync(letter.Id, stored, HttpContext.RequestAborted);
        request.RecordRead(scope.Actor, $"letter {letter.Id}", clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(HttpContext.RequestAborted);
        Response.Headers.ContentDisposition = $"inline; filename=\"{request.Reference}.pdf\"";
        return File(pdf, "application/pdf");
    }
}
