using PrivacyPortal.Domain.Common;

namespace PrivacyPortal.Domain.Verification;

/// <summary>
/// A kind of document that proves identity or authority, with what must be masked before sending it.
/// Masking rules are common practice in Japan: never the back of a My Number card, never an insurer number.
/// </summary>
public sealed record IdentityDocumentKind(string Id, LocalizedText Name, bool HasPhoto, LocalizedText? Mask)
{
    public static readonly IdentityDocumentKind DriversLicence = new(
        "drivers-licence", LocalizedText.Of("運転免許証", "Driver's licence"), HasPhoto: true,
        LocalizedText.Of("本籍地を黒く塗りつぶしてください。", "Black out the registered domicile (honseki)."));

    public static readonly IdentityDocumentKind MyNumberCard = new(
        "my-number-card", LocalizedText.Of("マイナンバーカード（表面のみ。健康保険証として利用登録したものも同じ）", "My Number card (front only; the same card when registered for health-insurance use)"), HasPhoto: true,
        LocalizedText.Of("表面のみを送ってください。個人番号が記載された裏面は絶対に送らないでください。", "Send the front only. Never send the back, which carries the Individual Number."));

    public static readonly IdentityDocumentKind Passport = new(
        "passport", LocalizedText.Of("パスポート", "Passport"), HasPhoto: true, Mask: null);

    public static readonly IdentityDocumentKind ResidenceCard = new(
        "residence-card", LocalizedText.Of("在留カード", "Residence card"), HasPhoto: true, Mask: null);

    // Paper health-insurance cards (被保険者証) ceased to be valid after 2025-12-01; those without a My Number card
    // registered for health insurance hold an eligibility certificate (資格確認書) instead. The id is kept for the
    // checks already recorded under it.
    public static readonly IdentityDocumentKind HealthInsuranceCertificate = new(
        "health-insurance-certificate", LocalizedText.Of("資格確認書（健康保険。紙の健康保険証は2025年12月2日から使えません）", "Health-insurance eligibility certificate (shikaku kakuninsho; paper health-insurance cards are no longer valid from 2 December 2025)"), HasPhoto: false,
        LocalizedText.Of("保険者番号、記号・番号、QRコードを塗りつぶしてください。", "Black out the insurer number, the symbol and number, and the QR code."));

    public static readonly IdentityDocumentKind PensionBook = new(
        "pension-book", LocalizedText.Of("年金手帳", "Pension book"), HasPhoto: false,
        LocalizedText.Of("基礎年金番号を塗りつぶしてください。", "Black out the pension number."));

    public static readonly IdentityDocumentKind ResidenceCertificate = new(
        "residence-certificate", LocalizedText.Of("住民票の写し（発行から3か月以内）", "Residence certificate (issued within 3 months)"), HasPhoto: false,
        LocalizedText.Of("マイナンバー（個人番号）の記載がないものを取得してください。", "Obtain one without the Individual Number (My Number) on it."));

    public static readonly IdentityDocumentKind OtherPublicDocument = new(
        "other-public-document", LocalizedText.Of("その他の公的書類", "Other public document"), HasPhoto: false, Mask: null);

    public static readonly IdentityDocumentKind FamilyRegister = new(
        "family-register", LocalizedText.Of("戸籍謄本・抄本", "Family register extract"), HasPhoto: false, Mask: null);

    public static readonly IdentityDocumentKind RegistryCertificate = new(
        "registry-certificate", LocalizedText.Of("成年後見の登記事項証明書", "Certificate of registered matters (adult guardianship)"), HasPhoto: false, Mask: null);

    public static readonly IdentityDocumentKind PowerOfAttorney = new(
        "power-of-attorney", LocalizedText.Of("委任状（実印を押印）", "Power of attorney (sealed with the registered seal)"), HasPhoto: false, Mask: null);

    public static readonly IdentityDocumentKind SealCertificate = new(
        "seal-certificate", LocalizedText.Of("印鑑登録証明書", "Seal registration certificate"), HasPhoto: false, Mask: null);

    public static readonly IdentityDocumentKind RepresentativeIdentity = new(
        "representative-identity", LocalizedText.Of("代理人本人の本人確認書類", "The representative's or agent's own identity document"), HasPhoto: false, Mask: null);

    public static readonly IdentityDocumentKind ControllerForm = new(
        "controller-form", LocalizedText.Of("会社所定の書式", "The company's own form"), HasPhoto: false, Mask: null);

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
