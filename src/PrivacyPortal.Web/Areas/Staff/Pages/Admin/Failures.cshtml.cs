using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using PrivacyPortal.Domain.Notices;
using PrivacyPortal.Infrastructure.Data;
using PrivacyPortal.Infrastructure.Staff;

namespace PrivacyPortal.Web.Areas.Staff.Pages.Admin;

/// <summary>Notices the worker gave up on, and those still being retried, newest first; recipients masked.</summary>
[Authorize(Roles = StaffRoles.Administrator)]
public sealed class FailuresModel(PortalDbContext db) : StaffPage
{
    public const int Shown = 200;

    public IReadOnlyList<Notice> Notices { get; private set; } = [];

    public async Task OnGetAsync() =>
        Notices = await db.Notices.AsNoTracking()
            .Where(n => n.FailedAtUtc != null || (n.SentAtUtc == null && n.Attempts > 0))
            .OrderByDescending(n => n.CreatedAtUtc).Take(Shown)
            .ToListAsync(HttpContext.RequestAborted);
}
