using Microsoft.AspNetCore.Mvc;
using PrivacyPortal.Infrastructure.Data;
using PrivacyPortal.Infrastructure.Profiles;
using PrivacyPortal.Web.Areas.Staff.Pages.Cases;
using PrivacyPortal.Web.Staff;

namespace PrivacyPortal.Web.Areas.Staff.Pages;

/// <summary>
/// One case: everything about the request, and the actions the aggregate allows now, each posting to its own page
/// (Cases/*) with the version the officer saw; if the case changed since, nothing is saved and the officer is told.
/// </summary>
public sealed class CaseModel(PortalDbContext db, StaffScopeReader scopes, ProfileStore profiles, TimeProvider clock) : CasePageModel(db, scopes, profiles, clock)
{
    public async Task<IActionResult> OnGetAsync(Guid id, bool reveal, string? done)
    {
        var denied = await LoadAsync(id, withTimeline: false);
        if (denied is not null)
        {
            return denied;
        }

        // Every staff read of personal data is on the record.
        ContactRevealed = reveal;
        Case.RecordRead(Scope.Actor, Domain.Audit.AuditDetail.Of(reveal ? "viewed-case-contact" : "viewed-case"), Clock.GetUtcNow().UtcDateTime);
        await Db.SaveChangesAsync(HttpContext.RequestAborted);
        await LoadTimelineAsync();
        Done = done is { Length: <= 40 } && done.All(c => char.IsAsciiLetterLower(c) || c == '-') ? done : null;
        return Page();
    }

    /// <summary>Actions post to their own pages (Cases/*): a post here changes nothing.</summary>
    public IActionResult OnPost() => StatusCode(StatusCodes.Status405MethodNotAllowed);
}
