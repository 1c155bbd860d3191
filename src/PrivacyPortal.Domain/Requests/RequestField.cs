using PrivacyPortal.Domain.Common;

namespace PrivacyPortal.Domain.Requests;

public enum FieldKind
{
    Text,
    LongText,
    Choice,
}

/// <summary>A choice in a <see cref="FieldKind.Choice"/> field, with the article it comes from where there is one.</summary>
public sealed record FieldChoice(string Id, LocalizedText Label);

/// <summary>One thing a request type asks the requester, e.g. the ground for a suspension request.</summary>
public sealed record RequestField(string Id, FieldKind Kind, bool Required, LocalizedText Label, LocalizedText? Hint = null, IReadOnlyList<FieldChoice>? Choices = null)
{
    public const int MaxTextLength = 200;
    public const int MaxLongTextLength = 4000;

    public int MaxLength => Kind == FieldKind.LongText ? MaxLongTextLength : MaxTextLength;
}

/// <summary>The fields each request type asks for, in the law's terms.</summary>
public static class RequestFields
{
    private static readonly FieldChoice Electronic = new("electronic", LocalizedText.Of("電磁的記録（電子データ）", "Electronic record"));
    private static readonly FieldChoice Paper = new("paper", LocalizedText.Of("書面（紙）", "Paper"));

    private static readonly RequestField WhatData = new(
        "data", FieldKind.LongText, Required: true,
        LocalizedText.Of("対象となる個人情報・サービス", "Which data or services"),
        LocalizedText.Of("例：会員登録情報、○○サービスの利用履歴", "For example: membership details, usage history of a service"));

    private static readonly RequestField WhatDataOptional = WhatData with { Required = false };

    // APPI Art. 33(1): the requester designates the method; the profile lists those the business offers.
    private static readonly RequestField Method = new(
        "method", FieldKind.Choice, Required: true,
        LocalizedText.Of("開示の方法", "How you want the disclosure"),
        LocalizedText.Of("会社は、指定された方法が多額の費用を要する等困難な場合に限り書面で開示し、その旨を通知します（個人情報保護法第33条第2項、第3項）。", "The company may fall back to paper only if your choice is very costly or difficult, and must tell you (APPI Art. 33(2), (3))."),
        [Electronic, Paper]);

    private static readonly RequestField Scope = new(
        "scope", FieldKind.LongText, Required: true,
        LocalizedText.Of("対象となる個人情報の範囲", "Which data this concerns"));

    // APPI Art. 35(1) classic grounds and Art. 35(5) grounds added in 2022.
    private static readonly IReadOnlyList<FieldChoice> SuspensionGrounds =
    [
        new("unlawful-purpose", LocalizedText.Of("目的外利用（第18条違反）", "Used beyond the purpose of use (Art. 18)")),
        new("improper-use", LocalizedText.Of("不適正な利用（第19条違反）", "Improper use (Art. 19)")),
        new("unlawful-acquisition", LocalizedText.Of("不正な取得（第20条違反）", "Acquired unlawfully (Art. 20)")),
        new("no-longer-needed", LocalizedText.Of("利用する必要がなくなった（第35条5項）", "No longer needed (Art. 35(5))")),
        new("leak", LocalizedText.Of("漏えい等の事態が生じた（第35条5項）", "A reportable leak occurred (Art. 35(5))")),
        new("harm-to-rights", LocalizedText.Of("権利又は正当な利益が害されるおそれ（第35条5項）", "Handling may harm your rights or legitimate interests (Art. 35(5))")),
    ];

    // APPI Art. 35(3) classic grounds and Art. 35(5) grounds added in 2022.
    private static readonly IReadOnlyList<FieldChoice> StopProvisionGrounds =
    [
        new("provision-without-consent", LocalizedText.Of("本人の同意のない第三者提供（第27条1項違反）", "Provided without your consent (Art. 27(1))")),
        new("unlawful-foreign-transfer", LocalizedText.Of("外国にある第三者への違法な提供（第28条違反）", "Unlawful transfer to a third party abroad (Art. 28)")),
        new("no-longer-needed", LocalizedText.Of("利用する必要がなくなった（第35条5項）", "No longer needed (Art. 35(5))")),
        new("leak", LocalizedText.Of("漏えい等の事態が生じた（第35条5項）", "A reportable leak occurred (Art. 35(5))")),
        new("harm-to-rights", LocalizedText.Of("権利又は正当な利益が害されるおそれ（第35条5項）", "Handling may harm your rights or legitimate interests (Art. 35(5))")),
    ];

    private static readonly IReadOnlyList<FieldChoice> ErasureGrounds =
    [
        new("not-necessary", LocalizedText.Of("目的に照らして必要がなくなった（第17条1項(a)）", "No longer necessary for the purposes (Art. 17(1)(a))")),
        new("consent-withdrawn", LocalizedText.Of("同意を撤回した（(b)）", "You withdrew consent (Art. 17(1)(b))")),
        new("objection", LocalizedText.Of("異議を述べた（(c)）", "You objected (Art. 17(1)(c))")),
        new("unlawful", LocalizedText.Of("違法な処理（(d)）", "Unlawful processing (Art. 17(1)(d))")),
        new("legal-obligation", LocalizedText.Of("法的義務による消去（(e)）", "Erasure required by law (Art. 17(1)(e))")),
        new("child", LocalizedText.Of("子どもに対する情報社会サービス（(f)）", "Collected from a child for online services (Art. 17(1)(f))")),
    ];

