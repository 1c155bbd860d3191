using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PrivacyPortal.Domain.Common;
using PrivacyPortal.Infrastructure.Data;
using PrivacyPortal.Infrastructure.Staff;
using PrivacyPortal.Web.Localization;

namespace PrivacyPortal.Web.Areas.Staff.Pages.Admin;

public sealed record StaffMember(StaffUser User, IReadOnlyList<string> Roles, IReadOnlySet<string> ControllerIds, bool Locked);

/// <summary>Staff accounts, their roles and controllers. Every change is written to the administration trail.</summary>
[Authorize(Roles = StaffRoles.Administrator)]
public sealed class AdminModel(PortalDbContext db, UserManager<StaffUser> users, StaffAccounts accounts, TimeProvider clock, IStringLocalizer text) : StaffPage
{
    public IReadOnlyList<StaffMember> Members { get; private set; } = [];

    public IReadOnlyList<(string Id, string Name)> Controllers { get; private set; } = [];

    public IReadOnlyList<AdminAuditEvent> Trail { get; private set; } = [];

    public string? NewLink { get; private set; }

    public string? Error { get; private set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostCreateAsync(string? email, string? displayName, string? role, string[]? controllers)
    {
        if (string.IsNullOrWhiteSpace(email) || email.Length > 256 || !email.Contains('@', StringComparison.Ordinal) || (displayName?.Length ?? 0) > StaffUser.MaxDisplayNameLength)
        {
            return await FailAsync(text["Staff.Admin.BadEmail"]);
        }

        try
        {
            var created = await accounts.CreateAsync(email, displayName ?? string.Empty, role ?? string.Empty, controllers ?? [], Actor, HttpContext.RequestAborted);
            NewLink = created.SetPasswordLink.ToString();
        }
        catch (DomainException ex)
        {
            return await FailAsync(Explain(text, ex));
        }

        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostControllersAsync(string? userId, string[]? controllers)
    {
        if (await FindAsync(userId) is not { } user)
        {
            return NotFound();
        }

        try
        {
            await accounts.SetControllersAsync(user, controllers ?? [], Actor, HttpContext.RequestAborted);
        }
        catch (DomainException ex)
        {
            return await FailAsync(Explain(text, ex));
        }

        return Redirect("/staff/admin");
    }

    public async Task<IActionResult> OnPostLockAsync(string? userId, bool locked)
    {
        if (await FindAsync(userId) is not { } user)
        {
            return NotFound();
        }

        if (user.Id == users.GetUserId(User) && locked)
        {
            return await FailAsync(text["Staff.Admin.NotYourself"]);
        }

        await accounts.SetLockedAsync(user, locked, Actor, HttpContext.RequestAborted);
        return Redirect("/staff/admin");
    }

    public async Task<IActionResult> OnPostLinkAsync(string? userId)
    {
        if (await FindAsync(userId) is not { } user)
        {
            return NotFound();
        }

        NewLink = (await accounts.SetPasswordLinkAsync(user)).ToString();
        await accounts.RecordAsync(Actor, "set-password-link-issued", user.Email ?? user.Id, null, HttpContext.RequestAborted);
        await LoadAsync();
        return Page();
    }

    private string Actor => User.Identity?.Name ?? "administrator";

    private async Task<StaffUser?> FindAsync(string? userId) =>
        string.IsNullOrEmpty(userId) || userId.Length > 450 ? null : await users.FindByIdAsync(userId);

    private async Task<IActionResult> FailAsync(string message)
    {
        Error = message;
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        db.ChangeTracker.Clear();
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        var language = Languages.Current;
        Controllers = (await db.DataControllers.AsNoTracking().OrderBy(c => c.Id).ToListAsync(HttpContext.RequestAborted))
            .Select(c => (c.Id, (language == Languages.Japanese ? c.NameJa : c.NameEn) ?? c.Id)).ToList();
        var all = await db.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync(HttpContext.RequestAborted);
        var assignments = await db.StaffAssignments.AsNoTracking().ToListAsync(HttpContext.RequestAborted);
        var roles = await db.UserRoles.AsNoTracking().Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name }).ToListAsync(HttpContext.RequestAborted);
        var now = clock.GetUtcNow();
        Members = all.Select(u => new StaffMember(
            u,
            roles.Where(r => r.UserId == u.Id).Select(r => r.Name!).ToList(),
            assignments.Where(a => a.UserId == u.Id).Select(a => a.ControllerId).ToHashSet(StringComparer.Ordinal),
            u.LockoutEnd is { } end && end > now)).ToList();
        Trail = await db.AdminAuditEvents.AsNoTracking().OrderByDescending(e => e.Id).Take(50).ToListAsync(HttpContext.RequestAborted);
    }
}
