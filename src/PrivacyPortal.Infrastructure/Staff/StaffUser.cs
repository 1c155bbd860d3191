using Microsoft.AspNetCore.Identity;

namespace PrivacyPortal.Infrastructure.Staff;

/// <summary>A staff account: privacy officer, auditor or administrator. Sign-in always needs a second factor.</summary>
public sealed class StaffUser : IdentityUser
{
    public const int MaxDisplayNameLength = 100;

    public string DisplayName { get; set; } = string.Empty;

    /// <summary>"ja" or "en": the language of the staff pages for this account.</summary>
    public string Language { get; set; } = "ja";

    public DateTime CreatedAtUtc { get; set; }

    /// <summary>A seeded demo account (embedded default with Portal:Demo); never created in production.</summary>
    public bool IsDemo { get; set; }
}

/// <summary>The three roles. An officer sees only the controllers assigned to them.</summary>
public static class StaffRoles
{
    public const string PrivacyOfficer = "PrivacyOfficer";
    public const string Auditor = "Auditor";
    public const string Administrator = "Administrator";

    public static IReadOnlyList<string> All { get; } = [PrivacyOfficer, Auditor, Administrator];
}

/// <summary>An officer may work the cases of this controller.</summary>
public sealed class StaffAssignment
{
    public string UserId { get; set; } = string.Empty;

    public string ControllerId { get; set; } = string.Empty;
}

/// <summary>
/// A change made in administration (accounts, roles, assignments, profiles) or a sign-in event: who, what, when.
/// Request changes have their own trail on the request (<see cref="Domain.Audit.AuditEvent"/>).
/// </summary>
public sealed class AdminAuditEvent
{
    public long Id { get; set; }

    public DateTime AtUtc { get; set; }

    public string Actor { get; set; } = string.Empty;

    public string Action { get; set; } = string.Empty;

    public string Subject { get; set; } = string.Empty;

    public string? Detail { get; set; }
}
