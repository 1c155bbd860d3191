using PrivacyPortal.Domain.Common;
using PrivacyPortal.Domain.Controllers;
using PrivacyPortal.Domain.Requests;

namespace PrivacyPortal.Domain.Cases;

/// <summary>How an officer answered a request, or one request type within it.</summary>
public enum DecisionOutcome
{
    Fulfilled,
    PartiallyFulfilled,
    Refused,

    /// <summary>APPI Art. 33(3): "we hold no such data" is itself an answer the person must be told.</summary>
    NotHeld,
}

/// <summary>
/// A coded reason for not acting, fully or partly, with the statute it comes from and the request types it answers:
/// a ground is offered only on a type its article (or the policy's text) attaches it to. The statutory ones are
/// here; a profile adds the ones its policy publishes (<see cref="RefusalGrounds"/>). Reasons in words are always
/// required as well (APPI Art. 36, which the portal makes mandatory; GDPR Art. 12(4)).
/// </summary>
public sealed record DecisionGround(string Code, string Article, LocalizedText Text, Regime Regime, IReadOnlyList<string> Types)
{
    private static readonly string[] Disclosures = [RequestType.Disclosure.Id, RequestType.ThirdPartyRecords.Id];

    // GDPR Art. 12(5)(b) covers actions under Arts. 15-22; withdrawing consent (Art. 7(3)) is not among them.
    private static readonly string[] GdprRights =
    [
        RequestType.Access.Id, RequestType.Rectification.Id, RequestType.Erasure.Id, RequestType.Restriction.Id,
        RequestType.Portability.Id, RequestType.Objection.Id,
    ];