    private static readonly IReadOnlyList<FieldChoice> RestrictionGrounds =
    [
        new("accuracy-contested", LocalizedText.Of("正確性を争っている（第18条1項(a)）", "You contest its accuracy (Art. 18(1)(a))")),
        new("unlawful", LocalizedText.Of("違法な処理だが消去は望まない（(b)）", "Unlawful processing, but you do not want erasure (Art. 18(1)(b))")),
        new("needed-for-claims", LocalizedText.Of("法的請求のために必要（(c)）", "You need it for legal claims (Art. 18(1)(c))")),
        new("objection-pending", LocalizedText.Of("異議の検討中（(d)）", "Your objection is being considered (Art. 18(1)(d))")),
    ];

    private static readonly IReadOnlyList<FieldChoice> ObjectionGrounds =
    [
        new("direct-marketing", LocalizedText.Of("ダイレクトマーケティング（第21条2項）", "Direct marketing (Art. 21(2))")),
        new("particular-situation", LocalizedText.Of("特別な状況に関する理由（第21条1項）", "Grounds relating to your particular situation (Art. 21(1))")),
    ];

    private static RequestField Ground(IReadOnlyList<FieldChoice> choices) =>
        new("ground", FieldKind.Choice, Required: true, LocalizedText.Of("請求の理由", "The ground for your request"), Choices: choices);

    private static readonly Dictionary<string, IReadOnlyList<RequestField>> ByType = new()
    {
        [RequestType.PurposeNotification.Id] = [WhatDataOptional],
        [RequestType.Disclosure.Id] = [WhatData, Method],
        [RequestType.ThirdPartyRecords.Id] = [WhatDataOptional],
        [RequestType.Correction.Id] =
        [
            new("untrue", FieldKind.LongText, Required: true, LocalizedText.Of("事実でない内容", "Which data is not true")),
            new("correct", FieldKind.LongText, Required: true, LocalizedText.Of("正しい内容（訂正・追加・削除の内容）", "What it should say (or what to add or delete)")),
        ],
        [RequestType.Suspension.Id] =
        [
            new("action", FieldKind.Choice, Required: true, LocalizedText.Of("求める措置", "What you ask for"), Choices:
            [
                new("stop-use", LocalizedText.Of("利用の停止", "Stop using it")),
                new("erase", LocalizedText.Of("消去", "Erase it")),
            ]),
            Ground(SuspensionGrounds),
            Scope,
        ],
        [RequestType.StopProvision.Id] = [Ground(StopProvisionGrounds), Scope],
        [RequestType.Access.Id] = [WhatDataOptional],
        [RequestType.Rectification.Id] =
        [
            new("untrue", FieldKind.LongText, Required: true, LocalizedText.Of("不正確な内容", "Which data is inaccurate")),
            new("correct", FieldKind.LongText, Required: true, LocalizedText.Of("正しい内容", "What it should say")),
        ],
        [RequestType.Erasure.Id] = [Ground(ErasureGrounds), Scope],
        [RequestType.Restriction.Id] = [Ground(RestrictionGrounds), Scope],
        [RequestType.Portability.Id] = [WhatData],
        [RequestType.Objection.Id] =
        [
            Ground(ObjectionGrounds),
            new("reasons", FieldKind.LongText, Required: false, LocalizedText.Of("理由の詳細", "Your reasons")),
        ],
        [RequestType.WithdrawConsent.Id] =
        [
            new("consent", FieldKind.LongText, Required: true, LocalizedText.Of("撤回する同意", "Which consent you withdraw")),
        ],
    };

    public static IReadOnlyList<RequestField> For(string requestTypeId) =>
        ByType.TryGetValue(requestTypeId, out var fields) ? fields : [];

    /// <summary>
    /// The choices a field offers under a policy: for the disclosure method, the law's electronic record and paper,
    /// then any method the company adds (APPI Art. 33(1)); a profile never takes the statutory ones away.
    /// </summary>
    public static IReadOnlyList<FieldChoice> ChoicesFor(RequestField field, Controllers.RequestTypeOffer? offer)
    {
        ArgumentNullException.ThrowIfNull(field);
        var choices = field.Choices ?? [];
        return field.Id == Method.Id && offer is { OtherDisclosureMethods.Count: > 0 }
            ? [.. choices, .. offer.OtherDisclosureMethods.Select(m => new FieldChoice(m.Id, m.Name))]
            : choices;
    }

    /// <summary>The name of a disclosure method the law names, or the id itself for any other.</summary>
    public static LocalizedText MethodName(string methodId) =>
        methodId == Electronic.Id ? Electronic.Label : methodId == Paper.Id ? Paper.Label : LocalizedText.Of(methodId, methodId);

    /// <summary>The disclosure method ids the law names (APPI Art. 33(1)).</summary>
    public static IReadOnlyList<string> DisclosureMethodIds { get; } = [Electronic.Id, Paper.Id];
}
