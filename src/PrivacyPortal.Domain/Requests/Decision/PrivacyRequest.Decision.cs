using PrivacyPortal.Domain.Audit;
using PrivacyPortal.Domain.Common;
using PrivacyPortal.Domain.Controllers;
using PrivacyPortal.Domain.Deadlines;

namespace PrivacyPortal.Domain.Requests;

/// <summary>Decision: the answer to each item with its grounds and reasons, and the request's outcome once all are answered.</summary>
public sealed partial class PrivacyRequest
{
    private List<string> _decisionGrounds = [];

    public DecisionOutcome? Outcome { get; private set; }

    public string? DecisionReasons { get; private set; }

    public DateTime? DecidedAtUtc { get; private set; }

    public IReadOnlyList<string> DecisionGrounds => _decisionGrounds.AsReadOnly();

    /// <summary>The decision is the refusal for an identity or authority that could not be confirmed.</summary>
    private bool RefusedForIdentity => _decisionGrounds.Count > 0 && _decisionGrounds.All(code => DecisionGround.IdentityNotConfirmed.Any(g => g.Code == code));

    /// <summary>
    /// The answer to one request type within the request. Anything short of doing what was asked carries grounds of
    /// that type's article and reasons in words: the notice is a duty (APPI Art. 32(3), 33(3), 34(3), 35(7); GDPR
    /// Art. 12(4)), the reasons a best-efforts duty (APPI Art. 36) the portal makes mandatory. The request is decided
    /// when its last item is, and the decision letter states each item.
    /// </summary>
    public void Decide(string actor, string typeId, ItemAnswer answer, ProcedureProfile profile, DeadlineRules rules, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentNullException.ThrowIfNull(answer.Grounds);
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(rules);
        Guard.ThrowIfRefused(DecideRefusal());
        var item = _items.FirstOrDefault(i => i.TypeId == typeId) ?? throw new DomainException("decide.item", "This request has no such item to decide.");
        if (item.Decision is not null)
        {
            throw new DomainException("decide.item-decided", "This item has already been decided.");
        }

        var type = item.Type ?? throw new DomainException("decide.item", "This request has no such item to decide.");
        var allowed = DecisionGround.For(profile, item);
        var grounds = answer.Grounds.Distinct(StringComparer.Ordinal).ToList();
        var limited = answer.Outcome is DecisionOutcome.PartiallyFulfilled or DecisionOutcome.Refused;
        if (limited && allowed.Count == 0)
        {
            // GDPR Art. 7(3): consent can be withdrawn at any time; no article lets the controller refuse it.
            throw new DomainException("decide.no-ground-for-type", "The law gives no ground for refusing this request, in whole or in part.");
        }

        if (limited && grounds.Count == 0)
        {
            throw new DomainException("decide.grounds", "Choose at least one ground for not acting in full.");
        }

        if (!limited && grounds.Count > 0)
        {
            throw new DomainException("decide.no-grounds", "Grounds are only given when the request is refused or partly fulfilled.");
        }

        var unknown = grounds.FirstOrDefault(code => allowed.All(g => g.Code != code));
        if (unknown is not null)
        {
            throw new DomainException("decide.unknown-ground", $"'{unknown}' is not a ground that applies to this request.", unknown);
        }

        if (answer.Outcome == DecisionOutcome.NotHeld && !type.CanBeNotHeld)
        {
            throw new DomainException("decide.not-held-type", "\"We hold no such data\" answers only a request to be told or given data.");
        }

        var reasons = Optional(answer.Reasons);
        if ((limited || answer.Outcome == DecisionOutcome.NotHeld) && reasons is null)
        {
            throw new DomainException("decide.reasons", "Explain the decision in words; the requester is told these reasons.");
        }

        // APPI Art. 34(3): the notice of a correction states its content.
        var changes = type.CorrectsData && answer.Outcome is DecisionOutcome.Fulfilled or DecisionOutcome.PartiallyFulfilled ? Optional(answer.Changes) : null;
        if (type.CorrectsData && answer.Outcome is DecisionOutcome.Fulfilled or DecisionOutcome.PartiallyFulfilled && changes is null)
        {
            throw new DomainException("decide.changes", "Say what was corrected, added or deleted; the requester is told it.");
        }

        // GDPR Art. 20(1): the data is received in a structured, commonly used and machine-readable format.
        if (type.Id == RequestType.Portability.Id && answer.Outcome is DecisionOutcome.Fulfilled or DecisionOutcome.PartiallyFulfilled && !_disclosedFiles.Any(f => f.IsMachineReadable))
        {
            throw new DomainException("decide.portability-format", "Attach the data in a machine-readable format (CSV or JSON) before answering a portability request.");
        }

        var (method, methodReasons) = DisclosureMethod(item, answer);
        if (type.Regime == Regime.Gdpr && limited)
        {
            // GDPR Art. 12(4): a decision not to act is told within one month of receipt, not after an extension.
            var firstMonth = GdprFirstMonthEnds(rules, Today(nowUtc));
            if (Today(nowUtc) > firstMonth)
            {
                throw new DomainException("decide.gdpr-late", $"A refusal had to be notified by {firstMonth:yyyy-MM-dd}, within one month of receipt (GDPR Art. 12(4)).", firstMonth);
            }
        }

        item.Decide(new ItemDecision(answer.Outcome, grounds, reasons, changes, method, methodReasons, nowUtc));
        var detail = method is null
            ? AuditDetail.Of(grounds.Count == 0 ? "item-decided" : "item-decided-grounds", type.Id, answer.Outcome, string.Join(",", grounds))
            : AuditDetail.Of(grounds.Count == 0 ? "item-decided-method" : "item-decided-grounds-method", type.Id, answer.Outcome, string.Join(",", grounds), method, item.Details.GetValueOrDefault("method"));

        if (_items.Any(i => i.Decision is null))
        {
            Touch();
            Record(nowUtc, actor, "item-decided", Status, Status, detail);
            return;
        }

        Record(nowUtc, actor, "item-decided", Status, Status, detail);
        var from = Status;
        Move(RequestStatus.Decided);
        var outcomes = _items.Select(i => i.Decision!.Outcome).Distinct().ToList();
        Outcome = outcomes.Count == 1 ? outcomes[0] : DecisionOutcome.PartiallyFulfilled;
        _decisionGrounds = [.. _items.SelectMany(i => i.Decision!.Grounds).Distinct(StringComparer.Ordinal)];
        DecisionReasons = null;
        DecidedAtUtc = nowUtc;
        Changed(rules, nowUtc, actor, "decided", from, _decisionGrounds.Count == 0 ? AuditDetail.Of("outcome", Outcome) : AuditDetail.Of("outcome-grounds", Outcome, string.Join(",", _decisionGrounds)));

        // The answer goes out as a letter: printed by the worker, previewed by the officer, then sent (SendAnswer).
        AddLetter(LetterKind.Decision, nowUtc);
    }

