using PrivacyPortal.Domain.Common;

namespace PrivacyPortal.Domain.Verification;

/// <summary>
/// A kind of document that proves identity or authority, with what must be masked before sending it.
/// Masking rules are common practice in Japan: never the back of a My Number card, never an insurer number.
/// </summary>
public sealed record IdentityDocumentKind(string Id, LocalizedText Name, bool HasPhoto, LocalizedText? Mask)
{
    public static readonly IdentityDocumentKind DriversLicence = new(
        "drivers-licence", LocalizedText.Catalogued("IdentityDocument.drivers-licence.Name"), HasPhoto: true,
        LocalizedText.Catalogued("IdentityDocument.drivers-licence.Mask"));

    public static readonly IdentityDocumentKind MyNumberCard = new(
        "my-number-card", LocalizedText.Catalogued("IdentityDocument.my-number-card.Name"), HasPhoto: true,
        LocalizedText.Catalogued("IdentityDocument.my-number-card.Mask"));

    public static readonly IdentityDocumentKind Passport = new(
        "passport", LocalizedText.Catalogued("IdentityDocument.passport.Name"), HasPhoto: true, Mask: null);

    public static readonly IdentityDocumentKind ResidenceCard = new(
        "residence-card", LocalizedText.Catalogued("IdentityDocument.residence-card.Name"), HasPhoto: true, Mask: null);

    // Paper health-insurance cards (被保険者証) ceased to be valid after 2025-12-01; those without a My Number card
    // registered for health insurance hold an eligibility certificate (資格確認書) instead. The id is kept for the
    // checks already recorded under it.
    public static readonly IdentityDocumentKind HealthInsuranceCertificate = new(
        "health-insurance-certificate", LocalizedText.Catalogued("IdentityDocument.health-insurance-certificate.Name"), HasPhoto: false,
        LocalizedText.Catalogued("IdentityDocument.health-insurance-certificate.Mask"));

    public static readonly IdentityDocumentKind PensionBook = new(
        "pension-book", LocalizedText.Catalogued("IdentityDocument.pension-book.Name"), HasPhoto: false,
        LocalizedText.Catalogued("IdentityDocument.pension-book.Mask"));

    public static readonly IdentityDocumentKind ResidenceCertificate = new(
        "residence-certificate", LocalizedText.Catalogued("IdentityDocument.residence-certificate.Name"), HasPhoto: false,
        LocalizedText.Catalogued("IdentityDocument.residence-certificate.Mask"));

    public static readonly IdentityDocumentKind OtherPublicDocument = new(
        "other-public-document", LocalizedText.Catalogued("IdentityDocument.other-public-document.Name"), HasPhoto: false, Mask: null);

    public static readonly IdentityDocumentKind FamilyRegister = new(
        "family-register", LocalizedText.Catalogued("IdentityDocument.family-register.Name"), HasPhoto: false, Mask: null);

    public static readonly IdentityDocumentKind RegistryCertificate = new(
        "registry-certificate", LocalizedText.Catalogued("IdentityDocument.registry-certificate.Name"), HasPhoto: false, Mask: null);

    public static readonly IdentityDocumentKind PowerOfAttorney = new(
        "power-of-attorney", LocalizedText.Catalogued("IdentityDocument.power-of-attorney.Name"), HasPhoto: false, Mask: null);

    public static readonly IdentityDocumentKind SealCertificate = new(
        "seal-certificate", LocalizedText.Catalogued("IdentityDocument.seal-certificate.Name"), HasPhoto: false, Mask: null);

    public static readonly IdentityDocumentKind RepresentativeIdentity = new(
        "representative-identity", LocalizedText.Catalogued("IdentityDocument.representative-identity.Name"), HasPhoto: false, Mask: null);

    public static readonly IdentityDocumentKind ControllerForm = new(
        "controller-form", LocalizedText.Catalogued("IdentityDocument.controller-form.Name"), HasPhoto: false, Mask: null);

    public static IReadOnlyList<IdentityDocumentKind> All { get; } =
    [
        DriversLicence, MyNumberCard, Passport, ResidenceCard, HealthInsuranceCertificate, PensionBook,
        ResidenceCertificate, OtherPublicDocument, FamilyRegister, RegistryCertificate, PowerOfAttorney,
        SealCertificate, RepresentativeIdentity, ControllerForm,
    ];

    /// <summary>
    /// What is commonly accepted when a policy lists nothing: one photo ID, or two documents without a photo.
    /// Shown as general guidance, never as the controller's own list.
    /// </summary>
    public static IReadOnlyList<IdentityDocumentKind> CommonPractice { get; } =
    [
        DriversLicence, MyNumberCard, Passport, ResidenceCard, HealthInsuranceCertificate, PensionBook, ResidenceCertificate,
    ];

    public static IdentityDocumentKind? Find(string? id) => All.FirstOrDefault(k => k.Id == id);
}