    public static IReadOnlyList<DecisionGround> Statutory { get; } =
    [
        // APPI Art. 32(2): the purpose of use need not be notified.
        new("appi-32-2-1", "APPI Art. 32(2)(i)",
            LocalizedText.Of("本人の知り得る状態に置かれている等により、利用目的が明らかである", "The purpose of use is already clear to the person"),
            Regime.Appi, [RequestType.PurposeNotification.Id]),
        new("appi-32-2-2", "APPI Art. 32(2)(ii)",
            LocalizedText.Of("第21条第4項第1号から第3号までに掲げる場合に該当する", "Notifying the purpose falls under a case of APPI Art. 21(4)(i) to (iii)"),
            Regime.Appi, [RequestType.PurposeNotification.Id]),

        // APPI Art. 33(2): disclosure, and by Art. 33(5) third-party provision records, may be withheld in whole or part.
        new("appi-33-2-1", "APPI Art. 33(2)(i)",
            LocalizedText.Of("本人又は第三者の生命、身体、財産その他の権利利益を害するおそれがある", "Disclosure is likely to harm the life, body, property or other rights or interests of the person or a third party"),
            Regime.Appi, Disclosures),
        new("appi-33-2-2", "APPI Art. 33(2)(ii)",
            LocalizedText.Of("当該個人情報取扱事業者の業務の適正な実施に著しい支障を及ぼすおそれがある", "Disclosure is likely to seriously interfere with the proper conduct of the business"),
            Regime.Appi, Disclosures),
        new("appi-33-2-3", "APPI Art. 33(2)(iii)",
            LocalizedText.Of("他の法令に違反することとなる", "Disclosure would violate another law"),
            Regime.Appi, Disclosures),
        new("appi-33-4", "APPI Art. 33(4)",
            LocalizedText.Of("他の法令の規定により、別の方法で開示することとされている", "Another law provides for disclosing this data by its own procedure"),
            Regime.Appi, [RequestType.Disclosure.Id]),
        new("appi-33-5-excluded", "APPI Art. 33(5)",
            LocalizedText.Of("政令で定める記録（その存否が明らかになることにより公益その他の利益が害されるもの）に該当する", "The record is one the Cabinet Order excludes (its existence becoming known would harm the public or other interests)"),
            Regime.Appi, [RequestType.ThirdPartyRecords.Id]),

        // APPI Art. 34: correct only what is untrue, after the investigation the purpose of use requires.
        new("appi-34-accurate", "APPI Art. 34(2)",
            LocalizedText.Of("利用目的の達成に必要な範囲で調査した結果、内容が事実でないとは認められなかった", "After the investigation the purpose of use requires, the data was not found to be untrue"),
            Regime.Appi, [RequestType.Correction.Id]),
        new("appi-34-other-law", "APPI Art. 34(1)",
            LocalizedText.Of("他の法令の規定により、訂正等について特別の手続が定められている", "Another law sets a special procedure for correcting this data"),
            Regime.Appi, [RequestType.Correction.Id]),

        // APPI Art. 35: the conditions are not met, or the proviso's alternative measure was taken.
        new("appi-35-1-not-met", "APPI Art. 35(1), (5)",
            LocalizedText.Of("利用停止等の要件に該当しない", "The conditions for suspending use or erasing the data are not met"),
            Regime.Appi, [RequestType.Suspension.Id]),
        new("appi-35-2-alternative", "APPI Art. 35(2), (6) proviso",
            LocalizedText.Of("利用停止等に多額の費用を要する等困難であり、本人の権利利益を保護するため必要な代替措置をとった", "Suspending or erasing would cost a large amount or be otherwise difficult; an alternative measure was taken to protect the person's rights"),
            Regime.Appi, [RequestType.Suspension.Id]),
        new("appi-35-3-not-met", "APPI Art. 35(3), (5)",
            LocalizedText.Of("第三者提供の停止の要件に該当しない", "The conditions for stopping provision to third parties are not met"),
            Regime.Appi, [RequestType.StopProvision.Id]),
        new("appi-35-4-alternative", "APPI Art. 35(4), (6) proviso",
            LocalizedText.Of("第三者提供の停止に多額の費用を要する等困難であり、本人の権利利益を保護するため必要な代替措置をとった", "Stopping provision would cost a large amount or be otherwise difficult; an alternative measure was taken to protect the person's rights"),
            Regime.Appi, [RequestType.StopProvision.Id]),

        new("gdpr-12-5-b", "GDPR Art. 12(5)(b)",
            LocalizedText.Of("請求が明らかに根拠を欠く又は過剰である（特に反復的である）", "The request is manifestly unfounded or excessive, in particular because of its repetitive character"),
            Regime.Gdpr, GdprRights),
        new("gdpr-15-4", "GDPR Art. 15(4)",
            LocalizedText.Of("写しの提供が他者の権利及び自由に悪影響を及ぼす", "A copy would adversely affect the rights and freedoms of others"),
            Regime.Gdpr, [RequestType.Access.Id]),
        new("gdpr-16-accurate", "GDPR Art. 16",
            LocalizedText.Of("確認の結果、個人データは正確であった", "The personal data was checked and found accurate"),
            Regime.Gdpr, [RequestType.Rectification.Id]),
        new("gdpr-17-1-not-met", "GDPR Art. 17(1)",
            LocalizedText.Of("消去の要件のいずれにも該当しない", "None of the grounds for erasure applies"),
            Regime.Gdpr, [RequestType.Erasure.Id]),
        new("gdpr-17-3-a", "GDPR Art. 17(3)(a)",
            LocalizedText.Of("表現及び情報の自由の権利の行使に必要である", "Processing is necessary for exercising the right of freedom of expression and information"),
            Regime.Gdpr, [RequestType.Erasure.Id]),
        new("gdpr-17-3-b", "GDPR Art. 17(3)(b)",
            LocalizedText.Of("法的義務の遵守、公共の利益又は公的権限の行使として行う職務の遂行に必要である", "Processing is necessary for a legal obligation, or for a task carried out in the public interest or in official authority"),
            Regime.Gdpr, [RequestType.Erasure.Id]),
        new("gdpr-17-3-c", "GDPR Art. 17(3)(c)",
            LocalizedText.Of("公衆衛生の分野における公共の利益のために必要である", "Processing is necessary for reasons of public interest in the area of public health"),
            Regime.Gdpr, [RequestType.Erasure.Id]),
        new("gdpr-17-3-d", "GDPR Art. 17(3)(d)",
            LocalizedText.Of("公益のための保管、科学的・歴史的研究又は統計の目的に必要であり、消去によりその達成が不可能又は著しく困難になる", "Processing is necessary for archiving in the public interest, research or statistics, which erasure would make impossible or seriously impair"),
            Regime.Gdpr, [RequestType.Erasure.Id]),
        new("gdpr-17-3-e", "GDPR Art. 17(3)(e)",
            LocalizedText.Of("法的主張の確立、行使又は防御に必要である", "Processing is necessary for the establishment, exercise or defence of legal claims"),
            Regime.Gdpr, [RequestType.Erasure.Id]),
        new("gdpr-18-1-not-met", "GDPR Art. 18(1)",
            LocalizedText.Of("処理の制限の要件のいずれにも該当しない", "None of the conditions for restricting processing applies"),
            Regime.Gdpr, [RequestType.Restriction.Id]),
        new("gdpr-20-1-not-met", "GDPR Art. 20(1)",
            LocalizedText.Of("処理が同意又は契約に基づく自動化された処理ではない", "The processing is not based on consent or a contract, or is not carried out by automated means"),
            Regime.Gdpr, [RequestType.Portability.Id]),
        new("gdpr-20-4", "GDPR Art. 20(4)",
            LocalizedText.Of("他者の権利及び自由に悪影響を及ぼす", "Providing the data would adversely affect the rights and freedoms of others"),
            Regime.Gdpr, [RequestType.Portability.Id]),

        // GDPR Art. 21(1) only: an objection to direct marketing (Art. 21(2), (3)) must always be followed.
        new("gdpr-21-1", "GDPR Art. 21(1)",
            LocalizedText.Of("処理について、本人の利益等に優越するやむを得ない正当な根拠がある、又は法的主張に必要である", "There are compelling legitimate grounds for the processing which override the person's interests, or it is needed for legal claims"),
            Regime.Gdpr, [RequestType.Objection.Id]),
    ];

