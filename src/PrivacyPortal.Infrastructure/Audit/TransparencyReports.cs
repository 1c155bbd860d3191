using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PrivacyPortal.Domain.Calendars;
using PrivacyPortal.Domain.Common;
using PrivacyPortal.Domain.Retention;
using PrivacyPortal.Infrastructure.Data;
using PrivacyPortal.Infrastructure.Profiles;
using PrivacyPortal.Infrastructure.Staff;

namespace PrivacyPortal.Infrastructure.Audit;

/// <summary>
/// A controller's yearly transparency report: the metrics of the requests received in one fiscal year (the year
/// starts in the month the controller's profile sets, April by default), previewed live, then published by an
/// administrator as a frozen copy at a public URL. Publishing again replaces the public copy; each is on the trail.
/// </summary>
public sealed class TransparencyReports(PortalDbContext db, ProfileStore profiles, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<int> FiscalYearStartMonthAsync(string controllerId, CancellationToken cancellationToken)
    {
        var policy = await db.Policies.AsNoTracking().Where(p => p.DataControllerId == controllerId).OrderBy(p => p.Id).Select(p => p.Id).FirstOrDefaultAsync(cancellationToken);
        var profile = policy is null ? null : await profiles.FindAsync(policy, cancellationToken);
        return profile?.Profile.Retention.FiscalYearStartMonth ?? 4;
    }

    public async Task<FiscalYear> FiscalYearAsync(string controllerId, int name, CancellationToken cancellationToken)
    {
        var month = await FiscalYearStartMonthAsync(controllerId, cancellationToken);
        return FiscalYear.Containing(new DateOnly(Math.Clamp(name, 2000, 9000), month, 1), month);
    }

    /// <summary>The year's figures as they stand now (a year still running counts up to today).</summary>
    public async Task<RequestMetrics> ComputeAsync(string controllerId, FiscalYear year, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(year);
        var today = JapanTime.Today(clock);
        return await RequestMetrics.ComputeAsync(RequestLog.Received(db.Requests.AsNoTracking()), year.Start, year.End < today ? year.End : today, controllerId, today, cancellationToken);
    }

    public async Task<TransparencyReport> PublishAsync(string controllerId, int fiscalYear, string actor, CancellationToken cancellationToken)
    {
        if (!await db.DataControllers.AnyAsync(c => c.Id == controllerId, cancellationToken))
        {
            throw new DomainException("report.controller", "No such company.");
        }

        var year = await FiscalYearAsync(controllerId, fiscalYear, cancellationToken);
        if (year.Start > JapanTime.Today(clock))
        {
            throw new DomainException("report.future", "This fiscal year has not started yet.");
        }

        var metrics = await ComputeAsync(controllerId, year, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var earlier in await db.TransparencyReports.Where(r => r.ControllerId == controllerId && r.FiscalYear == year.Name && r.WithdrawnAtUtc == null).ToListAsync(cancellationToken))
        {
            earlier.WithdrawnAtUtc = now;
        }

        var report = new TransparencyReport { ControllerId = controllerId, FiscalYear = year.Name, PublishedAtUtc = now, PublishedBy = actor, Figures = JsonSerializer.Serialize(metrics, Json) };
        db.TransparencyReports.Add(report);
        db.AdminAuditEvents.Add(new AdminAuditEvent { AtUtc = now, Actor = actor, Action = "transparency-report-published", Subject = $"{controllerId} FY{year.Name}", Detail = $"received={metrics.Received}; answered={metrics.Answered}" });
        await db.SaveChangesAsync(cancellationToken);
        return report;
    }

    public async Task<bool> WithdrawAsync(string controllerId, int fiscalYear, string actor, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var published = await db.TransparencyReports.Where(r => r.ControllerId == controllerId && r.FiscalYear == fiscalYear && r.WithdrawnAtUtc == null).ToListAsync(cancellationToken);
        if (published.Count == 0)
        {
            return false;
        }

        published.ForEach(r => r.WithdrawnAtUtc = now);
        db.AdminAuditEvents.Add(new AdminAuditEvent { AtUtc = now, Actor = actor, Action = "transparency-report-withdrawn", Subject = $"{controllerId} FY{fiscalYear}" });
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>The public copy, if one is published.</summary>
    public async Task<(TransparencyReport Report, RequestMetrics Figures)?> PublishedAsync(string controllerId, int fiscalYear, CancellationToken cancellationToken)
    {
        var report = await db.TransparencyReports.AsNoTracking()
            .Where(r => r.ControllerId == controllerId && r.FiscalYear == fiscalYear && r.WithdrawnAtUtc == null)
            .OrderByDescending(r => r.PublishedAtUtc).FirstOrDefaultAsync(cancellationToken);
        return report is null ? null : (report, JsonSerializer.Deserialize<RequestMetrics>(report.Figures, Json)!);
    }
}
