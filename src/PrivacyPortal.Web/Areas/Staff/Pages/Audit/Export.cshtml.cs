using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using PrivacyPortal.Infrastructure.Audit;
using PrivacyPortal.Infrastructure.Data;
using PrivacyPortal.Web.Staff;

namespace PrivacyPortal.Web.Areas.Staff.Pages.Audit;

/// <summary>
/// Downloads: the request log, the case trail, the administration trail (filtered exactly like their pages) or one
/// case's record, as CSV or JSON Lines, streamed from the database as it is read. Each is recorded on the
/// administration trail with its filter and the number of rows it let out.
/// </summary>
public sealed class ExportModel(PortalDbContext db, StaffScopeReader scopes, AuditExports exports) : AuditPage(db, scopes)
{
    public async Task<IActionResult> OnGetAsync(string? kind, string? format, Guid? caseId)
    {
        if (await LoadScopeAsync() is { } denied)
        {
            return denied;
        }

        if (!ExportWriter.TryParse(format, out var chosen))
        {
            return BadRequest();
        }

        var filter = ReadFilter(Request.Query);
        if (kind == "case")
        {
            var request = caseId is { } id ? await Readable().FirstOrDefaultAsync(r => r.Id == id, HttpContext.RequestAborted) : null;
            if (request is null)
            {
                return NotFound();
            }

            Start(chosen, $"case_{request.Reference}.{ExportWriter.Extension(chosen)}");
            await exports.ExportCaseAsync(request, chosen, Response.Body, Readable(), Scope.Actor, HttpContext.RequestAborted);
            return new EmptyResult();
        }

        ExportKind? what = kind switch
        {
            "requests" => ExportKind.Requests,
            "audit" => ExportKind.Audit,
            "admin-audit" => ExportKind.AdminAudit,
            _ => null,
        };
        if (what is not { } exportKind)
        {
            return BadRequest();
        }

        if (exportKind == ExportKind.AdminAudit && !Scope.AuditsEveryController)
        {
            // The administration trail spans every controller: only an auditor of all of them reads it.
            return Forbid();
        }

        Start(chosen, AuditExports.FileName(exportKind, filter, chosen));
        await exports.ExportAsync(exportKind, filter, chosen, Response.Body, Readable(), Scope.Actor, null, HttpContext.RequestAborted);
        return new EmptyResult();
    }

    private void Start(ExportFormat format, string fileName)
    {
        Response.ContentType = ExportWriter.ContentType(format);
        Response.Headers[HeaderNames.ContentDisposition] = new ContentDispositionHeaderValue("attachment") { FileNameStar = fileName, FileName = fileName }.ToString();
        Response.Headers.CacheControl = "no-store";
        // The first rows go out as soon as they are read, not when the whole file is ready.
        HttpContext.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpResponseBodyFeature>()?.DisableBuffering();
    }
}
