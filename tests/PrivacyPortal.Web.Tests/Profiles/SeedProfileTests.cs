using PrivacyPortal.Domain.Common;
using PrivacyPortal.Domain.Fees;
using PrivacyPortal.Domain.Requests;
using PrivacyPortal.Infrastructure.Profiles;
using PrivacyPortal.Web.Tests.Support;

namespace PrivacyPortal.Web.Tests.Profiles;

/// <summary>The facts transcribed from the five seed policies.</summary>
public sealed class SeedProfileTests
{
    private static readonly ProfileCatalog Catalog = ProfileLoader.LoadDirectory(RepoPaths.Seeds);

    private static Domain.Controllers.ProcedureProfile Profile(string id) => Catalog.Find(id)!.Profile;

    [Fact]
    public void AllFivePolicies_Load_WithTheirStableIds() =>
        Assert.Equal(
            ["nec-univerge-st500", "nec-website", "netone", "ntt-resonant", "ntt-smartconnect"],
            Catalog.Profiles.Select(p => p.Profile.Id).Order(StringComparer.Ordinal));

    [Theory]
    [InlineData("nec-univerge-st500", "000_2fd8876441febc1d.txt")]
    [InlineData("nec-website", "001_b7a09e8f17e5c1cb.txt")]
    [InlineData("netone", "002_d4effd89a750575d.txt")]
    [InlineData("ntt-resonant", "003_9467c4d540cdecf2.txt")]
    [InlineData("ntt-smartconnect", "004_e9f01793affdb778.txt")]
    public void EachProfile_NamesItsSourceDocument(string id, string file) =>
        Assert.Equal(file, Profile(id).Policy.SourceFile);

    [Fact]
    public void NecsTwoPolicies_BelongToOneController()
    {
        var nec = Catalog.Profiles.Where(p => p.Controller.Id == "nec").Select(p => p.Profile.Id).ToList();

        Assert.Equal(["nec-univerge-st500", "nec-website"], nec);
    }

    [Fact]
    public void NttSmartConnect_ChargesAThousandYenPlusTax_PerRequest_ForDisclosure()
    {
        var fee = Profile("ntt-smartconnect").FindFee(Profile("ntt-smartconnect").Offer("disclosure")!.Fee)!;

        Assert.Equal(1000, fee.Amount.Minor);
        Assert.Equal("JPY", fee.Amount.Currency);
        Assert.Equal(TaxTreatment.Excluded, fee.Amount.Tax);
        Assert.Equal(10, fee.Amount.TaxRatePercent);
        Assert.Equal("deemed-not-made", fee.Payment.WhenUnpaid);
        Assert.Equal(2, fee.Payment.Methods.Count);
    }

    [Fact]
    public void NttSmartConnect_ListsItsIdentityAndProxyDocuments_AndRefusalGrounds()
    {
        var profile = Profile("ntt-smartconnect");

        Assert.Equal(["drivers-licence", "my-number-card", "passport", "other-public-document"], profile.Identity.Person.Documents.Select(d => d.Kind));
        Assert.Equal(["power-of-attorney", "seal-certificate"], profile.Identity.AppointedAgent.Documents.Select(d => d.Kind));
        Assert.Contains(profile.Identity.LegalRepresentative.Documents, d => d.Kind == "family-register");
        Assert.Equal(9, profile.RefusalGrounds.Grounds.Count);
        Assert.Equal("kojin@nttsmc.com", profile.Desk!.Email);
    }

    [Fact]
    public void NttSmartConnect_RefusalCases_AreOfferedOnlyForTheTypesItsSectionsStateThemFor()
    {
        var profile = Profile("ntt-smartconnect");

        // X.1 lists its cases for disclosure; X.2(1) sets the conditions for correction etc.; X's opening clause covers all.
        var disclosure = DecisionGround.For(profile, ["disclosure"]).Select(g => g.Code).ToList();
        var correction = DecisionGround.For(profile, ["correction"]).Select(g => g.Code).ToList();
        Assert.Contains("policy-harm-to-life-or-rights", disclosure);
        Assert.DoesNotContain("policy-harm-to-life-or-rights", correction);
        Assert.DoesNotContain("policy-harm-to-life-or-rights", DecisionGround.For(profile, ["suspension"]).Select(g => g.Code));
        Assert.Contains("policy-not-false-or-inappropriate", correction);
        Assert.DoesNotContain("policy-not-false-or-inappropriate", disclosure);
        Assert.Contains("policy-legal-procedure-hindered", correction);
        Assert.Contains("policy-legal-procedure-hindered", disclosure);
    }

