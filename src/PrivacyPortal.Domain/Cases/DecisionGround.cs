using PrivacyPortal.Domain.Common;
using PrivacyPortal.Domain.Controllers;
using PrivacyPortal.Domain.Requests;

namespace PrivacyPortal.Domain.Cases;

/// <summary>How an officer answered a request.</summary>
public enum DecisionOutcome
{
    Fulfilled,
    PartiallyFulfilled,
    Refused,

    /// <summary>APPI Art. 33(3): "we hold no such data" is itself an answer the person must be told.</summary>
    NotHeld,
}

/// <summary>
/// A coded reason for not acting, fully or partly. The statutory ones are here; a profile adds the ones its
/// policy publishes (<see cref="RefusalGrounds"/>). Reasons in words are always required as well (APPI Art. 36,
/// which the portal makes mandatory; GDPR Art. 12(4)).
/// </summary>
public sealed record DecisionGround(string Code, string Article, LocalizedText Text, Regime Regime, IReadOnlyList<RequestFamily> Families)
{
    private static readonly RequestFamily[] AllFamilies = Enum.GetValues<RequestFamily>();

    public static IReadOnlyList<DecisionGround> Statutory { get; } =
    [
        new("appi-33-2-1", "APPI Art. 33(2)(i)",
            LocalizedText.Of("本人又は第三者の生命、身体、財産その他の権利利益を害するおそれがある", "Disclosure is likely to harm the life, body, property or other rights or interests of the person or a third party"),
            Regime.Appi, [RequestFamily.Disclosure]),
        new("appi-33-2-2", "APPI Art. 33(2)(ii)",
            LocalizedText.Of("当該個人情報取扱事業者の業務の適正な実施に著しい支障を及ぼすおそれがある", "Disclosure is likely to seriously interfere with the proper conduct of the business"),
            Regime.Appi, [RequestFamily.Disclosure]),
        new("appi-33-2-3", "APPI Art. 33(2)(iii)",
            LocalizedText.Of("他の法令に違反することとなる", "Disclosure would violate another law"),
            Regime.Appi, [RequestFamily.Disclosure]),
        new("appi-34-accurate", "APPI Art. 34(2)",
            LocalizedText.Of("調査の結果、保有個人データの内容は事実であった", "After investigation the retained personal data was found to be true"),
            Regime.Appi, [RequestFamily.Correction]),
        new("appi-35-no-ground", "APPI Art. 35(1), (3), (5)",
            LocalizedText.Of("請求に理由がない（法第35条に定める要件に該当しない）", "The request has no ground under APPI Art. 35"),
            Regime.Appi, [RequestFamily.Deletion, RequestFamily.StopProvision]),
        new("appi-35-alternative", "APPI Art. 35(2), (4), (6) proviso",
            LocalizedText.Of("多額の費用を要する等困難であり、代替措置をとった", "Acting would cost a large amount or be difficult; an alternative measure was taken to protect the person's rights"),
            Regime.Appi, [RequestFamily.Deletion, RequestFamily.StopProvision]),
        new("gdpr-12-5", "GDPR Art. 12(5)",
            LocalizedText.Of("請求が明らかに根拠を欠く又は過剰である", "The request is manifestly unfounded or excessive"),
            Regime.Gdpr, AllFamilies),
        new("gdpr-15-4", "GDPR Art. 15(4)",
            LocalizedText.Of("写しの提供が他者の権利及び自由に悪影響を及ぼす", "A copy would adversely affect the rights and freedoms of others"),
            Regime.Gdpr, [RequestFamily.Disclosure]),
        new("gdpr-17-3", "GDPR Art. 17(3)",
            LocalizedText.Of("処理が法的義務の遵守又は法的主張に必要である", "Processing is necessary for a legal obligation or for legal claims"),
            Regime.Gdpr, [RequestFamily.Deletion]),
        new("gdpr-21-1", "GDPR Art. 21(1)",
            LocalizedText.Of("処理について、本人の利益等に優越するやむを得ない正当な根拠がある", "There are compelling legitimate grounds for the processing which override the person's interests"),
            Regime.Gdpr, [RequestFamily.StopProvision, RequestFamily.Deletion, RequestFamily.Other]),
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
            Regime.Appi, AllFamilies),
        new("gdpr-12-6-identity", "GDPR Art. 12(2), 12(6)",
            LocalizedText.Of("本人を識別することができなかった", "The controller could not identify the person making the request"),
            Regime.Gdpr, AllFamilies),
    ];

    /// <summary>The identity ground of each regime of these request types.</summary>
    public static IReadOnlyList<DecisionGround> IdentityNotConfirmedFor(IEnumerable<string> requestTypeIds)
    {
        var regimes = requestTypeIds.Select(RequestType.Find).OfType<RequestType>().Select(t => t.Regime).ToHashSet();
        return IdentityNotConfirmed.Where(g => regimes.Contains(g.Regime)).ToList();
    }

    /// <summary>Every ground a decision on these types can carry, for showing it (letters, status page).</summary>
    public static IReadOnlyList<DecisionGround> Cited(ProcedureProfile profile, IEnumerable<string> requestTypeIds)
    {
        var types = requestTypeIds.ToList();
        return [.. For(profile, types), .. IdentityNotConfirmedFor(types)];
    }

    /// <summary>The grounds an officer may cite on a request of these types: statutory ones for its regimes and families, then the policy's own.</summary>
    public static IReadOnlyList<DecisionGround> For(ProcedureProfile profile, IEnumerable<string> requestTypeIds)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var types = requestTypeIds.Select(RequestType.Find).OfType<RequestType>().ToList();
        var statutory = Statutory.Where(g => types.Any(t => t.Regime == g.Regime && g.Families.Contains(t.Family)));
        var published = profile.RefusalGrounds.Grounds.Select(g => new DecisionGround(
            "policy-" + g.Code, profile.RefusalGrounds.Source, g.Text, types.FirstOrDefault()?.Regime ?? Regime.Appi, AllFamilies));
        return [.. statutory, .. published];
    }
}
