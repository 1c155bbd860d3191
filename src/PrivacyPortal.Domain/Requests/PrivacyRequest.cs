using PrivacyPortal.Domain.Audit;
using PrivacyPortal.Domain.Calendars;
using PrivacyPortal.Domain.Common;
using PrivacyPortal.Domain.Controllers;
using PrivacyPortal.Domain.Deadlines;
using PrivacyPortal.Domain.Fees;

namespace PrivacyPortal.Domain.Requests;

/// <summary>
/// One privacy request: the aggregate every change goes through. The root keeps what the request is (id, policy,
/// language, channel, reference), its status with the one transition table, its version, and the append of audit
/// events; each concern is a part in its own folder (<c>README.md</c> beside this file says which owns what) with its
/// state, its verbs and one guard per verb. A verb asks its guard, and <see cref="AvailableActions"/> asks the same
/// guards, so each precondition is written once. Each verb appends its audit event and any notice or letter, saved in
/// one SaveChanges with them.
/// </summary>
public sealed partial class PrivacyRequest
{
    public const int MaxReferenceLength = 30;

    private readonly List<RequestItem> _items = [];
    private readonly List<AuditEvent> _auditEvents = [];

    private PrivacyRequest()
    {
    }

    public Guid Id { get; private set; }

    public string PolicyId { get; private set; } = string.Empty;

    /// <summary>Denormalised from the policy: officers are assigned per controller and the queue filters by it.</summary>
    public string ControllerId { get; private set; } = string.Empty;

    /// <summary>The profile version in force when the request was filed; later edits do not change it.</summary>
    public int ProfileVersion { get; private set; }

    public string Language { get; private set; } = "ja";

    public RequestChannel Channel { get; private set; } = RequestChannel.Web;

    public RequestStatus Status { get; private set; }

    /// <summary>Assigned when the email is confirmed, e.g. NTTSMC-2026-000123.</summary>
    public string? Reference { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    /// <summary>Optimistic concurrency: bumped by every verb.</summary>
    public int Version { get; private set; }

    public IReadOnlyList<RequestItem> Items => _items.AsReadOnly();

    public IReadOnlyList<AuditEvent> AuditEvents => _auditEvents.AsReadOnly();

    public bool IsOpen => RequestTransitions.IsOpen(Status);

    /// <summary>
    /// The officer's actions this request allows today: each part's guard for the action's verb, the same guard the
    /// verb asks, so the case page offers exactly these. A verb may still refuse on the input (a missing reason, a
    /// ground of another type).
    /// </summary>
    public IReadOnlySet<CaseAction> AvailableActions(ProcedureProfile profile, DeadlineRules rules, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(rules);
        var today = Today(nowUtc);
        var quote = FeeQuote.For(profile, _items.Select(i => i.TypeId));
        (CaseAction Action, DomainException? Refusal)[] guards =
        [
            (CaseAction.Verify, VerifyRefusal()),
            (CaseAction.RefuseIdentity, RefuseIdentityRefusal()),
            (CaseAction.AskForMore, AskForMoreRefusal()),
            (CaseAction.ScanDocument, AddDocumentRefusal()),
            (CaseAction.RequestFee, RequestFeeRefusal(quote)),
            (CaseAction.SetFee, SetFeeRefusal(profile)),
            (CaseAction.RecordPayment, AwaitingFeeRefusal()),
            (CaseAction.WaiveFee, AwaitingFeeRefusal()),
            (CaseAction.ExpireFee, ExpireFeeRefusal(profile, today)),
            (CaseAction.Extend, ExtendRefusal(rules, today)),
            (CaseAction.AttachData, AttachRefusal()),
            (CaseAction.Decide, DecideRefusal()),
            (CaseAction.SendAnswer, SendAnswerRefusal()),
            (CaseAction.Close, CloseRefusal()),
            (CaseAction.RecordPersonObjection, PersonObjectionRefusal()),
            (CaseAction.Withdraw, WithdrawRefusal()),
            (CaseAction.Hold, HoldRefusal()),
            (CaseAction.ReleaseHold, ReleaseHoldRefusal()),
            (CaseAction.Note, NoteRefusal()),
            (CaseAction.Assign, AssignRefusal()),
            (CaseAction.MarkPosted, MarkPostedRefusal()),
        ];
        return guards.Where(g => g.Refusal is null).Select(g => g.Action).ToHashSet();
    }

    /// <summary>A staff read of personal data on this request: recorded, but not a change (no version bump).</summary>
    public void RecordRead(string actor, AuditDetail what, DateTime nowUtc) =>
        Record(nowUtc, actor, "viewed", Status, Status, what);

    /// <summary>An auditor asked to see the personal data, with a reason: recorded, not a change.</summary>
    public void RecordUnmasked(string actor, string reason, DateTime nowUtc) =>
        Record(nowUtc, actor, "unmasked", Status, Status, AuditDetail.Of("unmasked"), reason);

    private void Touch() => Version++;

    /// <summary>The one way the status changes: checked against the one transition table.</summary>
    private void Move(RequestStatus to)
    {
        RequestTransitions.Check(Status, to);
        Status = to;
    }

    /// <summary>The refusal of a move the table does not allow from the current status; null when it does.</summary>
    private DomainException? MoveRefusal(RequestStatus to) =>
        RequestTransitions.CanMove(Status, to) ? null : RequestTransitions.Refusal(Status, to);

    private static DateOnly Today(DateTime nowUtc) => JapanTime.DateOf(new DateTimeOffset(nowUtc, TimeSpan.Zero));

    /// <summary>The common tail of an officer's verb: new version, fresh due date, audit event.</summary>
    private void Changed(DeadlineRules rules, DateTime nowUtc, string actor, string action, RequestStatus from, AuditDetail? detail, string? personalText = null)
    {
        Touch();
        RefreshDueOn(rules);
        Record(nowUtc, actor, action, from, Status, detail, personalText);
    }

    /// <summary>Appends the audit event; <paramref name="personalText"/> is what a person typed, kept apart from the chain.</summary>
    private void Record(DateTime nowUtc, string actor, string action, RequestStatus? from, RequestStatus? to, AuditDetail? detail, string? personalText = null) =>
        _auditEvents.Add(new AuditEvent(Id, nowUtc, actor, action, from?.ToString(), to?.ToString(), detail?.ToJson(), personalText));

    private static string? Optional(string? text)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        return trimmed.Length > CaseNote.MaxTextLength
            ? throw new DomainException("text.too-long", $"Write at most {CaseNote.MaxTextLength} characters.")
            : trimmed;
    }

    private static string Required(string? text, string code, string message)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            throw new DomainException(code, message);
        }

        if (trimmed.Length > CaseNote.MaxTextLength)
        {
            throw new DomainException("text.too-long", $"Write at most {CaseNote.MaxTextLength} characters.");
        }

        return trimmed;
    }
}

/// <summary>A guard's answer turned into the verb's refusal.</summary>
internal static class Guard
{
    /// <summary>Throws the refusal a guard returned; nothing when it returned none.</summary>
    public static void ThrowIfRefused(DomainException? refusal)
    {
        if (refusal is not null)
        {
            throw refusal;
        }
    }
}
