using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PrivacyPortal.Domain.Audit;
using PrivacyPortal.Domain.Requests;
using PrivacyPortal.Infrastructure.Audit;
using PrivacyPortal.Infrastructure.Data;
using PrivacyPortal.Web.Staff;

namespace PrivacyPortal.Web.Areas.Staff.Pages.Audit;

/// <summary>
/// One case as the auditor reads it: the coded record and its whole trail, personal data masked. Unmasking asks
/// for a reason, is answered on the same POST (no address that shows the data again) and is itself on the trail;
/// nothing here can change the case.
/// </summary>
public sealed class AuditCaseModel(PortalDbContext db, StaffScopeReader scopes, TimeProvider clock) : AuditPage(db, scopes)
{
    public const int MaxReasonLength = 500;

    public PrivacyRequest Case { get; private set; } = null!;

    public IReadOnlyList<AuditEvent> Events { get; private set; } = [];

    public bool Unmasked { get; private set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await LoadScopeAsync() is { } denied)
        {
            return denied;
        }

        if (!await LoadAsync(id, tracked: true))
        {
            return NotFound();
        }

        Case.RecordRead(Scope.Actor, Domain.Audit.AuditDetail.Of("viewed-case-audit"), clock.GetUtcNow().UtcDateTime);
        await Db.SaveChangesAsync(HttpContext.RequestAborted);
        return Page();
    }

    public async Task<IActionResult> OnPostUnmaskAsync(Guid id, string? reason)
    {
        if (await LoadScopeAsync() is { } denied)
        {
            return denied;
        }

        if (!await LoadAsync(id, tracked: true))
        {
            return NotFound();
        }

        var text = reason?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > MaxReasonLength)
        {
            Error = string.IsNullOrEmpty(text) ? "Audit.Unmask.ReasonRequired" : "Audit.Unmask.ReasonTooLong";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        // The reason is the auditor's own words: kept apart from the chain like any typed text.
        Case.RecordUnmasked(Scope.Actor, text, clock.GetUtcNow().UtcDateTime);
        await Db.SaveChangesAsync(HttpContext.RequestAborted);
        Unmasked = true;
        await LoadEventsAsync(id);
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, bool tracked)
    {
        var query = Readable().Include(r => r.Items).Include(r => r.Letters).AsSplitQuery();
        var found = await (tracked ? query.AsTracking() : query).FirstOrDefaultAsync(r => r.Id == id, HttpContext.RequestAborted);
        if (found is null)
        {
            return false;
        }

        Case = found;
        await LoadEventsAsync(id);
        return true;
    }

    private async Task LoadEventsAsync(Guid id) =>
        Events = await Db.AuditEvents.AsNoTracking().Where(e => e.RequestId == id).OrderBy(e => e.Seq).ToListAsync(HttpContext.RequestAborted);

    public string Shown(string? value) => Unmasked ? (string.IsNullOrEmpty(value) ? "-" : value) : Pages.CaseModel.Mask(value);

    public string? TextOf(AuditEvent e) => TrailRow.Show(e.TextDigest, e.Text?.Value, Unmasked ? TextView.Shown : TextView.Masked);
}
