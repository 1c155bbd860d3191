using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using PrivacyPortal.Domain.Notices;
using PrivacyPortal.Infrastructure.Data;
using PrivacyPortal.Infrastructure.Staff;

namespace PrivacyPortal.Web.Areas.Staff.Pages.Admin;

/// <summary>Notices the worker gave up on, and those still being retried, newest first; recipients masked.</summary>
[Authorize(Roles = StaffRoles.Administrator)]
public sealed class FailuresModel(PortalDbContext db, Infrastructure.Jobs.PortalJobStatus jobs) : StaffPage
{
    public const int Shown = 200;

    public IReadOnlyList<Notice> Notices { get; private set; } = [];

    /// <summary>The background jobs of the process serving this page, with their failures.</summary>
    public IReadOnlyList<Infrastructure.Jobs.JobState> Jobs { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Jobs = jobs.Jobs;
        Notices = await db.Notices.AsNoTracking()
            .Where(n => n.FailedAtUtc != null || (n.SentAtUtc == null && n.Attempts > 0))
            .OrderByDescending(n => n.CreatedAtUtc).Take(Shown)
            .ToListAsync(HttpContext.RequestAborted);
    }
}
