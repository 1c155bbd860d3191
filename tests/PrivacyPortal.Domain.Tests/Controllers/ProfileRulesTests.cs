using PrivacyPortal.Domain.Common;
using PrivacyPortal.Domain.Controllers;
using PrivacyPortal.Domain.Fees;

namespace PrivacyPortal.Domain.Tests.Controllers;

public sealed class ProfileRulesTests
{
    private static ProfileProblem Single(ProcedureProfile profile) => Assert.Single(ProfileRules.Check(profile));

    [Fact]
    public void AValidProfile_HasNoProblems() =>
        Assert.Empty(ProfileRules.Check(ProfileBuilder.Appi(ProfileBuilder.PublishedFee())));

    [Theory]
    [InlineData("correction")]
    [InlineData("suspension")]
    [InlineData("stop-provision")]
    public void AFee_OnARequestOtherThanPurposeOrDisclosure_IsRefused_AppiArt38(string type)
    {
        var profile = ProfileBuilder.Appi(ProfileBuilder.PublishedFee()).WithOffer(ProfileBuilder.Offer(type, "request-fee"));

        var problem = Single(profile);

        Assert.Matches(@"^requestTypes\[\d+\]\.fee$", problem.Field);
        Assert.Contains("APPI Art. 38", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NotMentioned_IsAlsoRefused_OnCorrection_BecauseTheLawMakesItFree()
    {
        var profile = ProfileBuilder.Appi().WithOffer(ProfileBuilder.Offer("correction", RequestTypeOffer.FeeNotMentioned));

        Assert.Contains("APPI Art. 38", Single(profile).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AFee_OnAGdprRequest_IsRefused_GdprArt12_5()
    {
        var profile = ProfileBuilder.Appi(ProfileBuilder.PublishedFee()) with { Regimes = ["appi", "gdpr"] };
        profile = profile.WithOffer(ProfileBuilder.Offer("erasure", "request-fee"));

        Assert.Contains("GDPR Art. 12(5)", Single(profile).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AFee_OnPurposeNotification_IsAllowed()
    {
        var profile = ProfileBuilder.Appi(ProfileBuilder.PublishedFee()).WithOffer(ProfileBuilder.Offer("purpose-notification", "request-fee"));

        Assert.Empty(ProfileRules.Check(profile));
    }

    [Fact]
    public void AnUnknownRequestType_IsNamedWithTheKnownOnes()
    {
        var profile = ProfileBuilder.Appi().WithOffer(ProfileBuilder.Offer("deletion"));

        var problem = Single(profile);

        Assert.Matches(@"^requestTypes\[\d+\]\.type$", problem.Field);
        Assert.Contains("unknown request type 'deletion'", problem.Message, StringComparison.Ordinal);
        Assert.Contains("suspension", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void APublishedAmount_WithoutCurrency_IsRefused()
    {
        var fee = ProfileBuilder.PublishedFee();
        var profile = ProfileBuilder.Appi(fee with { Amount = fee.Amount with { Currency = null } });

        var problem = Single(profile);

        Assert.Equal("fees[0].amount.currency", problem.Field);
        Assert.Contains("required", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("yen")]
    [InlineData("JP")]
    public void ACurrency_ThatIsNotAnIsoCode_IsRefused(string currency)
    {
        var fee = ProfileBuilder.PublishedFee();
        var profile = ProfileBuilder.Appi(fee with { Amount = fee.Amount with { Currency = currency } });

        Assert.Equal("fees[0].amount.currency", Single(profile).Field);
    }

    [Fact]
    public void APublishedAmount_WithoutTaxTreatment_IsRefused()
    {
        var fee = ProfileBuilder.PublishedFee();
        var profile = ProfileBuilder.Appi(fee with { Amount = fee.Amount with { Tax = null } });

        Assert.Equal("fees[0].amount.tax", Single(profile).Field);
    }

    [Fact]
    public void ATaxExcludedAmount_WithoutARate_IsRefused()
    {
        var profile = ProfileBuilder.Appi(ProfileBuilder.PublishedFee(rate: null));

        Assert.Equal("fees[0].amount.taxRatePercent", Single(profile).Field);
    }

    [Fact]
    public void AnUnpublishedAmount_MustNotCarryANumber()
    {
        var fee = ProfileBuilder.UnpublishedFee();
        var profile = ProfileBuilder.Appi(fee with { Amount = fee.Amount with { Minor = 500 } });

        Assert.Equal("fees[0].amount.minor", Single(profile).Field);
    }

    [Fact]
    public void ARequestType_ReferringToAMissingFee_IsRefused()
    {
        var profile = ProfileBuilder.Appi().WithOffer(ProfileBuilder.Offer("disclosure", "disclosure-fee"));

        var problem = Single(profile);

        Assert.Contains("'disclosure-fee'", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AGdprRequestType_InAnAppiOnlyProfile_IsRefused()
    {
        var profile = ProfileBuilder.Appi().WithOffer(ProfileBuilder.Offer("access"));

        Assert.Contains("gdpr", Single(profile).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ARequestType_ListedTwice_IsRefused()
    {
        var profile = ProfileBuilder.Appi() with { RequestTypes = [ProfileBuilder.Offer("correction"), ProfileBuilder.Offer("correction")] };

        Assert.Contains("listed twice", Single(profile).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnknownDocumentKind_IsRefused()
    {
        var profile = ProfileBuilder.Appi();
        profile = profile with
        {
            Identity = profile.Identity with
            {
                Person = profile.Identity.Person with { Documents = [new DocumentRequirement { Kind = "my-number-card-back" }] },
            },
        };

        Assert.Equal("identity.person.documents[0].kind", Single(profile).Field);
    }

    [Fact]
    public void APublishedRetention_NeedsYearsAndAStart()
    {
        var profile = ProfileBuilder.Appi() with
        {
            Retention = new RetentionRule { Status = PublicationStatus.Published, Source = "retention section" },
        };

        var fields = ProfileRules.Check(profile).Select(p => p.Field).ToList();

        Assert.Equal(["retention.years", "retention.from"], fields);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(91, 10)]
    [InlineData(14, 15)]
    public void TargetsOutOfRange_AreRefused(int target, int escalation)
    {
        var profile = ProfileBuilder.Appi() with { Targets = new ResponseTargets { InternalTargetDays = target, EscalationDays = escalation } };

        Assert.NotEmpty(ProfileRules.Check(profile));
    }

    [Theory]
    [InlineData("")]
    [InlineData("NTT_SMC")]
    [InlineData("Upper")]
    [InlineData("double--hyphen")]
    public void ABadId_IsRefused(string id)
    {
        var profile = ProfileBuilder.Appi() with { Id = id };

        Assert.Equal("id", Single(profile).Field);
    }

    [Fact]
    public void AControllerWithoutReferencePrefix_IsRefused()
    {
        var controller = new DataControllerProfile
        {
            Id = "example-co",
            Name = LocalizedText.Of("例", "Example"),
            ReferencePrefix = "ex",
            Source = new SourceReference { File = "example.txt", Section = "1" },
        };

        Assert.Equal("referencePrefix", Assert.Single(ProfileRules.Check(controller)).Field);
    }

    [Fact]
    public void AUnknownRegime_IsRefused()
    {
        var profile = ProfileBuilder.Appi() with { Regimes = ["appi", "pipeda"] };

        Assert.Equal("regimes[1]", Single(profile).Field);
    }

    [Fact]
    public void TaxTreatmentNotApplicable_NeedsNoRate()
    {
        var profile = ProfileBuilder.Appi(ProfileBuilder.PublishedFee(tax: TaxTreatment.NotApplicable, rate: null));

        Assert.Empty(ProfileRules.Check(profile));
    }
}

public sealed class DisclosureMethodRulesTests
{
    private static readonly DisclosureMethodOffer Viewing = new() { Id = "viewing", Name = LocalizedText.Of("窓口での閲覧", "Viewing at our office") };

    [Fact]
    public void APolicyMayAddItsOwnMethod() =>
        Assert.Empty(ProfileRules.Check(ProfileBuilder.Appi().WithOffer(ProfileBuilder.Offer("disclosure") with { OtherDisclosureMethods = [Viewing] })));

    [Theory]
    [InlineData("paper")]
    [InlineData("electronic")]
    public void TheStatutoryMethods_CannotBeRedefinedByAProfile(string id)
    {
        var offer = ProfileBuilder.Offer("disclosure") with { OtherDisclosureMethods = [Viewing with { Id = id }] };

        Assert.EndsWith(".otherDisclosureMethods[0].id", Assert.Single(ProfileRules.Check(ProfileBuilder.Appi().WithOffer(offer))).Field, StringComparison.Ordinal);
    }

    [Fact]
    public void MethodsOnARequestWithoutDisclosure_AreRefused() =>
        Assert.Contains(
            "no disclosure method",
            Assert.Single(ProfileRules.Check(ProfileBuilder.Appi().WithOffer(ProfileBuilder.Offer("correction") with { OtherDisclosureMethods = [Viewing] }))).Message,
            StringComparison.Ordinal);
}
