using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PrivacyPortal.Infrastructure.Audit;
using PrivacyPortal.Infrastructure.Data;
using PrivacyPortal.Web.Staff;

namespace PrivacyPortal.Web.Areas.Staff.Pages.Audit;

/// <summary>
/// The administration trail (accounts, roles, controllers, profiles, sign-ins, exports), in chain order. It spans
/// every controller, so only an auditor of every controller reads it.
/// </summary>
public sealed class AdminTrailModel(PortalDbContext db, StaffScopeReader scopes) : AuditPage(db, scopes)
{
    public const int PageSize = 200;

    public RequestLogFilter Filter { get; private set; } = new();

    public IReadOnlyList<AdminTrailRow> Rows { get; private set; } = [];

    public long? NextAfter { get; private set; }

    public async Task<IActionResult> OnGetAsync(long? after)
    {
        if (await LoadScopeAsync() is { } denied)
        {
            return denied;
        }

        if (!Scope.AuditsEveryController)
        {
            return Forbid();
        }

        Filter = ReadFilter(Request.Query) with { Controller = null };
        var rows = await AuditTrail.AdminQuery(Db, new TrailFilter { From = Filter.From, To = Filter.To, AfterSeq = after is >= 0 ? after : null })
            .Take(PageSize + 1).ToListAsync(HttpContext.RequestAborted);
        (Rows, NextAfter) = TrailPage(rows, PageSize, r => r.Seq);
        return Page();
    }

    public string NextUrl() => "/staff/audit/admin-trail?" + QueryOf(Filter, ("after", NextAfter?.ToString(CultureInfo.InvariantCulture)));
}
