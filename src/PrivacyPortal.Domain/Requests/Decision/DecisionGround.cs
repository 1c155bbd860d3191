using PrivacyPortal.Domain.Common;
using PrivacyPortal.Domain.Controllers;

namespace PrivacyPortal.Domain.Requests;

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
            LocalizedText.Catalogued("Ground.appi-32-2-1.Text"),
            Regime.Appi, [RequestType.PurposeNotification.Id]),
        new("appi-32-2-2", "APPI Art. 32(2)(ii)",
            LocalizedText.Catalogued("Ground.appi-32-2-2.Text"),
            Regime.Appi, [RequestType.PurposeNotification.Id]),

        // APPI Art. 33(2): disclosure, and by Art. 33(5) third-party provision records, may be withheld in whole or part.
        new("appi-33-2-1", "APPI Art. 33(2)(i)",
            LocalizedText.Catalogued("Ground.appi-33-2-1.Text"),
            Regime.Appi, Disclosures),
        new("appi-33-2-2", "APPI Art. 33(2)(ii)",
            LocalizedText.Catalogued("Ground.appi-33-2-2.Text"),
            Regime.Appi, Disclosures),
        new("appi-33-2-3", "APPI Art. 33(2)(iii)",
            LocalizedText.Catalogued("Ground.appi-33-2-3.Text"),
            Regime.Appi, Disclosures),
        new("appi-33-4", "APPI Art. 33(4)",
            LocalizedText.Catalogued("Ground.appi-33-4.Text"),
            Regime.Appi, [RequestType.Disclosure.Id]),
        new("appi-33-5-excluded", "APPI Art. 33(5)",
            LocalizedText.Catalogued("Ground.appi-33-5-excluded.Text"),
            Regime.Appi, [RequestType.ThirdPartyRecords.Id]),

        // APPI Art. 34: correct only what is untrue, after the investigation the purpose of use requires.
        new("appi-34-accurate", "APPI Art. 34(2)",
            LocalizedText.Catalogued("Ground.appi-34-accurate.Text"),
            Regime.Appi, [RequestType.Correction.Id]),
        new("appi-34-other-law", "APPI Art. 34(1)",
            LocalizedText.Catalogued("Ground.appi-34-other-law.Text"),
            Regime.Appi, [RequestType.Correction.Id]),

        // APPI Art. 35: the conditions are not met, or the proviso's alternative measure was taken.
        new("appi-35-1-not-met", "APPI Art. 35(1), (5)",
            LocalizedText.Catalogued("Ground.appi-35-1-not-met.Text"),
            Regime.Appi, [RequestType.Suspension.Id]),
        new("appi-35-2-alternative", "APPI Art. 35(2), (6) proviso",
            LocalizedText.Catalogued("Ground.appi-35-2-alternative.Text"),
            Regime.Appi, [RequestType.Suspension.Id]),
        new("appi-35-3-not-met", "APPI Art. 35(3), (5)",
            LocalizedText.Catalogued("Ground.appi-35-3-not-met.Text"),
            Regime.Appi, [RequestType.StopProvision.Id]),
        new("appi-35-4-alternative", "APPI Art. 35(4), (6) proviso",
            LocalizedText.Catalogued("Ground.appi-35-4-alternative.Text"),
            Regime.Appi, [RequestType.StopProvision.Id]),

        new("gdpr-12-5-b", "GDPR Art. 12(5)(b)",
            LocalizedText.Catalogued("Ground.gdpr-12-5-b.Text"),
            Regime.Gdpr, GdprRights),
        new("gdpr-15-4", "GDPR Art. 15(4)",
            LocalizedText.Catalogued("Ground.gdpr-15-4.Text"),
            Regime.Gdpr, [RequestType.Access.Id]),
        new("gdpr-16-accurate", "GDPR Art. 16",
            LocalizedText.Catalogued("Ground.gdpr-16-accurate.Text"),
            Regime.Gdpr, [RequestType.Rectification.Id]),
        new("gdpr-17-1-not-met", "GDPR Art. 17(1)",
            LocalizedText.Catalogued("Ground.gdpr-17-1-not-met.Text"),
            Regime.Gdpr, [RequestType.Erasure.Id]),
        new("gdpr-17-3-a", "GDPR Art. 17(3)(a)",
            LocalizedText.Catalogued("Ground.gdpr-17-3-a.Text"),
            Regime.Gdpr, [RequestType.Erasure.Id]),
        new("gdpr-17-3-b", "GDPR Art. 17(3)(b)",
            LocalizedText.Catalogued("Ground.gdpr-17-3-b.Text"),
            Regime.Gdpr, [RequestType.Erasure.Id]),
        new("gdpr-17-3-c", "GDPR Art. 17(3)(c)",
            LocalizedText.Catalogued("Ground.gdpr-17-3-c.Text"),
            Regime.Gdpr, [RequestType.Erasure.Id]),
        new("gdpr-17-3-d", "GDPR Art. 17(3)(d)",
            LocalizedText.Catalogued("Ground.gdpr-17-3-d.Text"),
            Regime.Gdpr, [RequestType.Erasure.Id]),
        new("gdpr-17-3-e", "GDPR Art. 17(3)(e)",
            LocalizedText.Catalogued("Ground.gdpr-17-3-e.Text"),
            Regime.Gdpr, [RequestType.Erasure.Id]),
        new("gdpr-18-1-not-met", "GDPR Art. 18(1)",
            LocalizedText.Catalogued("Ground.gdpr-18-1-not-met.Text"),
            Regime.Gdpr, [RequestType.Restriction.Id]),
        new("gdpr-20-1-not-met", "GDPR Art. 20(1)",
            LocalizedText.Catalogued("Ground.gdpr-20-1-not-met.Text"),
            Regime.Gdpr, [RequestType.Portability.Id]),
        new("gdpr-20-4", "GDPR Art. 20(4)",
            LocalizedText.Catalogued("Ground.gdpr-20-4.Text"),
            Regime.Gdpr, [RequestType.Portability.Id]),

        // GDPR Art. 21(1) only: an objection to direct marketing (Art. 21(2), (3)) must always be followed.
        new("gdpr-21-1", "GDPR Art. 21(1)",
            LocalizedText.Catalogued("Ground.gdpr-21-1.Text"),
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
            LocalizedText.Catalogued("Ground.appi-37-1-identity.Text"),
            Regime.Appi, [.. RequestType.All.Where(t => t.Regime == Regime.Appi).Select(t => t.Id)]),
        new("gdpr-12-6-identity", "GDPR Art. 12(2), 12(6)",
            LocalizedText.Catalogued("Ground.gdpr-12-6-identity.Text"),
            Regime.Gdpr, [.. RequestType.All.Where(t => t.Regime == Regime.Gdpr).Select(t => t.Id)]),
    ];

    /// <summary>
    /// Codes decisions carried before the catalogue tied each ground to its article and type: no longer offered,
    /// still shown on the requests that cite them.
    /// </summary>
    public static IReadOnlyList<DecisionGround> Retired { get; } =
    [
        new("appi-35-no-ground", "APPI Art. 35(1), (3), (5)",
            LocalizedText.Catalogued("Ground.appi-35-no-ground.Text"),
            Regime.Appi, [RequestType.Suspension.Id, RequestType.StopProvision.Id]),
        new("appi-35-alternative", "APPI Art. 35(2), (4), (6) proviso",
            LocalizedText.Catalogued("Ground.appi-35-alternative.Text"),
            Regime.Appi, [RequestType.Suspension.Id, RequestType.StopProvision.Id]),
        new("gdpr-12-5", "GDPR Art. 12(5)",
            LocalizedText.Catalogued("Ground.gdpr-12-5.Text"),
            Regime.Gdpr, GdprRights),
        new("gdpr-17-3", "GDPR Art. 17(3)",
            LocalizedText.Catalogued("Ground.gdpr-17-3.Text"),
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
