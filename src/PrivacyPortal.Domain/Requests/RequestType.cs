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
        LocalizedText.Of("利用目的の通知", "Notification of purpose of use"),
        LocalizedText.Of("あなたの個人情報を何のために使っているかを知らせてもらう請求です。", "Ask the company to tell you what it uses your personal data for."),
        FeeAllowedByLaw: true);

    public static readonly RequestType Disclosure = new(
        "disclosure", Regime.Appi, RequestFamily.Disclosure, "APPI Art. 33",
        LocalizedText.Of("開示", "Disclosure"),
        LocalizedText.Of("会社が保有するあなたの個人データを、電子データや書面で見せてもらう請求です。", "Ask for a copy of the personal data the company holds about you, electronically or on paper."),
        FeeAllowedByLaw: true);

    public static readonly RequestType ThirdPartyRecords = new(
        "third-party-records", Regime.Appi, RequestFamily.Disclosure, "APPI Art. 33(5)",
        LocalizedText.Of("第三者提供記録の開示", "Disclosure of third-party provision records"),
        LocalizedText.Of("あなたの個人データを誰に提供したか、誰から受け取ったかの記録を見せてもらう請求です。", "Ask for the records of who your data was given to, or received from."),
        FeeAllowedByLaw: true);

    public static readonly RequestType Correction = new(
        "correction", Regime.Appi, RequestFamily.Correction, "APPI Art. 34",
        LocalizedText.Of("訂正・追加・削除", "Correction, addition or deletion"),
        LocalizedText.Of("事実でない内容を訂正・追加・削除してもらう請求です。", "Ask the company to correct, add to or delete data that is not true."),
        FeeAllowedByLaw: false);

    public static readonly RequestType Suspension = new(
        "suspension", Regime.Appi, RequestFamily.Deletion, "APPI Art. 35(1), 35(5)",
        LocalizedText.Of("利用停止・消去", "Suspension of use or erasure"),
        LocalizedText.Of("個人データの利用をやめる、または消去するよう求める請求です。", "Ask the company to stop using your data, or to erase it."),
        FeeAllowedByLaw: false);

    public static readonly RequestType StopProvision = new(
        "stop-provision", Regime.Appi, RequestFamily.StopProvision, "APPI Art. 35(3), 35(5)",
        LocalizedText.Of("第三者提供の停止", "Stop of provision to third parties"),
        LocalizedText.Of("あなたの個人データを第三者に提供するのをやめるよう求める請求です。", "Ask the company to stop giving your data to third parties."),
        FeeAllowedByLaw: false);

    // GDPR Art. 12(5): information and actions under Arts. 15-22 are free of charge.
    public static readonly RequestType Access = new(
        "access", Regime.Gdpr, RequestFamily.Disclosure, "GDPR Art. 15",
        LocalizedText.Of("アクセス（開示）", "Access"),
        LocalizedText.Of("個人データを処理しているかの確認と、そのコピーを求める権利です。", "Confirm whether your data is processed and get a copy of it."),
        FeeAllowedByLaw: false);

    public static readonly RequestType Rectification = new(
        "rectification", Regime.Gdpr, RequestFamily.Correction, "GDPR Art. 16",
        LocalizedText.Of("訂正", "Rectification"),
        LocalizedText.Of("不正確な個人データの訂正を求める権利です。", "Have inaccurate personal data corrected."),
        FeeAllowedByLaw: false);

    public static readonly RequestType Erasure = new(
        "erasure", Regime.Gdpr, RequestFamily.Deletion, "GDPR Art. 17",
        LocalizedText.Of("消去", "Erasure"),
        LocalizedText.Of("個人データの消去を求める権利です。", "Have your personal data erased."),
        FeeAllowedByLaw: false);

    public static readonly RequestType Restriction = new(
        "restriction", Regime.Gdpr, RequestFamily.Other, "GDPR Art. 18",
        LocalizedText.Of("処理の制限", "Restriction of processing"),
        LocalizedText.Of("個人データの処理を一時的に制限するよう求める権利です。", "Have the processing of your data restricted."),
        FeeAllowedByLaw: false);

    public static readonly RequestType Portability = new(
        "portability", Regime.Gdpr, RequestFamily.Other, "GDPR Art. 20",
        LocalizedText.Of("データポータビリティ", "Data portability"),
        LocalizedText.Of("提供した個人データを機械で読める形式で受け取り、他の管理者に移す権利です。", "Receive the data you provided in a machine-readable format and move it to another controller."),
        FeeAllowedByLaw: false);

    public static readonly RequestType Objection = new(
        "objection", Regime.Gdpr, RequestFamily.Other, "GDPR Art. 21",
        LocalizedText.Of("処理への異議", "Objection to processing"),
        LocalizedText.Of("個人データの処理に異議を述べる権利です。", "Object to the processing of your data."),
        FeeAllowedByLaw: false);

    public static readonly RequestType WithdrawConsent = new(
        "withdraw-consent", Regime.Gdpr, RequestFamily.Other, "GDPR Art. 7(3)",
        LocalizedText.Of("同意の撤回", "Withdrawal of consent"),
        LocalizedText.Of("いつでも同意を撤回する権利です。撤回前の処理の適法性には影響しません。", "Withdraw your consent at any time; processing before the withdrawal stays lawful."),
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
