using PrivacyPortal.Domain.Common;
using PrivacyPortal.Domain.Controllers;
using PrivacyPortal.Domain.Fees;

namespace PrivacyPortal.Domain.Tests.Controllers;

/// <summary>A small valid APPI profile to bend in each test.</summary>
public static class ProfileBuilder
{
    public static FeeSchedule PublishedFee(long minor = 1000, TaxTreatment tax = TaxTreatment.Excluded, int? rate = 10, string id = "request-fee") => new()
    {
        Id = id,
        Amount = new FeeAmount { Status = PublicationStatus.Published, Minor = minor, Currency = "JPY", Tax = tax, TaxRatePercent = rate },
        Payment = new PaymentTerms { Status = PublicationStatus.NotPublished },
        Source = "fees section",
    };

    public static FeeSchedule UnpublishedFee(string id = "request-fee") => new()
    {
        Id = id,
        Charge = "may",
        Amount = new FeeAmount { Status = PublicationStatus.NotPublished },
        Payment = new PaymentTerms { Status = PublicationStatus.NotPublished },
        Source = "fees section",
    };

    public static RequestTypeOffer Offer(string type, string fee = RequestTypeOffer.NoFee) =>
        new() { Type = type, Channels = ["mail"], Fee = fee, NamedInPolicy = true, Source = "requests section" };

    public static ProcedureProfile Appi(params FeeSchedule[] fees) => new()
    {
        Id = "example",
        ControllerId = "example-co",
        Policy = new PolicyDocument { Title = LocalizedText.Of("例", "Example"), SourceFile = "example.txt" },
        Regimes = ["appi"],
        Desk = new ContactDesk { Name = LocalizedText.Of("窓口", "Desk"), Source = "desk section" },
        Fees = fees,
        RequestTypes =
        [
            Offer("disclosure", fees.Length > 0 ? fees[0].Id : RequestTypeOffer.NoFee),
            Offer("third-party-records", fees.Length > 0 ? fees[0].Id : RequestTypeOffer.NoFee),
            Offer("correction"),
            Offer("suspension"),
            Offer("stop-provision"),
        ],
        Identity = new IdentityRequirements
        {
            Person = new PartyDocuments { Status = PublicationStatus.Published, Documents = [new DocumentRequirement { Kind = "passport" }], Source = "id section" },
            LegalRepresentative = new PartyDocuments { Status = PublicationStatus.NotPublished, Source = "not stated" },
            AppointedAgent = new PartyDocuments { Status = PublicationStatus.NotPublished, Source = "not stated" },
        },
        RefusalGrounds = new RefusalGrounds { Status = PublicationStatus.NotPublished, Source = "not stated" },
        Retention = new RetentionRule { Status = PublicationStatus.NotPublished, Source = "not stated" },
    };

    /// <summary>The profile with records kept one year from completion (Civil Code Arts. 140, 143: disposed of from the day after).</summary>
    public static ProcedureProfile KeptOneYear(this ProcedureProfile profile) =>
        profile with { Retention = new RetentionRule { Status = PublicationStatus.Published, Years = 1, From = "completion", Source = "retention section" } };

    public static ProcedureProfile WithOffer(this ProcedureProfile profile, RequestTypeOffer offer) =>
        profile with { RequestTypes = [.. profile.RequestTypes.Where(o => o.Type != offer.Type), offer] };
}
