using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PrivacyPortal.Domain.Requests;
using PrivacyPortal.Infrastructure.Data;
using PrivacyPortal.Infrastructure.Staff;

namespace PrivacyPortal.Web.Staff;

/// <summary>
/// What one signed-in staff member may see and do. Officers work the cases of their controllers; auditors read
/// the record of every controller, or of the controllers an administrator limited them to, never identity documents,
/// and change nothing; administrators manage accounts and profiles and see no case unless they are also officers.
/// </summary>
public sealed record StaffScope(string UserId, string Email, bool IsOfficer, bool IsAuditor, bool IsAdministrator, IReadOnlySet<string> ControllerIds)
{
    /// <summary>The name written on the audit trail.</summary>
    public string Actor => Email;

    public bool CanReadCases => IsOfficer || IsAuditor;

    /// <summary>An auditor with no controllers assigned audits every controller.</summary>
    public bool AuditsEveryController => IsAuditor && ControllerIds.Count == 0;

    public bool SeesController(string controllerId) => AuditsEveryController || ControllerIds.Contains(controllerId);

    /// <summary>Cases this member may read: an officer's controllers; an auditor's, or every controller.</summary>
    public IQueryable<PrivacyRequest> Readable(IQueryable<PrivacyRequest> requests)
    {
        ArgumentNullException.ThrowIfNull(requests);
        var visible = Infrastructure.Audit.RequestLog.Received(requests);
        if (AuditsEveryController)
        {
            return visible;
        }

        var controllers = ControllerIds.ToList();
        if (IsAuditor)
        {
            return visible.Where(r => controllers.Contains(r.ControllerId));
        }

        return IsOfficer ? visible.Where(r => controllers.Contains(r.ControllerId)) : visible.Where(_ => false);
    }

    public bool CanWork(PrivacyRequest request) => IsOfficer && ControllerIds.Contains(request.ControllerId);
}

public sealed class StaffScopeReader(UserManager<StaffUser> users, PortalDbContext db)
{
    public async Task<StaffScope?> ReadAsync(ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        if (await users.GetUserAsync(principal) is not { } user)
        {
            return null;
        }

        var roles = await users.GetRolesAsync(user);
        var controllers = await db.StaffAssignments.Where(a => a.UserId == user.Id).Select(a => a.ControllerId).ToListAsync(cancellationToken);
        return new StaffScope(
            user.Id,
            user.Email ?? user.Id,
            roles.Contains(StaffRoles.PrivacyOfficer),
            roles.Contains(StaffRoles.Auditor),
            roles.Contains(StaffRoles.Administrator),
            controllers.ToHashSet(StringComparer.Ordinal));
    }
}
