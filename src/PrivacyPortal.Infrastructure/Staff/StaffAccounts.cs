using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PrivacyPortal.Domain.Common;
using PrivacyPortal.Infrastructure.Data;
using PrivacyPortal.Infrastructure.Hosting;

namespace PrivacyPortal.Infrastructure.Staff;

/// <summary>A new account and the single-use link its owner sets a password with.</summary>
public sealed record CreatedStaff(StaffUser User, Uri SetPasswordLink);

/// <summary>Creates staff accounts and changes their roles and controllers; every change goes to the administration trail.</summary>
public sealed class StaffAccounts(UserManager<StaffUser> users, PortalDbContext db, TimeProvider clock, IOptions<PortalOptions> portal, IPortalPaths paths)
{
    public async Task<CreatedStaff> CreateAsync(string email, string displayName, string role, IReadOnlyCollection<string> controllerIds, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(controllerIds);
        if (!StaffRoles.All.Contains(role))
        {
            throw new DomainException("staff.role", $"'{role}' is not a staff role.");
        }

        var address = email.Trim();
        if (await users.FindByEmailAsync(address) is not null)
        {
            throw new DomainException("staff.exists", "An account with this email address already exists.");
        }

        await CheckControllersAsync(controllerIds, cancellationToken);
        var user = new StaffUser
        {
            UserName = address,
            Email = address,
            EmailConfirmed = true,
            DisplayName = string.IsNullOrWhiteSpace(displayName) ? address : displayName.Trim(),
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        Check(await users.CreateAsync(user));
        Check(await users.AddToRoleAsync(user, await EnsureRoleAsync(role)));
        db.StaffAssignments.AddRange(controllerIds.Distinct().Select(c => new StaffAssignment { UserId = user.Id, ControllerId = c }));
        Record(actor, "staff-created", address, $"{role}; controllers: {string.Join(",", controllerIds)}");
        await db.SaveChangesAsync(cancellationToken);
        return new CreatedStaff(user, await SetPasswordLinkAsync(user));
    }

    /// <summary>How long a set-password link works (the lifespan of Identity's data-protection tokens).</summary>
    public static readonly TimeSpan SetPasswordLinkLifetime = TimeSpan.FromHours(24);

    /// <summary>A fresh single-use link; the previous one stops working once a password is set.</summary>
    public async Task<Uri> SetPasswordLinkAsync(StaffUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var baseUrl = portal.Value.JobsBaseUrl;
        return new Uri(baseUrl + paths.SetPassword(user.Id, token));
    }

    public async Task SetControllersAsync(StaffUser user, IReadOnlyCollection<string> controllerIds, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(controllerIds);
        await CheckControllersAsync(controllerIds, cancellationToken);
        var current = await db.StaffAssignments.Where(a => a.UserId == user.Id).ToListAsync(cancellationToken);
        db.StaffAssignments.RemoveRange(current.Where(a => !controllerIds.Contains(a.ControllerId)));
        db.StaffAssignments.AddRange(controllerIds.Distinct().Where(c => current.All(a => a.ControllerId != c)).Select(c => new StaffAssignment { UserId = user.Id, ControllerId = c }));
        Record(actor, "staff-controllers-set", user.Email ?? user.Id, string.Join(",", current.Select(a => a.ControllerId).Order()) + " -> " + string.Join(",", controllerIds.Order()));
        // A new stamp ends the account's open sessions at once, so no session goes on with the old scope.
        Check(await users.UpdateSecurityStampAsync(user));
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task SetLockedAsync(StaffUser user, bool locked, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        Check(await users.SetLockoutEndDateAsync(user, locked ? DateTimeOffset.MaxValue : null));
        Check(await users.UpdateSecurityStampAsync(user));
        Record(actor, locked ? "staff-disabled" : "staff-enabled", user.Email ?? user.Id, null);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>An event on the administration trail on its own (sign-in steps, password set), saved at once.</summary>
    public async Task RecordAsync(string actor, string action, string subject, string? detail, CancellationToken cancellationToken)
    {
        Record(actor, action, subject, detail);
        await db.SaveChangesAsync(cancellationToken);
    }

    public void Record(string actor, string action, string subject, string? detail) =>
        db.AdminAuditEvents.Add(new AdminAuditEvent { AtUtc = clock.GetUtcNow().UtcDateTime, Actor = actor, Action = action, Subject = subject, Detail = detail });

    private async Task<string> EnsureRoleAsync(string role)
    {
        if (!await db.Roles.AnyAsync(r => r.Name == role))
        {
            db.Roles.Add(new IdentityRole(role) { NormalizedName = role.ToUpperInvariant() });
            await db.SaveChangesAsync();
        }

        return role;
    }

    private async Task CheckControllersAsync(IReadOnlyCollection<string> controllerIds, CancellationToken cancellationToken)
    {
        var known = await db.DataControllers.Where(c => controllerIds.Contains(c.Id)).CountAsync(cancellationToken);
        if (known != controllerIds.Distinct().Count())
        {
            throw new DomainException("staff.controller", "One of the controllers does not exist.");
        }
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new DomainException("staff.identity", string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
