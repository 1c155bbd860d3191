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

    /// <summary>
    /// The last authenticator time step accepted (Unix seconds / 30): that step and every earlier one are refused,
    /// so a code works once (RFC 6238 §5.2).
    /// </summary>
    public long? LastAuthenticatorStep { get; set; }
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
/// A change made in administration (accounts, roles, assignments, profiles), a sign-in event or an export: who, what,
/// when. Request changes have their own trail on the request (<see cref="Domain.Audit.AuditEvent"/>). Append-only and
/// hash-chained like it, on a chain of its own (<see cref="Domain.Audit.AuditChain.Administration"/>).
/// </summary>
public sealed class AdminAuditEvent : Domain.Audit.IChainedEvent
{
    private DateTime _atUtc;

    public long Id { get; set; }

    public DateTime AtUtc { get => _atUtc; set => _atUtc = Domain.Audit.AuditChain.Instant(value); }

    public string Actor { get; set; } = string.Empty;

    public string Action { get; set; } = string.Empty;

    public string Subject { get; set; } = string.Empty;

    public string? Detail { get; set; }

    public long Seq { get; private set; }

    public string Hash { get; private set; } = string.Empty;

    public string PrevHash { get; private set; } = string.Empty;

    public IReadOnlyList<string?> ChainedFields() => Fields(AtUtc, Actor, Action, Subject, Detail);

    public static IReadOnlyList<string?> Fields(DateTime atUtc, string actor, string action, string subject, string? detail) =>
        [Domain.Audit.AuditChain.Administration, Domain.Audit.AuditChain.Format(atUtc), actor, action, subject, detail];

    public void Seal(long seq, string prevHash)
    {
        Seq = seq;
        PrevHash = prevHash;
        Hash = Domain.Audit.AuditChain.Compute(seq, prevHash, ChainedFields());
    }
}
