using PrivacyPortal.Domain.Calendars;
using PrivacyPortal.Domain.Requests;
using PrivacyPortal.Infrastructure.Data;
using PrivacyPortal.Infrastructure.Staff;

namespace PrivacyPortal.Infrastructure.Audit;

/// <summary>What can be exported.</summary>
public enum ExportKind
{
    Requests,
    Audit,
    AdminAudit,
}

/// <summary>
/// The exports of the request log and the trails, for the auditor area and `portal export`: streamed straight from
/// the database to the destination, and recorded on the administration trail with their filter and row count once
/// written (or cut off, with the rows written so far).
/// </summary>
public sealed class AuditExports(PortalDbContext db, TimeProvider clock)
{
    public static string FileName(ExportKind kind, RequestLogFilter filter, ExportFormat format)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var what = kind switch
        {
            ExportKind.Requests => "requests",
            ExportKind.Audit => "audit-trail",
            ExportKind.AdminAudit => "admin-trail",
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        return $"{filter.FileStem(what)}.{ExportWriter.Extension(format)}";
    }

    /// <summary>
    /// Exports the request log (every filter applies) or a trail (the period and controller apply) of what
    /// <paramref name="readable"/> lets the reader see; returns the number of rows written.
    /// </summary>
    public async Task<long> ExportAsync(
        ExportKind kind, RequestLogFilter filter, ExportFormat format, Stream destination, IQueryable<PrivacyRequest> readable, string actor,
        Action<long>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var trail = new TrailFilter { From = filter.From, To = filter.To, Controller = filter.Controller };
        long rows = 0;
        void Counted(long n)
        {
            rows = n;
            progress?.Invoke(n);
        }

        var completed = false;
        try
        {
            rows = kind switch
            {
                ExportKind.Requests => await ExportWriter.WriteAsync(destination, format, RequestLogRow.Columns, RequestLog.StreamAsync(readable, filter, JapanTime.Today(clock), cancellationToken), r => r.Cells(), Counted, cancellationToken),
                ExportKind.Audit => await ExportWriter.WriteAsync(destination, format, TrailRow.Columns, AuditTrail.StreamAsync(db, readable, trail, TextView.Masked, cancellationToken), r => r.Cells(), Counted, cancellationToken),
                ExportKind.AdminAudit => await ExportWriter.WriteAsync(destination, format, AdminTrailRow.Columns, AuditTrail.AdminQuery(db, trail).AsAsyncEnumerableRows(), r => r.Cells(), Counted, cancellationToken),
                _ => throw new ArgumentOutOfRangeException(nameof(kind)),
            };
            completed = true;
            return rows;
        }
        finally
        {
            // Recorded whatever happened: an export cut off still let some rows out.
            await RecordAsync(actor, completed ? "exported" : "export-cut-off", FileName(kind, filter, format), $"{ExportWriter.Extension(format)}; {(kind == ExportKind.Requests ? filter.Describe() : trail.Describe())}; rows={rows}");
        }
    }

    /// <summary>One case's full coded record: its log row, then its events (personal text masked), as JSON Lines or CSV.</summary>
    public async Task<long> ExportCaseAsync(PrivacyRequest request, ExportFormat format, Stream destination, IQueryable<PrivacyRequest> readable, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var rows = 0L;
        var completed = false;
        try
        {
            var today = JapanTime.Today(clock);
            var logRow = await RequestLog.StreamAsync(readable.Where(r => r.Id == request.Id), new RequestLogFilter(), today, cancellationToken).FirstAsync(cancellationToken);
            var events = AuditTrail.StreamAsync(db, readable, new TrailFilter { RequestId = request.Id }, TextView.Masked, cancellationToken);
            // The event's columns are prefixed: the request row has a reference and a controller of its own.
            string[] columns = ["record", .. RequestLogRow.Columns, .. TrailRow.Columns.Select(c => "event_" + c)];
            var blankLog = new string?[RequestLogRow.Columns.Length];
            var blankEvent = new string?[TrailRow.Columns.Length];
            rows = await ExportWriter.WriteAsync(destination, format, columns, Prepend(logRow, events), row => row switch
            {
                RequestLogRow r => ["request", .. r.Cells(), .. blankEvent],
                TrailRow e => ["event", .. blankLog, .. e.Cells()],
                _ => throw new InvalidOperationException(),
            }, null, cancellationToken);
            completed = true;
            return rows;
        }
        finally
        {
            await RecordAsync(actor, completed ? "exported" : "export-cut-off", $"case_{request.Reference}.{ExportWriter.Extension(format)}", $"{ExportWriter.Extension(format)}; case {request.Reference}; rows={rows}");
        }
    }

    private static async IAsyncEnumerable<object> Prepend(RequestLogRow first, IAsyncEnumerable<TrailRow> rest)
    {
        yield return first;
        await foreach (var row in rest)
        {
            yield return row;
        }
    }

    /// <summary>An export of figures (a chart's CSV): on the trail like the others.</summary>
    public async Task RecordAsync(string actor, string action, string subject, string detail)
    {
        db.ChangeTracker.Clear();
        db.AdminAuditEvents.Add(new AdminAuditEvent { AtUtc = clock.GetUtcNow().UtcDateTime, Actor = actor, Action = action, Subject = subject, Detail = detail });
        await db.SaveChangesAsync(CancellationToken.None);
    }
}

internal static class QueryableRows
{
    public static IAsyncEnumerable<T> AsAsyncEnumerableRows<T>(this IQueryable<T> query) =>
        Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AsAsyncEnumerable(query);
}
