using PrivacyPortal.Domain.Common;

namespace PrivacyPortal.Domain.Requests;

/// <summary>
/// A right a person can exercise, with the id used in profiles, URLs and the CLI, and the article it comes from.
/// </summary>
public sealed record RequestType(
    string Id,
    Regime Regime,
    RequestFamily Family,
    string Article,
    LocalizedText Name,
    LocalizedText Summary,
    bool FeeAllowedByLaw)
{
    // APPI Art. 38(1): a fee may be charged only for purpose notification (Art. 32) and disclosure (Art. 33),
    // including disclosure of third-party provision records (Art. 33(5)).
    public static readonly RequestType PurposeNotification = new(
        "purpose-notification", Regime.Appi, RequestFamily.Other, "APPI Art. 32",
        LocalizedText.Catalogued("RequestType.purpose-notification.Name"),
        LocalizedText.Catalogued("RequestType.purpose-notification.Summary"),
        FeeAllowedByLaw: true);

    public static readonly RequestType Disclosure = new(
        "disclosure", Regime.Appi, RequestFamily.Disclosure, "APPI Art. 33",
        LocalizedText.Catalogued("RequestType.disclosure.Name"),
        LocalizedText.Catalogued("RequestType.disclosure.Summary"),
        FeeAllowedByLaw: true);

    public static readonly RequestType ThirdPartyRecords = new(
        "third-party-records", Regime.Appi, RequestFamily.Disclosure, "APPI Art. 33(5)",
        LocalizedText.Catalogued("RequestType.third-party-records.Name"),
        LocalizedText.Catalogued("RequestType.third-party-records.Summary"),
        FeeAllowedByLaw: true);

    public static readonly RequestType Correction = new(
        "correction", Regime.Appi, RequestFamily.Correction, "APPI Art. 34",
        LocalizedText.Catalogued("RequestType.correction.Name"),
        LocalizedText.Catalogued("RequestType.correction.Summary"),
        FeeAllowedByLaw: false);

    public static readonly RequestType Suspension = new(
        "suspension", Regime.Appi, RequestFamily.Deletion, "APPI Art. 35(1), 35(5)",
        LocalizedText.Catalogued("RequestType.suspension.Name"),
        LocalizedText.Catalogued("RequestType.suspension.Summary"),
        FeeAllowedByLaw: false);

    public static readonly RequestType StopProvision = new(
        "stop-provision", Regime.Appi, RequestFamily.StopProvision, "APPI Art. 35(3), 35(5)",
        LocalizedText.Catalogued("RequestType.stop-provision.Name"),
        LocalizedText.Catalogued("RequestType.stop-provision.Summary"),
        FeeAllowedByLaw: false);

    // GDPR Art. 12(5): information and actions under Arts. 15-22 are free of charge.
    public static readonly RequestType Access = new(
        "access", Regime.Gdpr, RequestFamily.Disclosure, "GDPR Art. 15",
        LocalizedText.Catalogued("RequestType.access.Name"),
        LocalizedText.Catalogued("RequestType.access.Summary"),
        FeeAllowedByLaw: false);

    public static readonly RequestType Rectification = new(
        "rectification", Regime.Gdpr, RequestFamily.Correction, "GDPR Art. 16",
        LocalizedText.Catalogued("RequestType.rectification.Name"),
        LocalizedText.Catalogued("RequestType.rectification.Summary"),
        FeeAllowedByLaw: false);

    public static readonly RequestType Erasure = new(
        "erasure", Regime.Gdpr, RequestFamily.Deletion, "GDPR Art. 17",
        LocalizedText.Catalogued("RequestType.erasure.Name"),
        LocalizedText.Catalogued("RequestType.erasure.Summary"),
        FeeAllowedByLaw: false);

    public static readonly RequestType Restriction = new(
        "restriction", Regime.Gdpr, RequestFamily.Other, "GDPR Art. 18",
        LocalizedText.Catalogued("RequestType.restriction.Name"),
        LocalizedText.Catalogued("RequestType.restriction.Summary"),
        FeeAllowedByLaw: false);

    public static readonly RequestType Portability = new(
        "portability", Regime.Gdpr, RequestFamily.Other, "GDPR Art. 20",
        LocalizedText.Catalogued("RequestType.portability.Name"),
        LocalizedText.Catalogued("RequestType.portability.Summary"),
        FeeAllowedByLaw: false);

    public static readonly RequestType Objection = new(
        "objection", Regime.Gdpr, RequestFamily.Other, "GDPR Art. 21",
        LocalizedText.Catalogued("RequestType.objection.Name"),
        LocalizedText.Catalogued("RequestType.objection.Summary"),
        FeeAllowedByLaw: false);

    public static readonly RequestType WithdrawConsent = new(
        "withdraw-consent", Regime.Gdpr, RequestFamily.Other, "GDPR Art. 7(3)",
        LocalizedText.Catalogued("RequestType.withdraw-consent.Name"),
        LocalizedText.Catalogued("RequestType.withdraw-consent.Summary"),
        FeeAllowedByLaw: false);

    /// <summary>Every request type, the four families first, in the order screens list them.</summary>
    public static IReadOnlyList<RequestType> All { get; } =
    [
        Disclosure, ThirdPartyRecords, Correction, Suspension, StopProvision, PurposeNotification,
        Access, Rectification, Erasure, Restriction, Portability, Objection, WithdrawConsent,
    ];

    public static RequestType? Find(string? id) => All.FirstOrDefault(t => t.Id == id);

    /// <summary>
    /// APPI Art. 39(1): a suit needs a prior request and two weeks' wait for requests under Arts. 33(1) (including
    /// third-party records, 33(5)), 34(1) and 35(1), (3), (5); purpose notification (Art. 32) is not among them.
    /// </summary>
    public bool Art39Applies => Regime == Regime.Appi && Id != PurposeNotification.Id;

    /// <summary>The ids of the types <see cref="Art39Applies"/> covers.</summary>
    public static IReadOnlySet<string> Art39Types { get; } = All.Where(t => t.Art39Applies).Select(t => t.Id).ToHashSet(StringComparer.Ordinal);

    /// <summary>A correction (APPI Art. 34, GDPR Art. 16): its answer says what was corrected, added or deleted.</summary>
    public bool CorrectsData => Family == RequestFamily.Correction;

    /// <summary>
    /// "We hold no such data" answers a request to be told or given data: disclosure and its records (APPI Art. 33(3)),
    /// purpose notification, and GDPR access and portability.
    /// </summary>
    public bool CanBeNotHeld => Family == RequestFamily.Disclosure || Id == PurposeNotification.Id || Id == Portability.Id;
}
