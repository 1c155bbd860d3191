using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PrivacyPortal.Domain.Requests;
using PrivacyPortal.Infrastructure.Audit;
using PrivacyPortal.Infrastructure.Data;
using PrivacyPortal.Web.Localization;
using PrivacyPortal.Web.Staff;

namespace PrivacyPortal.Web.Areas.Staff.Pages.Audit;

/// <summary>
/// What the auditor's pages share: the reader's scope (the controllers they audit), controller names, and the
/// filter read from the query string the same way for the page and its exports (unknown values are dropped).
/// Nothing under /staff/audit changes a case: the pages read, and record who read.
/// </summary>
public abstract class AuditPage(PortalDbContext db, StaffScopeReader scopes) : StaffPage
{
    private Dictionary<string, string> _names = [];

    public StaffScope Scope { get; private set; } = null!;

    public IReadOnlyList<(string Id, string Name)> Controllers { get; private set; } = [];

    protected PortalDbContext Db => db;

    /// <summary>Null when the reader may continue; else the result to return (challenge, 403).</summary>
    protected async Task<Microsoft.AspNetCore.Mvc.IActionResult?> LoadScopeAsync(bool administratorsToo = false)
    {
        if (await scopes.ReadAsync(User, HttpContext.RequestAborted) is not { } scope)
        {
            return Challenge();
        }

        if (!scope.IsAuditor && !(administratorsToo && scope.IsAdministrator))
        {
            return Forbid();
        }

        Scope = scope;
        var language = Languages.Current;
        var controllers = await db.DataControllers.AsNoTracking().OrderBy(c => c.Id).ToListAsync(HttpContext.RequestAborted);
        _names = controllers.ToDictionary(c => c.Id, c => (language == Languages.Japanese ? c.NameJa : c.NameEn) ?? c.NameJa ?? c.NameEn ?? c.Id);
        Controllers = controllers.Where(c => AuditsEverything || scope.SeesController(c.Id)).Select(c => (c.Id, _names[c.Id])).ToList();
        return null;
    }

    /// <summary>An administrator reading metrics sees every controller, as an unlimited auditor does.</summary>
    private bool AuditsEverything => Scope.AuditsEveryController || (Scope.IsAdministrator && !Scope.IsAuditor);

    /// <summary>The requests this reader may audit.</summary>
    protected IQueryable<PrivacyRequest> Readable()
    {
        var requests = db.Requests.AsNoTracking();
        if (AuditsEverything)
        {
            return RequestLog.Received(requests);
        }

        return Scope.Readable(requests);
    }

    public string ControllerName(string id) => _names.GetValueOrDefault(id, id);

    /// <summary>A page of a trail read one row too many: the rows to show, and the sequence number to go on after.</summary>
    protected static (IReadOnlyList<T> Rows, long? NextAfter) TrailPage<T>(List<T> rows, int size, Func<T, long> seq)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(seq);
        return rows.Count > size ? (rows.Take(size).ToList(), seq(rows[size - 1])) : (rows, null);
    }

    /// <summary>The filter of the query string; a controller the reader does not audit is dropped like any unknown value.</summary>
    protected RequestLogFilter ReadFilter(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        string? Text(string key) => query[key].Count == 1 && query[key][0] is { Length: > 0 and <= 64 } value ? value : null;
        DateOnly? Day(string key) => DateOnly.TryParseExact(Text(key), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
        T? Choice<T>(string key)
            where T : struct, Enum => Enum.TryParse<T>(Text(key), ignoreCase: false, out var value) && Enum.IsDefined(value) ? value : null;
        var controller = Text("controller");
        return new RequestLogFilter
        {
            From = Day("from"),
            To = Day("to"),
            Controller = controller is not null && Controllers.Any(c => c.Id == controller) ? controller : null,
            Type = RequestType.Find(Text("type")) is not null ? Text("type") : null,
            Status = Choice<RequestStatus>("status"),
            Outcome = Choice<DecisionOutcome>("outcome"),
            Ground = Text("ground") is { } ground && ground.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '(' or ')' or '_') ? ground : null,
            Overdue = Text("overdue") == "true",
            Channel = Choice<RequestChannel>("channel"),
        };
    }

    /// <summary>The query string of a filter, for links (next page, exports) that keep it.</summary>
    public static string QueryOf(RequestLogFilter filter, params (string Key, string? Value)[] extra)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var pairs = new List<(string, string?)>
        {
            ("from", filter.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            ("to", filter.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            ("controller", filter.Controller),
            ("type", filter.Type),
            ("status", filter.Status?.ToString()),
            ("outcome", filter.Outcome?.ToString()),
            ("ground", filter.Ground),
            ("overdue", filter.Overdue ? "true" : null),
            ("channel", filter.Channel?.ToString()),
        };
        pairs.AddRange(extra);
        return string.Join("&", pairs.Where(p => p.Item2 is not null).Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2!)}"));
    }
}
