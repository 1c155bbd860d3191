using PrivacyPortal.Domain.Common;
using PrivacyPortal.Domain.Controllers;
using PrivacyPortal.Domain.Fees;
using PrivacyPortal.Domain.Tests.Controllers;

namespace PrivacyPortal.Domain.Tests.Fees;

public sealed class FeeQuoteTests
{
    [Fact]
    public void AThousandYenPlusConsumptionTax_Is1100YenIncludingTax()
    {
        var quote = FeeQuote.For(ProfileBuilder.Appi(ProfileBuilder.PublishedFee(1000)), "disclosure");

        Assert.Equal(FeeOutcome.Charged, quote.Outcome);
        Assert.Equal(new Money(1000, "JPY"), quote.Net);
        Assert.Equal(new Money(100, "JPY"), quote.Tax);
        Assert.Equal(new Money(1100, "JPY"), quote.Total);
    }

    [Theory]
    [InlineData(999, 99, 1098)]
    [InlineData(1, 0, 1)]
    [InlineData(0, 0, 0)]
    [InlineData(305, 30, 335)]
    public void ConsumptionTax_IsRoundedDownToTheYen(long net, long tax, long total)
    {
        var quote = FeeQuote.For(ProfileBuilder.Appi(ProfileBuilder.PublishedFee(net)), "disclosure");

        Assert.Equal(tax, quote.Tax!.Value.Minor);
        Assert.Equal(total, quote.Total!.Value.Minor);
    }

    [Fact]
    public void ATaxInclusiveAmount_IsSplitIntoNetAndTax()
    {
        var quote = FeeQuote.For(ProfileBuilder.Appi(ProfileBuilder.PublishedFee(1100, TaxTreatment.Included)), "disclosure");

        Assert.Equal(1100, quote.Total!.Value.Minor);
        Assert.Equal(100, quote.Tax!.Value.Minor);
        Assert.Equal(1000, quote.Net!.Value.Minor);
    }

    [Theory]
    [InlineData("correction")]
    [InlineData("suspension")]
    [InlineData("stop-provision")]
    public void Correction_Suspension_And_StopProvision_AreFree(string type)
    {
        var quote = FeeQuote.For(ProfileBuilder.Appi(ProfileBuilder.PublishedFee()), type);

        Assert.Equal(FeeOutcome.None, quote.Outcome);
        Assert.Null(quote.Total);
    }

    [Fact]
    public void ARequestCombiningDisclosureAndCorrection_PaysTheDisclosureFeeOnce()
    {
        var quote = FeeQuote.For(ProfileBuilder.Appi(ProfileBuilder.PublishedFee()), ["disclosure", "correction"]);

        Assert.Equal(new Money(1100, "JPY"), quote.Total);
    }

    [Fact]
    public void ARequestCombiningTwoTypesUnderOneFee_PaysItOnce()
    {
        var quote = FeeQuote.For(ProfileBuilder.Appi(ProfileBuilder.PublishedFee()), ["disclosure", "third-party-records", "disclosure"]);

        Assert.Equal(new Money(1100, "JPY"), quote.Total);
    }

    [Fact]
    public void AnUnpublishedAmount_IsReportedAsSuch_NeverAsANumber()
    {
        var quote = FeeQuote.For(ProfileBuilder.Appi(ProfileBuilder.UnpublishedFee()), "disclosure");

        Assert.Equal(FeeOutcome.AmountNotPublished, quote.Outcome);
        Assert.Null(quote.Total);
        Assert.Contains("not published", quote.Describe("en"), StringComparison.Ordinal);
        Assert.Contains("公表されていません", quote.Describe("ja"), StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnpublishedAmount_WinsOverAPublishedOne_InACombinedRequest()
    {
        var profile = ProfileBuilder.Appi(ProfileBuilder.PublishedFee(), ProfileBuilder.UnpublishedFee("records-fee"))
            .WithOffer(ProfileBuilder.Offer("third-party-records", "records-fee"));

        Assert.Equal(FeeOutcome.AmountNotPublished, FeeQuote.For(profile, ["disclosure", "third-party-records"]).Outcome);
    }

    [Fact]
    public void APolicySilentOnFees_SaysSo()
    {
        var profile = ProfileBuilder.Appi().WithOffer(ProfileBuilder.Offer("disclosure", RequestTypeOffer.FeeNotMentioned));

        var quote = FeeQuote.For(profile, "disclosure");

        Assert.Equal(FeeOutcome.NotMentioned, quote.Outcome);
        Assert.Equal("The policy does not mention a fee", quote.Describe("en"));
    }

    [Fact]
    public void ATypeThePolicyDoesNotOffer_IsADomainError()
    {
        var error = Assert.Throws<DomainException>(() => FeeQuote.For(ProfileBuilder.Appi(), "access"));

        Assert.Contains("access", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "1,100 yen including tax (1,000 yen + 10% consumption tax)")]
    [InlineData("ja", "1,100円（税込。本体1,000円＋消費税10%）")]
    public void TheFee_IsDescribedInBothLanguages(string language, string expected) =>
        Assert.Equal(expected, FeeQuote.For(ProfileBuilder.Appi(ProfileBuilder.PublishedFee()), "disclosure").Describe(language));
}

public sealed class FeePaymentWindowTests
{
    [Fact]
    public void APublishedWindow_GivesThePaymentDueDate()
    {
        var fee = ProfileBuilder.PublishedFee();
        var profile = ProfileBuilder.Appi(fee with { Payment = fee.Payment with { Status = PublicationStatus.Published, WindowDays = 14, WhenUnpaid = "deemed-not-made" } });

        var quote = FeeQuote.For(profile, "disclosure");

        Assert.Equal(new DateOnly(2026, 12, 8), quote.PaymentDueOn(new DateOnly(2026, 11, 24)));
        Assert.True(quote.UnpaidMeansDeemedNotMade);
    }

    [Fact]
    public void NoPublishedWindow_GivesNoDate() =>
        Assert.Null(FeeQuote.For(ProfileBuilder.Appi(ProfileBuilder.PublishedFee()), "disclosure").PaymentDueOn(new DateOnly(2026, 11, 24)));

    [Fact]
    public void AFreeRequest_HasNoPaymentDate()
    {
        var fee = ProfileBuilder.PublishedFee();
        var profile = ProfileBuilder.Appi(fee with { Payment = fee.Payment with { WindowDays = 14 } });

        Assert.Null(FeeQuote.For(profile, "correction").PaymentDueOn(new DateOnly(2026, 11, 24)));
    }
}
