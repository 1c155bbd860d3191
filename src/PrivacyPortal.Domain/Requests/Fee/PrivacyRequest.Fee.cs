using PrivacyPortal.Domain.Audit;
using PrivacyPortal.Domain.Common;
using PrivacyPortal.Domain.Controllers;
using PrivacyPortal.Domain.Deadlines;
using PrivacyPortal.Domain.Fees;
using PrivacyPortal.Domain.Notices;

namespace PrivacyPortal.Domain.Requests;

/// <summary>Fee (APPI Art. 38; GDPR Art. 12(5), 15(3)): asking for it, setting it, paid, waived, or expired.</summary>
public sealed partial class PrivacyRequest
{
    public FeeState Fee { get; private set; } = new();

    /// <summary>
    /// Asks for the fee the policy publishes (APPI Art. 38); the clock stops until it is paid or waived. Where the
    /// policy leaves the payment period to the company ("within the period we designate"), the officer sets it.
    /// </summary>
    public void RequestFee(string actor, FeeQuote quote, DeadlineRules rules, DateTime nowUtc, DateOnly? designatedPayBy = null)
    {
        ArgumentNullException.ThrowIfNull(quote);
        ArgumentNullException.ThrowIfNull(rules);
        Guard.ThrowIfRefused(RequestFeeRefusal(quote));
        var total = quote.Total!.Value;
        var today = Today(nowUtc);
        var published = quote.PaymentDueOn(today);
        if (published is not null && designatedPayBy is not null && designatedPayBy != published)
        {
            throw new DomainException("fee.window-published", $"The policy sets the payment window: pay by {published:yyyy-MM-dd}.");
        }

        if (designatedPayBy is { } designated && designated <= today)
        {
            throw new DomainException("fee.pay-by", "The last day to pay must be after today.");
        }

        if (published is null && designatedPayBy is null)
        {
            // A fee request a person can act on names its last day: the policy's window, or the day the company sets.
            throw new DomainException("fee.pay-by-required", "The policy leaves the payment period to the company: enter the last day to pay.");
        }

        var state = new FeeState { Status = FeeStatus.Requested, AmountMinor = total.Minor, Currency = total.Currency, RequestedOn = today, PayBy = published ?? designatedPayBy };
        AskForFee(actor, "fee-requested", state, AuditDetail.Of("fee", total.Minor, total.Currency, state.PayBy), null, rules, nowUtc);
    }

    /// <summary>
    /// A fee the officer sets for this request, with the reasons the requester is told: where the policy says a fee
    /// may be charged but publishes no amount (APPI Art. 38, a reasonable amount within actual cost), or where the
    /// profile charges the fees the GDPR allows (Art. 12(5)(a) manifestly unfounded or excessive; Art. 15(3) further
    /// copies). The officer always sets the last day to pay.
    /// </summary>
    public void SetFee(string actor, string basis, Money amount, string reasons, DateOnly payBy, ProcedureProfile profile, DeadlineRules rules, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(rules);
        var text = Required(reasons, "fee.reasons", "Give the reasons for the fee and its amount; the requester is told them.");
        if (!SetFeeBases(profile).Contains(basis))
        {
            throw new DomainException("fee.basis", "No fee can be set on this request on that basis.");
        }

        if (amount.Minor <= 0)
        {
            throw new DomainException("fee.amount", "Enter an amount above zero.");
        }

        Guard.ThrowIfRefused(SetFeeRefusal(profile));
        var today = Today(nowUtc);
        if (payBy <= today)
        {
            throw new DomainException("fee.pay-by", "The last day to pay must be after today.");
        }

        var state = new FeeState
        {
            Status = FeeStatus.Requested, AmountMinor = amount.Minor, Currency = amount.Currency, RequestedOn = today, PayBy = payBy,
            Basis = basis, Reasons = text,
        };
        AskForFee(actor, "fee-set", state, AuditDetail.Of("fee-set", amount.Minor, amount.Currency, payBy, basis), text, rules, nowUtc);
    }

    /// <summary>The bases on which an officer may set a fee on this request under its profile.</summary>
    public IReadOnlyList<string> SetFeeBases(ProcedureProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var bases = new List<string>();
        var appiTypes = _items.Select(i => i.Type).OfType<RequestType>().Where(t => t.Regime == Regime.Appi && t.FeeAllowedByLaw).Select(t => t.Id).ToList();
        if (appiTypes.Count > 0 && FeeQuote.For(profile, appiTypes).Outcome == FeeOutcome.AmountNotPublished)
        {
            bases.Add(FeeBases.AppiUnpublished);
        }

        if (profile.GdprFees.ManifestlyUnfoundedOrExcessive && _items.Any(i => i.Type?.Regime == Regime.Gdpr))
        {
            bases.Add(FeeBases.GdprExcessive);
        }

        if (profile.GdprFees.FurtherCopies && _items.Any(i => i.TypeId == RequestType.Access.Id))
        {
            bases.Add(FeeBases.GdprFurtherCopies);
        }

        return bases;
    }

