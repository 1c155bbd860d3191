using PrivacyPortal.Domain.Common;
using PrivacyPortal.Domain.Controllers;
using PrivacyPortal.Domain.Deadlines;
using PrivacyPortal.Domain.Fees;
using PrivacyPortal.Domain.Requests;
using PrivacyPortal.Domain.Tests.Controllers;
using PrivacyPortal.Domain.Tests.Requests;

namespace PrivacyPortal.Domain.Tests.Cases;

/// <summary>Fees the officer sets where the law allows one and the policy publishes no amount (LEGAL.md, Fees; GDPR Arts. 12(5)(a), 15(3)).</summary>
public sealed class OfficerSetFeeTests
{
    private static readonly DateTime Now = new(2026, 11, 24, 1, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly Today = new(2026, 11, 24);

    // Net One: "a fee may be collected depending on the details of the request", no amount published.
    private static readonly ProcedureProfile Unpublished = ProfileBuilder.Appi(ProfileBuilder.UnpublishedFee());

    private static readonly ProcedureProfile Gdpr = ProfileBuilder.Appi() with
    {
        Regimes = ["appi", "gdpr"],
        RequestTypes = [.. RequestType.All.Select(t => ProfileBuilder.Offer(t.Id))],
    };

    private static readonly ProcedureProfile GdprCharging = Gdpr with
    {
        GdprFees = new GdprFees { ManifestlyUnfoundedOrExcessive = true, FurtherCopies = true, Source = "s" },
    };

    private static PrivacyRequest Received(ProcedureProfile profile, params string[] types) =>
        PrivacyRequestBuilder.For(profile).WithTypes(types).FiledAt(Now).Received();

    private static void Refused(string code, Action action) =>
        Assert.Equal(code, Assert.Throws<DomainException>(action).Code);

    [Fact]
    public void AnUnpublishedAppiFee_IsSetByTheOfficer_WithReasonsAndALastDay()
    {
        var request = Received(Unpublished, "disclosure");
        var rules = DeadlineRules.For(Unpublished);

        Assert.Equal([FeeBases.AppiUnpublished], request.SetFeeBases(Unpublished));
        Refused("fee.reasons", () => request.SetFee("o", FeeBases.AppiUnpublished, new Money(550, "JPY"), " ", Today.AddDays(14), Unpublished, rules, Now));
        Refused("fee.pay-by", () => request.SetFee("o", FeeBases.AppiUnpublished, new Money(550, "JPY"), "Copying 40 pages.", Today, Unpublished, rules, Now));
        Refused("fee.amount", () => request.SetFee("o", FeeBases.AppiUnpublished, new Money(0, "JPY"), "Copying 40 pages.", Today.AddDays(14), Unpublished, rules, Now));
        request.SetFee("o", FeeBases.AppiUnpublished, new Money(550, "JPY"), "Copying and posting 40 pages.", Today.AddDays(14), Unpublished, rules, Now);

        Assert.Equal((RequestStatus.AwaitingFee, 550L, FeeBases.AppiUnpublished, Today.AddDays(14)), (request.Status, request.Fee.AmountMinor!.Value, request.Fee.Basis!, request.Fee.PayBy!.Value));
        Assert.Equal("fee-set", request.AuditEvents[^1].Action);
        Assert.Single(request.Letters, l => l.Kind == LetterKind.FeeRequest);
    }

    [Fact]
    public void AFeeRequest_AlwaysNamesItsLastDay_ThePolicysWindowOrTheDayTheOfficerSets()
    {
        // NTT SmartConnect: a published amount, paid "within the period the company designates".
        var designating = ProfileBuilder.Appi(ProfileBuilder.PublishedFee(1000));
        var request = Received(designating, "disclosure");
        var quote = FeeQuote.For(designating, ["disclosure"]);

        Refused("fee.pay-by-required", () => request.RequestFee("o", quote, DeadlineRules.For(designating), Now));
        Assert.Equal(RequestStatus.Received, request.Status);
        request.RequestFee("o", quote, DeadlineRules.For(designating), Now, Today.AddDays(14));
        Assert.Equal(Today.AddDays(14), request.Fee.PayBy);
    }

    [Fact]
    public void NoFee_CanBeSetOnACorrection_APPIArt38()
    {
        var request = Received(Unpublished, "correction");

        Assert.Empty(request.SetFeeBases(Unpublished));
        Refused("fee.basis", () => request.SetFee("o", FeeBases.AppiUnpublished, new Money(550, "JPY"), "r", Today.AddDays(14), Unpublished, DeadlineRules.For(Unpublished), Now));
    }

    [Fact]
    public void GdprFees_AreOnlyThoseTheGdprAllows_AndOnlyWhereTheProfileChargesThem()
    {
        Assert.Empty(Received(Gdpr, "access").SetFeeBases(Gdpr));
        Assert.Equal([FeeBases.GdprExcessive, FeeBases.GdprFurtherCopies], Received(GdprCharging, "access").SetFeeBases(GdprCharging));

        // Art. 15(3) is about copies of the data: it answers access, not erasure.
        var erasure = Received(GdprCharging, "erasure");
        Assert.Equal([FeeBases.GdprExcessive], erasure.SetFeeBases(GdprCharging));
        Refused("fee.basis", () => erasure.SetFee("o", FeeBases.GdprFurtherCopies, new Money(1000, "JPY"), "r", Today.AddDays(14), GdprCharging, DeadlineRules.For(GdprCharging), Now));

        var access = Received(GdprCharging, "access");
        access.SetFee("o", FeeBases.GdprFurtherCopies, new Money(1000, "JPY"), "A third copy of the same data in a month.", Today.AddDays(14), GdprCharging, DeadlineRules.For(GdprCharging), Now);
        Assert.Equal(FeeBases.GdprFurtherCopies, access.Fee.Basis);
    }
}
