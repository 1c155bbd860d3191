using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PrivacyPortal.Domain.Requests;
using PrivacyPortal.Infrastructure.Data;
using PrivacyPortal.Web.Staff;

namespace PrivacyPortal.Web.Areas.Staff.Pages;

/// <summary>
/// The post tray: printed letters to requesters without an email address that nobody has recorded as posted yet,
/// across the officer's companies, oldest first.
/// </summary>
public sealed class PostModel(PortalDbContext db, StaffScopeReader scopes) : StaffPage
{
    public IReadOnlyList<(PrivacyRequest Request, RequestLetter Letter)> ToPost { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (await scopes.ReadAsync(User, HttpContext.RequestAborted) is not { } scope)
        {
            return Challenge();
        }

        if (!scope.IsOfficer)
        {
            return Forbid();
        }

        var controllers = scope.ControllerIds.ToList();
        // Only a registered request can lack an email address; the letters' own rule (LettersToPost) decides the rest.
        var requests = await db.Requests.AsNoTracking()
            .Where(r => controllers.Contains(r.ControllerId) && r.Channel != RequestChannel.Web && r.Reference != null)
            .Where(r => r.Letters.Any(l => l.Status == LetterStatus.Ready && l.PostedAtUtc == null))
            .Include(r => r.Letters)
            .AsSplitQuery()
            .ToListAsync(HttpContext.RequestAborted);
        ToPost = requests.SelectMany(r => r.LettersToPost().Select(l => (r, l))).OrderBy(p => p.l.PrintedAtUtc).ToList();
        return Page();
    }
}