    public void RecordPayment(string actor, string method, DateOnly paidOn, string receiptNumber, DeadlineRules rules, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var methodText = Required(method, "fee.method", "Say how the fee was paid.");
        var receipt = Required(receiptNumber, "fee.receipt", "Enter the receipt number.");
        Guard.ThrowIfRefused(AwaitingFeeRefusal());
        if (paidOn > Today(nowUtc) || paidOn < Fee.RequestedOn)
        {
            throw new DomainException("fee.paid-on", "The payment date must be between the day the fee was asked for and today.");
        }

        var from = Status;
        Move(RequestStatus.InReview);
        Fee = Fee with { Status = FeeStatus.Paid, PaidOn = paidOn, PaymentMethod = methodText, ReceiptNumber = receipt };
        EndPause(PauseReason.AwaitingFee, paidOn);
        Changed(rules, nowUtc, actor, "fee-paid", from, AuditDetail.Of("paid-on", paidOn), $"{methodText}, receipt {receipt}");
    }

    public void WaiveFee(string actor, string reason, DeadlineRules rules, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var text = Required(reason, "reason.required", "Give the reason for waiving the fee.");
        Guard.ThrowIfRefused(AwaitingFeeRefusal());
        var from = Status;
        Move(RequestStatus.InReview);
        Fee = Fee with { Status = FeeStatus.Waived, WaiverReason = text };
        EndPause(PauseReason.AwaitingFee, Today(nowUtc));
        Changed(rules, nowUtc, actor, "fee-waived", from, null, text);
    }

    /// <summary>
    /// The payment window has passed. Only where the policy of this request's profile version says an unpaid request
    /// is deemed not made (APPI Art. 38 leaves the consequence to the business's published procedure) does the request
    /// end here; otherwise the officer must decide or the requester withdraw.
    /// </summary>
    public void ExpireFee(string actor, ProcedureProfile profile, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(profile);
        Guard.ThrowIfRefused(ExpireFeeRefusal(profile, Today(nowUtc)));
        var from = Status;
        Move(RequestStatus.DeemedWithdrawn);
        CompletedAtUtc = nowUtc;
        var payBy = Fee.PayBy;
        Fee = Fee with { Status = FeeStatus.Expired };
        EndOngoingPauses(Today(nowUtc));
        Touch();
        Record(nowUtc, actor, "fee-expired", from, Status, AuditDetail.Of("unpaid-after", payBy));
        Notify(NoticeKind.FeeExpired, null, nowUtc);
    }

    /// <summary>Whether the profile ends this request when its fee is not paid in the window ("deemed not made").</summary>
    public bool UnpaidMeansDeemedNotMade(ProcedureProfile profile) =>
        FeeQuote.For(profile, _items.Select(i => i.TypeId)).UnpaidMeansDeemedNotMade;

    /// <summary>The fee is awaited, its window has passed, and the profile deems the request not made: <see cref="ExpireFee"/> applies.</summary>
    public bool FeeExpires(ProcedureProfile profile, DateOnly today) => ExpireFeeRefusal(profile, today) is null;

    private DomainException? ExpireFeeRefusal(ProcedureProfile profile, DateOnly today) =>
        AwaitingFeeRefusal()
        ?? (Fee.PayBy is not { } payBy || today <= payBy ? new DomainException("fee.window-open", "The payment window has not passed yet.")
        : !UnpaidMeansDeemedNotMade(profile) ? new DomainException("fee.not-deemed", "This company's policy does not say an unpaid request is deemed not made.")
        : null);

    private DomainException? RequestFeeRefusal(FeeQuote quote) =>
        quote.Outcome != FeeOutcome.Charged || quote.Total is null
            ? new DomainException("fee.none", "This company publishes no fee amount for this request, so none can be asked for.")
            : FeeCanBeAskedRefusal();

    private DomainException? SetFeeRefusal(ProcedureProfile profile) =>
        SetFeeBases(profile).Count == 0 ? new DomainException("fee.basis", "No fee can be set on this request on that basis.") : FeeCanBeAskedRefusal();

    private DomainException? FeeCanBeAskedRefusal() =>
        Fee.Status != FeeStatus.NotRequested ? new DomainException("fee.already", "A fee has already been asked for on this request.")
        : Status is not (RequestStatus.Received or RequestStatus.InReview) ? RequestTransitions.Refusal(Status, RequestStatus.AwaitingFee)
        : null;

    private DomainException? AwaitingFeeRefusal() =>
        Status != RequestStatus.AwaitingFee || Fee.Status != FeeStatus.Requested
            ? new DomainException("fee.not-awaited", "No fee is awaited on this request.")
            : null;

    /// <summary>The common tail of asking for a fee: the clock stops until it is paid or waived; notice and letter go out.</summary>
    private void AskForFee(string actor, string action, FeeState state, AuditDetail detail, string? personalText, DeadlineRules rules, DateTime nowUtc)
    {
        var from = Status;
        Move(RequestStatus.AwaitingFee);
        Fee = state;
        _pauses = [.. _pauses, new ClockPause(state.RequestedOn!.Value, null, PauseReason.AwaitingFee)];
        Changed(rules, nowUtc, actor, action, from, detail, personalText);
        Notify(NoticeKind.FeeDue, null, nowUtc, new FeeDueDetail(state.AmountMinor!.Value, state.Currency!, state.PayBy, state.Basis).ToJson());
        AddLetter(LetterKind.FeeRequest, nowUtc);
    }
}
