using Microsoft.AspNetCore.Mvc;
using PrivacyPortal.Domain.Calendars;
using PrivacyPortal.Infrastructure.Audit;
using PrivacyPortal.Infrastructure.Data;
using PrivacyPortal.Web.Staff;

namespace PrivacyPortal.Web.Areas.Staff.Pages.Audit;

/// <summary>The request log: every received request of the audited controllers, filtered, in order of receipt.</summary>
public sealed class RequestLogModel(PortalDbContext db, StaffScopeReader scopes, TimeProvider clock) : AuditPage(db, scopes)
{
    public const int PageSize = 100;

    public RequestLogFilter Filter { get; private set; } = new();

    public IReadOnlyList<RequestLogRow> Rows { get; private set; } = [];

    public bool More { get; private set; }

    public int Skipped { get; private set; }

    public async Task<IActionResult> OnGetAsync(int skip)
    {
        if (await LoadScopeAsync() is { } denied)
        {
            return denied;
        }

        Filter = ReadFilter(Request.Query);
        // The log is read as a stream in order of receipt; a page is a window on it (auditors read, they do not
        // page through millions: the export gives them every row).
        Skipped = Math.Clamp(skip, 0, 100_000);
        var rows = new List<RequestLogRow>(PageSize + 1);
        var index = 0;
        await foreach (var row in RequestLog.StreamAsync(Readable(), Filter, JapanTime.Today(clock), HttpContext.RequestAborted))
        {
            if (index++ < Skipped)
            {
                continue;
            }

            rows.Add(row);
            if (rows.Count > PageSize)
            {
                break;
            }
        }

        More = rows.Count > PageSize;
        Rows = rows.Take(PageSize).ToList();
        return Page();
    }
}
