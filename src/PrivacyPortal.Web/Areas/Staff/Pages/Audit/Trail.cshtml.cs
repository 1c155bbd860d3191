using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PrivacyPortal.Infrastructure.Audit;
using PrivacyPortal.Infrastructure.Data;
using PrivacyPortal.Web.Staff;

namespace PrivacyPortal.Web.Areas.Staff.Pages.Audit;

/// <summary>The whole case trail of the audited controllers, in chain order, paged by sequence number.</summary>
public sealed class TrailModel(PortalDbContext db, StaffScopeReader scopes) : AuditPage(db, scopes)
{
    public const int PageSize = 200;

    public RequestLogFilter Filter { get; private set; } = new();

    public IReadOnlyList<TrailRow> Rows { get; private set; } = [];

    public long? NextAfter { get; private set; }

    public async Task<IActionResult> OnGetAsync(long? after)
    {
        if (await LoadScopeAsync() is { } denied)
        {
            return denied;
        }

        Filter = ReadFilter(Request.Query);
        var trail = new TrailFilter { From = Filter.From, To = Filter.To, Controller = Filter.Controller, AfterSeq = after is >= 0 ? after : null };
        var rows = await AuditTrail.Query(Db, Readable(), trail, TextView.Masked).Take(PageSize + 1).ToListAsync(HttpContext.RequestAborted);
        (Rows, NextAfter) = TrailPage(rows, PageSize, r => r.Seq);
        return Page();
    }

    public string NextUrl() => "/staff/audit/trail?" + QueryOf(Filter, ("after", NextAfter?.ToString(CultureInfo.InvariantCulture)));
}