    /// <summary>
    /// The decision on one item. A request decided before each item was decided on its own carries the request's
    /// outcome, grounds and reasons on every item, as its letter said.
    /// </summary>
    public ItemDecision? DecisionOf(RequestItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.Decision
            ?? (Outcome is { } outcome && DecidedAtUtc is { } at && _items.All(i => i.Decision is null)
                ? new ItemDecision(outcome, _decisionGrounds, DecisionReasons, null, null, null, at)
                : null);
    }

    /// <summary>The items not decided yet, in the order they were filed.</summary>
    public IReadOnlyList<RequestItem> UndecidedItems() => _items.Where(i => i.Decision is null).ToList();

    private DomainException? DecideRefusal() =>
        Status != RequestStatus.InReview ? RequestTransitions.Refusal(Status, RequestStatus.Decided)
        : !IdentityVerified ? new DomainException("decide.identity", "Verify the requester's identity before deciding.")
        : !Fee.IsSettled ? new DomainException("decide.fee", "The fee must be paid or waived before deciding.")
        : _items.All(i => i.Decision is not null) ? new DomainException("decide.item-decided", "This item has already been decided.")
        : null;

    /// <summary>
    /// APPI Art. 33(2): disclosure is by the method the requester designated, or on paper where that method is very
    /// costly or difficult; then the person is told, with the reasons (Art. 33(3), 36).
    /// </summary>
    private static (string? Method, string? Reasons) DisclosureMethod(RequestItem item, ItemAnswer answer)
    {
        var requested = item.Details.GetValueOrDefault("method");
        if (string.IsNullOrEmpty(answer.Method) || answer.Method == requested)
        {
            return (null, null);
        }

        if (item.TypeId != RequestType.Disclosure.Id || answer.Method != "paper" || answer.Outcome is not (DecisionOutcome.Fulfilled or DecisionOutcome.PartiallyFulfilled))
        {
            throw new DomainException("decide.method", "Only a disclosure can be made on paper instead of the method the requester designated.");
        }

        var reasons = Optional(answer.MethodReasons)
            ?? throw new DomainException("decide.method-reasons", "Say why the designated method is very costly or difficult; the requester is told it.");
        return ("paper", reasons);
    }
}
