namespace PrivacyPortal.Domain.Audit;

/// <summary>
/// One thing that happened to a request: who, what, when, and the status before and after. Written by the
/// aggregate in the same SaveChanges as the change itself, so a change without its record cannot exist.
/// </summary>
public sealed class AuditEvent
{
    public const int MaxDetailLength = 1000;

    private AuditEvent()
    {
    }

    public AuditEvent(Guid requestId, DateTime atUtc, string actor, string action, string? fromStatus, string? toStatus, string? detail)
    {
        RequestId = requestId;
        AtUtc = atUtc;
        Actor = actor;
        Action = action;
        FromStatus = fromStatus;
        ToStatus = toStatus;
        Detail = detail;
    }

    public long Id { get; private set; }

    public Guid RequestId { get; private set; }

    public DateTime AtUtc { get; private set; }

    /// <summary>"requester", "system", or a staff account.</summary>
    public string Actor { get; private set; } = string.Empty;

    public string Action { get; private set; } = string.Empty;

    public string? FromStatus { get; private set; }

    public string? ToStatus { get; private set; }

    public string? Detail { get; private set; }
}
