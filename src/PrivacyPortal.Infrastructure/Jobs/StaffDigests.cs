using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PrivacyPortal.Domain.Calendars;
using PrivacyPortal.Domain.Texts;
using PrivacyPortal.Infrastructure.Cases;
using PrivacyPortal.Infrastructure.Data;
using PrivacyPortal.Infrastructure.Hosting;
using PrivacyPortal.Infrastructure.Notices;
using PrivacyPortal.Infrastructure.Staff;

namespace PrivacyPortal.Infrastructure.Jobs;

/// <summary>
/// Once a day (Tokyo date) each officer gets a digest of their controllers' open cases due within 3 days or overdue;
/// each overdue case is escalated once to the administrators assigned to its controller (or every administrator
/// when none is). Keys make both idempotent: running the job again the same day writes nothing new.
/// </summary>
public sealed class StaffDigests(PortalDbContext db, TimeProvider clock, IOptions<PortalOptions> portal, IPortalPaths paths, IOptions<WorkerOptions> worker) : IPortalJob
{
    public const int DueSoonDays = 3;

    public string Name => "digests";

    public bool RunsAlone => true;

    public TimeSpan Cadence => worker.Value.DailyJobsCadence;

    async Task<bool> IPortalJob.RunOnceAsync(CancellationToken cancellationToken)
    {
        await RunOnceAsync(cancellationToken);
        return false;
    }

    public async Task<(int Digests, int Escalations)> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = JapanTime.DateOf(clock.GetUtcNow());
        var horizon = today.AddDays(DueSoonDays);
        var day = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var staff = await StaffAsync(cancellationToken);
        var open = CaseQueueQuery.OpenStatuses;
        var cases = await db.Requests.AsNoTracking()
            .Where(r => open.Contains(r.Status) && r.DueOn != null && r.DueOn <= horizon)
            .OrderBy(r => r.DueOn).ThenBy(r => r.Reference)
            .Select(r => new DueCase(r.Id, r.Reference!, r.ControllerId, r.DueOn!.Value))
            .ToListAsync(cancellationToken);

        // Only the keys this run could write are looked up, not the whole (growing) outbox.
        var candidates = staff.Select(s => DigestKey(s.Id, day))
            .Concat(cases.Where(c => c.DueOn < today).SelectMany(c => staff.Where(s => s.IsAdministrator).Select(s => EscalationKey(c, s.Id))))
            .ToList();
        var existing = (await db.StaffMessages.Where(m => candidates.Contains(m.Key)).Select(m => m.Key).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);

        var digests = 0;
        foreach (var officer in staff.Where(s => s.IsOfficer))
        {
            var key = DigestKey(officer.Id, day);
            var theirs = cases.Where(c => officer.Controllers.Contains(c.ControllerId)).ToList();
            if (theirs.Count == 0 || existing.Contains(key))
            {
                continue;
            }

            db.StaffMessages.Add(new StaffMessage(key, officer.Email, officer.Language, DigestSubject(officer.Language, theirs, today), DigestBody(officer.Language, theirs, today), now));
            digests++;
        }

        var escalations = 0;
        foreach (var overdue in cases.Where(c => c.DueOn < today))
        {
            var admins = staff.Where(s => s.IsAdministrator && s.Controllers.Contains(overdue.ControllerId)).ToList();
            foreach (var admin in admins.Count > 0 ? admins : staff.Where(s => s.IsAdministrator).ToList())
            {
                var key = EscalationKey(overdue, admin.Id);
                if (existing.Add(key))
                {
                    db.StaffMessages.Add(new StaffMessage(key, admin.Email, admin.Language, EscalationSubject(admin.Language, overdue), EscalationBody(admin.Language, overdue, today), now));
                    escalations++;
                }
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return (digests, escalations);
    }

    private static string DigestKey(string userId, string day) => $"digest:{userId}:{day}";

    private static string EscalationKey(DueCase overdue, string adminId) => $"escalation:{overdue.Id:N}:{overdue.DueOn:yyyy-MM-dd}:{adminId}";

    private sealed record DueCase(Guid Id, string Reference, string ControllerId, DateOnly DueOn);

    private sealed record Member(string Id, string Email, string Language, bool IsOfficer, bool IsAdministrator, HashSet<string> Controllers);

    private async Task<List<Member>> StaffAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var users = await db.Users.AsNoTracking().Where(u => u.Email != null).ToListAsync(cancellationToken);
        var roles = await db.UserRoles.Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name }).ToListAsync(cancellationToken);
        var assignments = await db.StaffAssignments.AsNoTracking().ToListAsync(cancellationToken);
        return users
            .Where(u => u.LockoutEnd is null || u.LockoutEnd <= now)
            .Select(u => new Member(
                u.Id, u.Email!, u.Language,
                roles.Any(r => r.UserId == u.Id && r.Name == StaffRoles.PrivacyOfficer),
                roles.Any(r => r.UserId == u.Id && r.Name == StaffRoles.Administrator),
                assignments.Where(a => a.UserId == u.Id).Select(a => a.ControllerId).ToHashSet(StringComparer.Ordinal)))
            .ToList();
    }

    private string Link(DueCase c) => portal.Value.JobsBaseUrl + paths.StaffCase(c.Id);

    private static string D(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string DigestSubject(string language, List<DueCase> cases, DateOnly today)
    {
        var overdue = cases.Count(c => c.DueOn < today);
        return TextCatalogue.Format(language, "Digest.Subject", overdue, cases.Count - overdue, DueSoonDays);
    }

    private string DigestBody(string language, List<DueCase> cases, DateOnly today)
    {
        var body = new StringBuilder(TextCatalogue.Format(language, "Digest.Lead", DueSoonDays));
        foreach (var c in cases)
        {
            var left = c.DueOn.DayNumber - today.DayNumber;
            var state = left < 0 ? TextCatalogue.Format(language, "Digest.Overdue", -left) : TextCatalogue.Format(language, "Digest.DaysLeft", left);
            body.Append(CultureInfo.InvariantCulture, $"{c.Reference}  {D(c.DueOn)}  {state}\n{Link(c)}\n\n");
        }

        return body.ToString();
    }

    private static string EscalationSubject(string language, DueCase c) => TextCatalogue.Format(language, "Escalation.Subject", c.Reference);

    private string EscalationBody(string language, DueCase c, DateOnly today) =>
        TextCatalogue.Format(language, "Escalation.Body", c.Reference, D(c.DueOn), today.DayNumber - c.DueOn.DayNumber, Link(c));
}