    [Fact]
    public void TheCorrectedProfileFacts_AreAsTheirSectionsGiveThem()
    {
        // nec-website names only "this website" as its means of contact: no form URL is invented.
        Assert.Null(Profile("nec-website").Desk!.WebForm);
        // The under-16 sentence is about consent to providing data, not about who may file for a child.
        Assert.Null(Profile("nec-website").Identity.LegalRepresentative.Note);
        // Net One's policy is signed by an executive; it names no person responsible, nor whether legal representatives may file.
        Assert.Null(Profile("netone").Officer);
        Assert.Null(Profile("netone").Identity.LegalRepresentative.Accepted);
        // NTT Resonant keeps submitted documents for its retention period.
        Assert.True(Profile("ntt-resonant").Identity.KeepDocumentImagesAfterVerification);
        Assert.StartsWith("Personal information officer", Profile("ntt-smartconnect").Desk!.Name.En, StringComparison.Ordinal);
        Assert.Equal("deemed-not-made", Profile("ntt-smartconnect").Fees[0].Payment.WhenUnpaid);
        Assert.NotNull(Profile("ntt-smartconnect").Fees[0].Payment.Shortfall);
    }

    [Theory]
    [InlineData("netone")]
    [InlineData("ntt-resonant")]
    public void FeeAmountsThePolicyDoesNotState_AreNotPublished(string id) =>
        Assert.Equal(FeeOutcome.AmountNotPublished, FeeQuote.For(Profile(id), "disclosure").Outcome);

    [Fact]
    public void NttResonant_KeepsRequestDocumentsOneYearFromTheFiscalYearOfCompletion()
    {
        var retention = Profile("ntt-resonant").Retention;

        Assert.Equal(PublicationStatus.Published, retention.Status);
        Assert.Equal(1, retention.Years);
        Assert.Equal("fiscal-year-of-completion", retention.From);
        Assert.Equal(4, retention.FiscalYearStartMonth);
    }

    [Fact]
    public void NttResonant_NamesItsFourFormsWithTheirNumbers() =>
        Assert.Equal(
            ["Form 1-1", "Form 2-1", "Form 3-1", "Form 4-1"],
            Profile("ntt-resonant").RequestTypes.Where(o => o.Form is not null).Select(o => o.Form!.Number));

    [Theory]
    [InlineData("netone", "JIPDEC")]
    [InlineData("ntt-smartconnect", "JIPDEC")]
    public void JipdecIsTheComplaintBody_WhereThePolicyNamesIt(string id, string body) =>
        Assert.Equal(body, Assert.Single(Profile(id).Complaints).Name.En);

    [Theory]
    [InlineData("nec-univerge-st500")]
    [InlineData("nec-website")]
    public void NecPolicies_OfferTheGdprRights_AndASupervisoryAuthority(string id)
    {
        var profile = Profile(id);

        Assert.Contains("gdpr", profile.Regimes);
        Assert.All(
            RequestType.All.Where(t => t.Regime == Regime.Gdpr),
            t => Assert.True(profile.Offer(t.Id) is { NamedInPolicy: true }, t.Id));
        Assert.Equal("supervisory-authority", Assert.Single(profile.Complaints).Kind);
    }

    [Fact]
    public void EveryPolicy_OffersTheCurrentStatutoryAppiRequests_AndMarksWhichItNames()
    {
        foreach (var snapshot in Catalog.Profiles)
        {
            var offered = snapshot.Profile.AcceptedTypes().Select(t => t.Type.Id).ToHashSet();
            Assert.Superset(RequestType.All.Where(t => t.Regime == Regime.Appi).Select(t => t.Id).ToHashSet(), offered);
        }

        Assert.False(Profile("netone").Offer("stop-provision")!.NamedInPolicy);
        Assert.True(Profile("ntt-smartconnect").Offer("stop-provision")!.NamedInPolicy);
    }

    [Fact]
    public void EveryFact_NamesItsSection()
    {
        foreach (var profile in Catalog.Profiles.Select(p => p.Profile))
        {
            Assert.All(profile.RequestTypes, o => Assert.False(string.IsNullOrWhiteSpace(o.Source), $"{profile.Id} {o.Type}"));
            Assert.All(profile.Fees, f => Assert.False(string.IsNullOrWhiteSpace(f.Source), $"{profile.Id} {f.Id}"));
            Assert.False(string.IsNullOrWhiteSpace(profile.Desk!.Source), profile.Id);
            Assert.False(string.IsNullOrWhiteSpace(profile.Identity.Person.Source), profile.Id);
            Assert.False(string.IsNullOrWhiteSpace(profile.Retention.Source), profile.Id);
        }
    }

    [Fact]
    public void ReferencePrefixes_AreDistinct() =>
        Assert.Equal(["NEC", "NETONE", "NTTR", "NTTSMC"], Catalog.Profiles.Select(p => p.Controller.ReferencePrefix).Distinct().Order(StringComparer.Ordinal));
}
