using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PrivacyPortal.Infrastructure.Audit;
using PrivacyPortal.Infrastructure.Data;
using PrivacyPortal.Web.Staff;

namespace PrivacyPortal.Web.Areas.Staff.Pages.Audit;

/// <summary>
/// Verifies both chains now (as `portal audit verify` does) and lists the daily chain heads, so an auditor can
/// compare them with the copies kept outside the portal.
/// </summary>
public sealed class VerifyModel(PortalDbContext db, StaffScopeReader scopes) : AuditPage(db, scopes)
{
    public const int CheckpointsShown = 60;

    public IReadOnlyList<ChainReport> Reports { get; private set; } = [];

    public IReadOnlyList<AuditCheckpoint> Checkpoints { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (await LoadScopeAsync() is { } denied)
        {
            return denied;
        }

        Reports = await AuditChainVerifier.VerifyAllAsync(Db, 1, HttpContext.RequestAborted);
        Checkpoints = await Db.AuditCheckpoints.AsNoTracking().OrderByDescending(c => c.Day).ThenBy(c => c.Chain).Take(CheckpointsShown).ToListAsync(HttpContext.RequestAborted);
        return Page();
    }
}
