using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Net.Http.Headers;
using PrivacyPortal.Domain.Calendars;
using PrivacyPortal.Domain.Requests;
using PrivacyPortal.Domain.Retention;
using PrivacyPortal.Infrastructure.Audit;
using PrivacyPortal.Infrastructure.Data;
using PrivacyPortal.Web.Localization;
using PrivacyPortal.Web.Staff;

namespace PrivacyPortal.Web.Areas.Staff.Pages.Audit;

/// <summary>
/// The figures of a period (default: this fiscal year so far) for auditors and administrators: charts drawn on the
/// server, each with its numbers in a table and as CSV.
/// </summary>
public sealed class MetricsModel(PortalDbContext db, StaffScopeReader scopes, TimeProvider clock, AuditExports exports, IStringLocalizer text) : AuditPage(db, scopes)
{
    public RequestLogFilter Filter { get; private set; } = new();

    public RequestMetrics Metrics { get; private set; } = new();

    /// <summary>The charts of the page, by id: (title, bars).</summary>
    public IReadOnlyList<(string Id, string Title, IReadOnlyList<(string Label, long Value)> Bars)> Charts { get; private set; } = [];

    /// <summary>Over time: per dimension, a month by value table (months as rows).</summary>
    public IReadOnlyList<(string Id, string Title, IReadOnlyList<string> Months, IReadOnlyList<(string Key, string Label)> Columns, IReadOnlyDictionary<string, long> Cells)> OverTime { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ?? Page();

    /// <summary>One chart's numbers as CSV (label, count).</summary>
    public async Task<IActionResult> OnGetCsvAsync(string? chart)
    {
        if (await LoadAsync() is { } denied)
        {
            return denied;
        }

        if (Charts.FirstOrDefault(c => c.Id == chart) is not { Id: not null } found)
        {
            return NotFound();
        }

        var name = $"{Filter.FileStem("metrics-" + found.Id)}.csv";
        Response.Headers[HeaderNames.ContentDisposition] = new ContentDispositionHeaderValue("attachment") { FileNameStar = name, FileName = name }.ToString();
        Response.ContentType = ExportWriter.ContentType(ExportFormat.Csv);
        var rows = await ExportWriter.WriteAsync(Response.Body, ExportFormat.Csv, ["label", "count"], found.Bars.ToAsyncEnumerable(), b => [b.Label, b.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)], null, HttpContext.RequestAborted);
        await exports.RecordAsync(Scope.Actor, "exported", name, $"csv; metrics {found.Id}; {Filter.Describe()}; rows={rows}");
        return new EmptyResult();
    }

    /// <summary>The longest period the figures cover, in years.</summary>
    public const int MaxYears = 10;

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private async Task<IActionResult?> LoadAsync()
    {
        if (await LoadScopeAsync(administratorsToo: true) is { } denied)
        {
            return denied;
        }

        var today = JapanTime.Today(clock);
        var read = ReadFilter(Request.Query);
        var year = FiscalYear.Containing(today, 4);
        // The figures end today at the latest (nothing later has happened) and reach back at most MaxYears: a period
        // of centuries would walk every month in it to draw nothing, and year 9999's last month has no next one.
        var to = Min(read.To ?? today, today);
        var from = Min(read.From ?? year.Start, to);
        var earliest = to.Year > MaxYears ? to.AddYears(-MaxYears) : DateOnly.MinValue;
        Filter = read with { From = from < earliest ? earliest : from, To = to };

        Metrics = await RequestMetrics.ComputeAsync(Readable(), Filter.From!.Value, Filter.To!.Value, Filter.Controller, today, HttpContext.RequestAborted);
        var language = Languages.Current;
        Charts =
        [
            ("by-month", text["Audit.Metrics.ByMonth"], Metrics.ByMonth.Select(t => (t.Key, t.Count)).ToList()),
            ("by-type", text["Audit.Metrics.ByType"], Metrics.ByType.Select(t => (RequestType.Find(t.Key)?.Name.In(language) ?? t.Key, t.Count)).ToList()),
            ("by-status", text["Audit.Metrics.ByStatus"], Metrics.ByStatus.Select(t => (text["Staff.Status." + t.Key].Value, t.Count)).ToList()),
            ("by-channel", text["Audit.Metrics.ByChannel"], Metrics.ByChannel.Select(t => (text["Audit.Channel." + t.Key].Value, t.Count)).ToList()),
            ("by-controller", text["Audit.Metrics.ByController"], Metrics.ByController.Select(t => (ControllerName(t.Key), t.Count)).ToList()),
            ("refusals-by-ground", text["Audit.Metrics.RefusalsByGround"], Metrics.RefusalsByGround.Select(t => (t.Key, t.Count)).ToList()),
        ];
        string LabelOf(string dimension, string key) => dimension switch
        {
            RequestMetrics.ByControllerDimension => ControllerName(key),
            RequestMetrics.ByTypeDimension => RequestType.Find(key)?.Name.In(language) ?? key,
            RequestMetrics.ByChannelDimension => text["Audit.Channel." + key].Value,
            _ => text["Staff.Status." + key].Value,
        };
        var months = Metrics.ByMonth.Select(m => m.Key).ToList();
        OverTime = Metrics.Monthly.Select(pair =>
        {
            var cells = pair.Value.ToDictionary(t => t.Key, t => t.Count, StringComparer.Ordinal);
            var columns = pair.Value.Select(t => t.Key.Split('|', 2)[1]).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(k => (k, LabelOf(pair.Key, k))).ToList();
            return ("monthly-" + pair.Key, text["Audit.Metrics.Monthly." + pair.Key].Value, (IReadOnlyList<string>)months, (IReadOnlyList<(string, string)>)columns, (IReadOnlyDictionary<string, long>)cells);
        }).ToList();

        // The tables over time export like the charts: one CSV row per month and value.
        Charts = [.. Charts, .. OverTime.Select(t => (t.Id, t.Title, (IReadOnlyList<(string, long)>)t.Months.SelectMany(m => t.Columns.Select(c => ($"{m} {c.Label}", t.Cells.GetValueOrDefault(m + "|" + c.Key)))).ToList()))];
        return null;
    }

    public string CsvUrl(string chart) => "/staff/audit/metrics?" + QueryOf(Filter, ("handler", "Csv"), ("chart", chart));
}