    /// <summary>
    /// The refusal when the person or the agent's authority cannot be confirmed: APPI Art. 37(1) (the business may
    /// set how the requester is confirmed, and need not act for someone it cannot confirm); GDPR Art. 12(2), (6) (the
    /// controller may refuse when it cannot identify the person). Not offered among the grounds of a decision on the
    /// merits: it is its own action, for a request whose identity was never verified.
    /// </summary>
    public static IReadOnlyList<DecisionGround> IdentityNotConfirmed { get; } =
    [
        new("appi-37-1-identity", "APPI Art. 37(1)",
            LocalizedText.Of("本人又は代理人であることを確認できなかった", "The identity of the person, or the agent's authority, could not be confirmed"),
            Regime.Appi, [.. RequestType.All.Where(t => t.Regime == Regime.Appi).Select(t => t.Id)]),
        new("gdpr-12-6-identity", "GDPR Art. 12(2), 12(6)",
            LocalizedText.Of("本人を識別することができなかった", "The controller could not identify the person making the request"),
            Regime.Gdpr, [.. RequestType.All.Where(t => t.Regime == Regime.Gdpr).Select(t => t.Id)]),
    ];

    /// <summary>
    /// Codes decisions carried before the catalogue tied each ground to its article and type: no longer offered,
    /// still shown on the requests that cite them.
    /// </summary>
    public static IReadOnlyList<DecisionGround> Retired { get; } =
    [
        new("appi-35-no-ground", "APPI Art. 35(1), (3), (5)",
            LocalizedText.Of("請求に理由がない（法第35条に定める要件に該当しない）", "The request has no ground under APPI Art. 35"),
            Regime.Appi, [RequestType.Suspension.Id, RequestType.StopProvision.Id]),
        new("appi-35-alternative", "APPI Art. 35(2), (4), (6) proviso",
            LocalizedText.Of("多額の費用を要する等困難であり、代替措置をとった", "Acting would cost a large amount or be difficult; an alternative measure was taken to protect the person's rights"),
            Regime.Appi, [RequestType.Suspension.Id, RequestType.StopProvision.Id]),
        new("gdpr-12-5", "GDPR Art. 12(5)",
            LocalizedText.Of("請求が明らかに根拠を欠く又は過剰である", "The request is manifestly unfounded or excessive"),
            Regime.Gdpr, GdprRights),
        new("gdpr-17-3", "GDPR Art. 17(3)",
            LocalizedText.Of("処理が法的義務の遵守又は法的主張に必要である", "Processing is necessary for a legal obligation or for legal claims"),
            Regime.Gdpr, [RequestType.Erasure.Id]),
    ];

    /// <summary>The identity ground of each regime of these request types.</summary>
    public static IReadOnlyList<DecisionGround> IdentityNotConfirmedFor(IEnumerable<string> requestTypeIds)
    {
        var regimes = requestTypeIds.Select(RequestType.Find).OfType<RequestType>().Select(t => t.Regime).ToHashSet();
        return IdentityNotConfirmed.Where(g => regimes.Contains(g.Regime)).ToList();
    }

    /// <summary>Every ground a decision on these types can carry, for showing it (letters, status page, trail).</summary>
    public static IReadOnlyList<DecisionGround> Cited(ProcedureProfile profile, IEnumerable<string> requestTypeIds)
    {
        var types = requestTypeIds.ToList();
        return [.. For(profile, types), .. IdentityNotConfirmedFor(types), .. Retired.Where(g => g.Types.Any(types.Contains))];
    }

    /// <summary>The grounds an officer may cite on any of these request types: statutory ones, then the policy's own.</summary>
    public static IReadOnlyList<DecisionGround> For(ProcedureProfile profile, IEnumerable<string> requestTypeIds)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var types = requestTypeIds.ToHashSet(StringComparer.Ordinal);
        return [.. Statutory.Where(g => g.Types.Any(types.Contains)), .. Published(profile).Where(g => g.Types.Any(types.Contains))];
    }

    /// <summary>
    /// The grounds that answer this one item, as the officer is offered them: those of its type, less the ones the
    /// requester's own choice rules out (an objection to direct marketing, GDPR Art. 21(3), has no counter-ground).
    /// </summary>
    public static IReadOnlyList<DecisionGround> For(ProcedureProfile profile, RequestItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var grounds = For(profile, [item.TypeId]);
        return item.TypeId == RequestType.Objection.Id && item.Details.GetValueOrDefault("ground") == "direct-marketing"
            ? grounds.Where(g => g.Code != "gdpr-21-1").ToList()
            : grounds;
    }

    /// <summary>The policy's own refusal cases, each only for the types its text states it for.</summary>
    public static IReadOnlyList<DecisionGround> Published(ProcedureProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return profile.RefusalGrounds.Grounds
            .Select(g => new DecisionGround(
                "policy-" + g.Code, g.Source ?? profile.RefusalGrounds.Source, g.Text,
                RequestType.Find(g.Types.Count > 0 ? g.Types[0] : null)?.Regime ?? Regime.Appi, g.Types))
            .ToList();
    }
}
