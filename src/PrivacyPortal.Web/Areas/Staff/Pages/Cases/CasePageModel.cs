using System.Globalization;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PrivacyPortal.Domain.Calendars;
using PrivacyPortal.Domain.Controllers;
using PrivacyPortal.Domain.Deadlines;
using PrivacyPortal.Domain.Fees;
using PrivacyPortal.Domain.Requests;
using PrivacyPortal.Infrastructure.Data;
using PrivacyPortal.Infrastructure.Profiles;
using PrivacyPortal.Infrastructure.Staff;
using PrivacyPortal.Web.Staff;

namespace PrivacyPortal.Web.Areas.Staff.Pages.Cases;

/// <summary>
/// What the case page and every action page share: the case as this member may read it, with the profile version it
/// was filed under and what the page shows of it. The case page and the action pages render the same view.
/// </summary>
public abstract class CasePageModel(PortalDbContext db, StaffScopeReader scopes, ProfileStore profiles, TimeProvider clock) : StaffPage
{
    /// <summary>How many timeline entries one page of the case shows, newest page first.</summary>
    public const int TimelinePageSize = 100;

    /// <summary>The tracked request the page model acts on; views read <see cref="View"/>.</summary>
    protected PrivacyRequest Case { get; private set; } = null!;

    /// <summary>What the page shows of the request: values only.</summary>
    public CaseView View { get; private set; } = null!;

    /// <summary>One page of the case's audit trail, oldest first, and whether older entries exist.</summary>
    public IReadOnlyList<Domain.Audit.AuditEvent> TimelineEvents { get; private set; } = [];

    /// <summary>The page of the timeline shown (0 = the newest entries).</summary>
    public int TimelinePage { get; private set; }

    public bool TimelineHasOlder { get; private set; }

    public ProcedureProfile Profile { get; private set; } = null!;

    public StaffScope Scope { get; private set; } = null!;

    public IReadOnlyList<Deadline> Deadlines { get; private set; } = [];

    public FeeQuote Quote { get; private set; } = FeeQuote.None;

    /// <summary>Every ground the request's decision can show, retired ones included.</summary>
    public IReadOnlyList<DecisionGround> CitedGrounds { get; private set; } = [];

    /// <summary>
    /// GDPR Art. 12(4): past the first month a decision not to act can no longer be notified; the end of that month
    /// when it has passed on an open GDPR request, else null.
    /// </summary>
    public DateOnly? LateForGdprRefusal { get; private set; }

    public IReadOnlyList<(string Id, string Name)> Officers { get; private set; } = [];

    public bool CanWork { get; private set; }

    public bool ContactRevealed { get; protected set; }

    public string? Error { get; private set; }

    public string? Done { get; protected set; }

    public DateOnly Today { get; private set; }

    /// <summary>What this member may do on the case now: the aggregate's available actions, none when read-only.</summary>
    public IReadOnlySet<CaseAction> Actions { get; private set; } = new HashSet<CaseAction>();

    public bool Can(CaseAction action) => Actions.Contains(action);

    public DeadlineRules Rules => DeadlineRules.For(Profile);

    protected PortalDbContext Db => db;

    protected TimeProvider Clock => clock;

    public static string Mask(string? value) => value switch
    {
        null or "" => "-",
        { Length: <= 2 } => new string('•', value.Length),
        _ when value.Contains('@', StringComparison.Ordinal) => value[0] + "•••" + value[value.IndexOf('@', StringComparison.Ordinal)..],
        _ => value[..2] + new string('•', Math.Min(8, value.Length - 2)),
    };

    /// <summary>Shows why nothing was saved, with the case as it is saved.</summary>
    public void ShowError(string message, int status)
    {
        Error = message;
        Response.StatusCode = status;
    }

    /// <summary>Nothing half-done is kept: the tracked request is dropped and read again as saved.</summary>
    public async Task ReloadAsync(Guid id)
    {
        db.ChangeTracker.Clear();
        await LoadAsync(id);
    }

    /// <summary>
    /// Loads the case if this member may read it. Another controller's case answers 404, exactly as a case that does
    /// not exist, so no URL tells whether it does.
    /// </summary>
    protected async Task<IActionResult?> LoadAsync(Guid id, bool withTimeline = true)
    {
        if (await scopes.ReadAsync(User, HttpContext.RequestAborted) is not { } scope)
        {
            return Challenge();
        }

        Scope = scope;
        if (!scope.CanReadCases)
        {
            return Forbid();
        }

        var request = await scope.Readable(db.Requests)
            .Include(r => r.Items).Include(r => r.Documents).Include(r => r.Notes).Include(r => r.Letters).Include(r => r.DisclosedFiles)
            .AsSplitQuery()
            .FirstOrDefaultAsync(r => r.Id == id, HttpContext.RequestAborted);
        if (request is null || await profiles.FindVersionAsync(request.PolicyId, request.ProfileVersion, HttpContext.RequestAborted) is not { } profile)
        {
            return NotFound();
        }

        Case = request;
        Profile = profile.Profile;
        View = CaseView.Of(request, Profile);
        CanWork = scope.CanWork(request);
        Today = JapanTime.Today(clock);
        Deadlines = request.Deadlines(Rules, Today);
        Quote = FeeQuote.For(Profile, request.Items.Select(i => i.TypeId));
        CitedGrounds = DecisionGround.Cited(Profile, request.Items.Select(i => i.TypeId));
        Actions = CanWork ? request.AvailableActions(Profile, Rules, clock.GetUtcNow().UtcDateTime) : new HashSet<CaseAction>();
        LateForGdprRefusal = request.IsOpen && Deadlines.FirstOrDefault(d => d.Regime == Regime.Gdpr)?.Find(DeadlineKind.ExtensionNoticeBy) is { } firstMonth && Today > firstMonth.Date
            ? firstMonth.Date
            : null;
        // The officers of this case's controller: who it can be assigned to.
        var officers = await (
            from assignment in db.StaffAssignments
            where assignment.ControllerId == request.ControllerId
            join userRole in db.UserRoles on assignment.UserId equals userRole.UserId
            join role in db.Roles on userRole.RoleId equals role.Id
            where role.Name == StaffRoles.PrivacyOfficer
            join user in db.Users on assignment.UserId equals user.Id
            select new { user.Id, user.DisplayName }).ToListAsync(HttpContext.RequestAborted);
        Officers = officers.Select(o => (o.Id, o.DisplayName)).OrderBy(o => o.DisplayName, StringComparer.Ordinal).ToList();
        if (withTimeline)
        {
            await LoadTimelineAsync();
        }

        return null;
    }

    /// <summary>
    /// One page of the audit trail, newest page first: a case with years of views opens as fast as a new one. The
    /// events are read untracked; the aggregate never needs them (it only appends).
    /// </summary>
    protected async Task LoadTimelineAsync()
    {
        var id = Case.Id;
        TimelinePage = Request.Query.TryGetValue("trail", out var trail) && int.TryParse(trail, NumberStyles.None, CultureInfo.InvariantCulture, out var page)
            ? Math.Min(page, 100_000)
            : 0;
        var newestFirst = await db.AuditEvents.AsNoTracking()
            .Where(e => e.RequestId == id)
            .OrderByDescending(e => e.Seq)
            .Skip(TimelinePage * TimelinePageSize)
            .Take(TimelinePageSize + 1)
            .ToListAsync(HttpContext.RequestAborted);
        TimelineHasOlder = newestFirst.Count > TimelinePageSize;
        TimelineEvents = newestFirst.Take(TimelinePageSize).Reverse().ToList();
    }
}
