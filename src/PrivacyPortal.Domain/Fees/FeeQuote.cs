using PrivacyPortal.Domain.Common;
using PrivacyPortal.Domain.Controllers;
using PrivacyPortal.Domain.Texts;

namespace PrivacyPortal.Domain.Fees;

/// <summary>What a request will cost, as far as the policy lets anyone say.</summary>
public enum FeeOutcome
{
    /// <summary>No fee: the law forbids one (APPI Art. 38, GDPR Art. 12(5)) or the policy says the request is free.</summary>
    None,

    /// <summary>The policy publishes an amount.</summary>
    Charged,

    /// <summary>The policy says a fee is or may be charged but does not publish the amount.</summary>
    AmountNotPublished,

    /// <summary>The policy says nothing about fees for this request.</summary>
    NotMentioned,
}

/// <summary>The fee for one request, which may combine several request types.</summary>
public sealed record FeeQuote(
    FeeOutcome Outcome,
    Money? Net,
    Money? Tax,
    Money? Total,
    int? TaxRatePercent,
    TaxTreatment? PublishedTax,
    FeeSchedule? Schedule)
{
    public static FeeQuote None { get; } = new(FeeOutcome.None, null, null, null, null, null, null);

    /// <summary>
    /// The fee for a request of the given types. APPI Art. 38 allows fees only for purpose notification and
    /// disclosure; a request combining several types pays each fee schedule once ("per request").
    /// </summary>
    public static FeeQuote For(ProcedureProfile profile, IEnumerable<string> requestTypeIds)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(requestTypeIds);

        var quotes = requestTypeIds
            .Distinct(StringComparer.Ordinal)
            .Select(id => profile.Offer(id) ?? throw new DomainException("profile.type-not-offered", $"The policy {profile.Id} does not offer the request type {id}.", id))
            .Select(offer => offer.Fee)
            .Distinct(StringComparer.Ordinal)
            .Select(fee => ForFee(profile, fee))
            .ToList();

        if (quotes.Count == 0)
        {
            return None;
        }

        // The least certain outcome wins: an unpublished amount cannot be added to a published one.
        if (quotes.Any(q => q.Outcome == FeeOutcome.AmountNotPublished))
        {
            return quotes.First(q => q.Outcome == FeeOutcome.AmountNotPublished);
        }

        if (quotes.Any(q => q.Outcome == FeeOutcome.NotMentioned))
        {
            return quotes.First(q => q.Outcome == FeeOutcome.NotMentioned);
        }

        var charged = quotes.Where(q => q.Outcome == FeeOutcome.Charged).ToList();
        return charged.Count switch
        {
            0 => None,
            1 => charged[0],
            _ => charged.Aggregate((a, b) => a with
            {
                Net = a.Net!.Value + b.Net!.Value,
                Tax = a.Tax!.Value + b.Tax!.Value,
                Total = a.Total!.Value + b.Total!.Value,
            }),
        };
    }

    private static FeeQuote ForFee(ProcedureProfile profile, string fee)
    {
        if (fee == RequestTypeOffer.NoFee)
        {
            return None;
        }

        if (fee == RequestTypeOffer.FeeNotMentioned)
        {
            return new FeeQuote(FeeOutcome.NotMentioned, null, null, null, null, null, null);
        }

        var schedule = profile.FindFee(fee) ?? throw new DomainException("profile.fee-missing", $"The policy {profile.Id} has no fee {fee}.", fee);
        if (!schedule.Amount.IsPublished())
        {
            return new FeeQuote(FeeOutcome.AmountNotPublished, null, null, null, null, null, schedule);
        }

        var amount = schedule.Amount;
        var currency = amount.Currency!;
        var rate = amount.TaxRatePercent ?? 0;
        var published = amount.Minor!.Value;
        var (net, tax) = amount.Tax switch
        {
            TaxTreatment.Excluded => (published, ConsumptionTax.On(published, rate)),
            // Included: the tax inside a tax-inclusive amount, rounded down like the forward calculation.
            TaxTreatment.Included => (published - (published * rate / (100 + rate)), published * rate / (100 + rate)),
            TaxTreatment.NotApplicable or null => (published, 0L),
        };

        return new FeeQuote(
            FeeOutcome.Charged,
            new Money(net, currency),
            new Money(tax, currency),
            new Money(net + tax, currency),
            amount.Tax is TaxTreatment.NotApplicable or null ? null : rate,
            amount.Tax,
            schedule);
    }

    public static FeeQuote For(ProcedureProfile profile, string requestTypeId) => For(profile, [requestTypeId]);

    /// <summary>
    /// The last day to pay when the fee is requested on <paramref name="requestedOn"/>: the window counted in
    /// calendar days, the day of the request not counted. Null when there is no fee or the policy publishes no
    /// window in days (then the notice states the date the officer sets).
    /// </summary>
    public DateOnly? PaymentDueOn(DateOnly requestedOn) =>
        Outcome is FeeOutcome.Charged or FeeOutcome.AmountNotPublished && Schedule?.Payment.WindowDays is { } days
            ? requestedOn.AddDays(days)
            : null;

    /// <summary>What happens when the window passes unpaid: true when the request is then treated as never made.</summary>
    public bool UnpaidMeansDeemedNotMade => Schedule?.Payment.WhenUnpaid == "deemed-not-made";

    /// <summary>A sentence for people, e.g. "1,100 yen (1,000 yen + 10% consumption tax)".</summary>
    public string Describe(string language) => Outcome switch
    {
        FeeOutcome.Charged when PublishedTax == TaxTreatment.Excluded || PublishedTax == TaxTreatment.Included =>
            TextCatalogue.Format(language, "Fee.WithTax", Total!.Value.Format(language), Net!.Value.Format(language), TaxRatePercent),
        FeeOutcome.Charged => Total!.Value.Format(language),
        _ => TextCatalogue.Text(language, $"Fee.{Outcome}"),
    };
}
