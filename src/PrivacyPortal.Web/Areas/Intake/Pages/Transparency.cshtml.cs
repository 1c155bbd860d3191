using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PrivacyPortal.Domain.Requests;
using PrivacyPortal.Infrastructure.Audit;
using PrivacyPortal.Infrastructure.Data;
using PrivacyPortal.Infrastructure.Letters;
using PrivacyPortal.Web.Localization;

namespace PrivacyPortal.Web.Areas.Intake.Pages;

/// <summary>
/// A controller's published transparency report for one fiscal year, public, in Japanese and English, and as PDF
/// (printed by Chromium like the letters). Only what an administrator published is shown: never live figures.
/// </summary>
public sealed class TransparencyModel(PortalDbContext db, TransparencyReports reports, ChromiumPdfPrinter printer, IStringLocalizer text) : PageModel
{
    public TransparencyReport Report { get; private set; } = null!;

    public RequestMetrics Figures { get; private set; } = null!;

    public string ControllerName { get; private set; } = string.Empty;

    public Domain.Retention.FiscalYear Year { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string controller, int year) => await LoadAsync(controller, year) ?? Page();

    public async Task<IActionResult> OnGetPdfAsync(string controller, int year)
    {
        if (await LoadAsync(controller, year) is { } missing)
        {
            return missing;
        }

        byte[] pdf;
        try
        {
            pdf = await printer.PrintAsync(Html(), HttpContext.RequestAborted);
        }
        catch (PdfPrinterUnavailableException)
        {
            return StatusCode(StatusCodes.Status503ServiceUnavailable, text["Transparency.PdfUnavailable"].Value);
        }

        return File(pdf, "application/pdf", $"transparency_{controller}_FY{year}_{Languages.Current}.pdf");
    }

    private async Task<IActionResult?> LoadAsync(string controller, int year)
    {
        if (controller is not { Length: <= 64 } || year is < 2000 or > 9000)
        {
            return NotFound();
        }

        var company = await db.DataControllers.AsNoTracking().FirstOrDefaultAsync(c => c.Id == controller, HttpContext.RequestAborted);
        if (company is null || await reports.PublishedAsync(controller, year, HttpContext.RequestAborted) is not { } published)
        {
            return NotFound();
        }

        (Report, Figures) = published;
        ControllerName = (Languages.Current == Languages.Japanese ? company.NameJa : company.NameEn) ?? company.NameJa ?? company.NameEn ?? company.Id;
        Year = await reports.FiscalYearAsync(controller, year, HttpContext.RequestAborted);
        return null;
    }

    public IReadOnlyList<(string Heading, IReadOnlyList<(string Label, long Count)> Rows)> Tables()
    {
        var language = Languages.Current;
        return
        [
            (text["Audit.Metrics.ByType"], Figures.ByType.Select(t => (RequestType.Find(t.Key)?.Name.In(language) ?? t.Key, t.Count)).ToList()),
            (text["Audit.Metrics.ByOutcome"], Figures.ByOutcome.Select(t => (text["Audit.Outcome." + t.Key].Value, t.Count)).ToList()),
            (text["Audit.Metrics.RefusalsByGround"], Figures.RefusalsByGround.Select(t => (t.Key, t.Count)).ToList()),
            (text["Audit.Metrics.ByChannel"], Figures.ByChannel.Select(t => (text["Audit.Channel." + t.Key].Value, t.Count)).ToList()),
        ];
    }

    public IReadOnlyList<(string Label, string Value)> Summary()
    {
        var inv = CultureInfo.InvariantCulture;
        string Rate(double? rate) => Web.Staff.FigureText.Rate(rate);
        string Days(double? days) => Web.Staff.FigureText.Days(days);
        var rows = new List<(string, string)>
        {
            (text["Audit.Metrics.Received"], Figures.Received.ToString("N0", inv)),
            (text["Audit.Metrics.Answered"], Figures.Answered.ToString("N0", inv)),
            (text["Audit.Metrics.Median"], Days(Figures.MedianDaysToAnswer)),
            (text["Audit.Metrics.P90"], Days(Figures.P90DaysToAnswer)),
            (text["Audit.Metrics.OnTimeTarget"], Rate(Figures.OnTimeRateAgainstTarget)),
            (text["Audit.Metrics.OnTimeArt39"], Rate(Figures.OnTimeRateAgainstArt39)),
        };
        foreach (var fee in Figures.Fees)
        {
            rows.Add(($"{text["Audit.Metrics.FeesCharged"]} ({fee.Currency})", $"{fee.RequestedCount.ToString("N0", inv)} · {fee.RequestedMinor.ToString("N0", inv)}"));
            rows.Add(($"{text["Audit.Metrics.FeesCollected"]} ({fee.Currency})", $"{fee.PaidCount.ToString("N0", inv)} · {fee.PaidMinor.ToString("N0", inv)}"));
        }

        return rows;
    }

    public string Title => text["Transparency.Title", ControllerName, Year.Name];

    public string Period => text["Transparency.Period", Year.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Figures.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Report.PublishedAtUtc.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)];

    /// <summary>The same report as a standalone document for the PDF.</summary>
    private string Html()
    {
        var e = HtmlEncoder.Default;
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<!DOCTYPE html><html lang=\"{Languages.Current}\"><head><meta charset=\"utf-8\"><title>{e.Encode(Title)}</title>");
        html.Append("<style>body{font-family:'Noto Sans CJK JP','Noto Sans JP',sans-serif;font-size:11pt;margin:20mm}table{border-collapse:collapse;margin:0 0 8mm;width:100%}th,td{border:1px solid #999;padding:2mm;text-align:left}td.n{text-align:right}</style></head><body>");
        html.Append(CultureInfo.InvariantCulture, $"<h1>{e.Encode(Title)}</h1><p>{e.Encode(Period)}</p><table>");
        foreach (var (label, value) in Summary())
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><th>{e.Encode(label)}</th><td class=\"n\">{e.Encode(value)}</td></tr>");
        }

        html.Append("</table>");
        foreach (var (heading, rows) in Tables())
        {
            html.Append(CultureInfo.InvariantCulture, $"<h2>{e.Encode(heading)}</h2><table>");
            foreach (var (label, count) in rows)
            {
                html.Append(CultureInfo.InvariantCulture, $"<tr><th>{e.Encode(label)}</th><td class=\"n\">{count.ToString("N0", CultureInfo.InvariantCulture)}</td></tr>");
            }

            html.Append("</table>");
        }

        html.Append(CultureInfo.InvariantCulture, $"<p>{e.Encode(text["Transparency.Definitions"])}</p></body></html>");
        return html.ToString();
    }
}
