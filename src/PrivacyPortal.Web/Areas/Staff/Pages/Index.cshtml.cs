using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PrivacyPortal.Domain.Calendars;
using PrivacyPortal.Domain.Requests;
using PrivacyPortal.Infrastructure.Cases;
using PrivacyPortal.Infrastructure.Data;
using PrivacyPortal.Infrastructure.Profiles;
using PrivacyPortal.Web.Localization;
using PrivacyPortal.Web.Staff;

namespace PrivacyPortal.Web.Areas.Staff.Pages;

public sealed class QueueModel(PortalDbContext db, StaffScopeReader scopes, ProfileStore profiles, TimeProvider clock) : StaffPage
{
    private Dictionary<string, string> _controllerNames = [];
    private Dictionary<string, string> _staffNames = [];

    public QueueFilter Filter { get; private set; } = new();

    public QueuePage Queue { get; private set; } = new([], null, new Dictionary<RequestStatus, int>());

    public DateOnly Today { get; private set; }

    public IReadOnlyList<(string Id, string Name)> Controllers { get; private set; } = [];

    /// <summary>The request types the member's companies accept: the only ones worth filtering by.</summary>
    public IReadOnlyList<RequestType> Types { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? controller, string? type, string? status, string? assignee, int? due, bool overdue, string? after)
    {
        if (await scopes.ReadAsync(User, HttpContext.RequestAborted) is not { } scope)
        {
            return Challenge();
        }

        if (!scope.CanReadCases)
        {
            // An administrator who reads no cases starts on the administration home, not on a refusal.
            return scope.IsAdministrator ? Redirect("/staff/admin") : Forbid();
        }

        // Unknown values in the query string are dropped, never an error page.
        Filter = new QueueFilter
        {
            Controller = controller is { Length: <= 64 } ? controller : null,
            Type = RequestType.Find(type) is not null ? type : null,
            Status = Enum.TryParse<RequestStatus>(status, out var parsed) && Enum.IsDefined(parsed) ? parsed : null,
            Assignee = assignee is { Length: <= 450 } ? assignee : null,
            DueWithinDays = due is >= 0 and <= 366 ? due : null,
            Overdue = overdue,
            After = after,
        };
        Today = JapanTime.Today(clock);
        var language = Languages.Current;
        var controllers = await db.DataControllers.AsNoTracking().ToListAsync(HttpContext.RequestAborted);
        _controllerNames = controllers.ToDictionary(c => c.Id, c => (language == Languages.Japanese ? c.NameJa : c.NameEn) ?? c.NameJa ?? c.NameEn ?? c.Id);
        Controllers = controllers.Where(c => scope.SeesController(c.Id)).Select(c => (c.Id, _controllerNames[c.Id])).ToList();
        var accepted = (await profiles.ListAsync(null, HttpContext.RequestAborted)).Where(p => scope.SeesController(p.Controller.Id))
            .SelectMany(p => p.Profile.AcceptedTypes().Select(t => t.Type.Id)).ToHashSet(StringComparer.Ordinal);
        Types = RequestType.All.Where(t => accepted.Contains(t.Id)).ToList();
        Queue = await CaseQueueQuery.ReadAsync(scope.Readable(db.Requests.AsNoTracking()), Filter, scope.UserId, Today, HttpContext.RequestAborted);
        var assignees = Queue.Rows.Select(r => r.AssignedTo).OfType<string>().Distinct().ToList();
        _staffNames = await db.Users.Where(u => assignees.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, HttpContext.RequestAborted);
        return Page();
    }

    public string ControllerName(string id) => _controllerNames.GetValueOrDefault(id, id);

    public string StaffName(string id) => _staffNames.GetValueOrDefault(id, "-");

    public string NextPageUrl(string next)
    {
        var query = Request.Query.Where(q => q.Key != "after").Select(q => $"{q.Key}={Uri.EscapeDataString(q.Value.ToString())}").Append($"after={Uri.EscapeDataString(next)}");
        return "/staff?" + string.Join("&", query);
    }
}
