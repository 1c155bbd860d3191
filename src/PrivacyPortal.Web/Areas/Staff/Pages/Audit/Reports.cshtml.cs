using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PrivacyPortal.Domain.Calendars;
using PrivacyPortal.Domain.Common;
using PrivacyPortal.Domain.Retention;
using PrivacyPortal.Infrastructure.Audit;
using PrivacyPortal.Infrastructure.Data;
using PrivacyPortal.Web.Staff;

namespace PrivacyPortal.Web.Areas.Staff.Pages.Audit;

/// <summary>
/// Yearly transparency reports per controller: auditors and administrators preview a fiscal year's figures;
/// administrators publish them at the public URL (a frozen copy, also as PDF) or withdraw them.
/// </summary>
public sealed class ReportsModel(PortalDbContext db, StaffScopeReader scopes, TransparencyReports reports, TimeProvider clock, Microsoft.Extensions.Localization.IStringLocalizer text) : AuditPage(db, scopes)
{
    public string? Controller { get; private set; }

    public FiscalYear? Year { get; private set; }

    public IReadOnlyList<int> Years { get; private set; } = [];

    public RequestMetrics? Preview { get; private set; }

    public TransparencyReport? Published { get; private set; }

    public string? Message { get; private set; }

    public bool CanPublish => Scope.IsAdministrator;

    public async Task<IActionResult> OnGetAsync(string? controller, int? year) => await LoadAsync(controller, year) ?? Page();

    public async Task<IActionResult> OnPostPublishAsync(string? controller, int year)
    {
        if (await LoadAsync(controller, year) is { } denied)
        {
            return denied;
        }

        if (!CanPublish || Controller is null)
        {
            return Forbid();
        }

        try
        {
            await reports.PublishAsync(Controller, year, Scope.Actor, HttpContext.RequestAborted);
        }
        catch (DomainException ex)
        {
            Message = Explain(text, ex);
            return Page();
        }

        return Redirect($"/staff/audit/reports?controller={Uri.EscapeDataString(Controller)}&year={year}&done=published");
    }

    public async Task<IActionResult> OnPostWithdrawAsync(string? controller, int year)
    {
        if (await LoadAsync(controller, year) is { } denied)
        {
            return denied;
        }

        if (!CanPublish || Controller is null)
        {
            return Forbid();
        }

        await reports.WithdrawAsync(Controller, year, Scope.Actor, HttpContext.RequestAborted);
        return Redirect($"/staff/audit/reports?controller={Uri.EscapeDataString(Controller)}&year={year}&done=withdrawn");
    }

    private async Task<IActionResult?> LoadAsync(string? controller, int? year)
    {
        if (await LoadScopeAsync(administratorsToo: true) is { } denied)
        {
            return denied;
        }

        Controller = Controllers.Any(c => c.Id == controller) ? controller : Controllers.Count > 0 ? Controllers[0].Id : null;
        if (Controller is null)
        {
            return null;
        }

        var today = JapanTime.Today(clock);
        var month = await reports.FiscalYearStartMonthAsync(Controller, HttpContext.RequestAborted);
        var current = FiscalYear.Containing(today, month);
        var first = await Db.Requests.Where(r => r.ControllerId == Controller && r.ReceivedOn != null).MinAsync(r => r.ReceivedOn, HttpContext.RequestAborted);
        var earliest = first is { } day ? FiscalYear.Containing(day, month).Name : current.Name;
        Years = Enumerable.Range(earliest, current.Name - earliest + 1).Reverse().ToList();
        var chosen = year is { } y && Years.Contains(y) ? y : (Years.Count > 1 ? Years[1] : current.Name);
        Year = await reports.FiscalYearAsync(Controller, chosen, HttpContext.RequestAborted);
        Preview = await reports.ComputeAsync(Controller, Year, HttpContext.RequestAborted);
        Published = (await reports.PublishedAsync(Controller, Year.Name, HttpContext.RequestAborted))?.Report;
        Message ??= Request.Query["done"].ToString() switch
        {
            "published" => text["Audit.Reports.Published"].Value,
            "withdrawn" => text["Audit.Reports.Withdrawn"].Value,
            _ => null,
        };
        return null;
    }

    public string PublicUrl => $"/transparency/{Uri.EscapeDataString(Controller ?? string.Empty)}/{Year?.Name}";
}
