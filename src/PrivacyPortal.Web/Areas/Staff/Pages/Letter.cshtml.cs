using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PrivacyPortal.Domain.Requests;
using PrivacyPortal.Web.Staff;

namespace PrivacyPortal.Web.Areas.Staff.Pages;

/// <summary>The officer previews a printed letter before sending the answer; each view is on the request's record.</summary>
public sealed class LetterModel(CaseFiles files) : StaffPage
{
    public Task<IActionResult> OnGetAsync(Guid id, Guid letterId) =>
        files.ServeAsync(HttpContext, id, requests => requests.Include(r => r.Letters), request =>
            request.Letters.FirstOrDefault(l => l.Id == letterId) is { Status: LetterStatus.Ready, StoredName: { } stored } letter
                ? new CaseFile(letter.Id, stored, "application/pdf", $"{request.Reference}-{letter.Kind.ToString().ToLowerInvariant()}.pdf", Domain.Audit.AuditDetail.Of("viewed-letter", letter.Id))
                : null);
}
