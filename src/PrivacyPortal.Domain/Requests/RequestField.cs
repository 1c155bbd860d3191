using PrivacyPortal.Domain.Common;

namespace PrivacyPortal.Domain.Requests;

public enum FieldKind
{
    Text,
    LongText,
    Choice,
}

/// <summary>A choice in a <see cref="FieldKind.Choice"/> field, with the article it comes from where there is one.</summary>
public sealed record FieldChoice(string Id, LocalizedText Label)
{
    /// <summary>A choice the portal defines, its label the catalogue's Field.Choice.&lt;id&gt; unless another key is given.</summary>
    public static FieldChoice Catalogued(string id, string? key = null) => new(id, LocalizedText.Catalogued(key ?? $"Field.Choice.{id}"));
}

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
    private static readonly FieldChoice Electronic = FieldChoice.Catalogued("electronic");
    private static readonly FieldChoice Paper = FieldChoice.Catalogued("paper");

    private static readonly RequestField WhatData = new(
        "data", FieldKind.LongText, Required: true,
        LocalizedText.Catalogued("Field.data.Label"),
        LocalizedText.Catalogued("Field.data.Hint"));

    private static readonly RequestField WhatDataOptional = WhatData with { Required = false };

    // APPI Art. 33(1): the requester designates the method; the profile lists those the business offers.
    private static readonly RequestField Method = new(
        "method", FieldKind.Choice, Required: true,
        LocalizedText.Catalogued("Field.method.Label"),
        LocalizedText.Catalogued("Field.method.Hint"),
        [Electronic, Paper]);

    private static readonly RequestField Scope = new(
        "scope", FieldKind.LongText, Required: true,
        LocalizedText.Catalogued("Field.scope.Label"));

    // APPI Art. 35(1) classic grounds and Art. 35(5) grounds added in 2022.
    private static readonly IReadOnlyList<FieldChoice> SuspensionGrounds =
    [
        FieldChoice.Catalogued("unlawful-purpose"),
        FieldChoice.Catalogued("improper-use"),
        FieldChoice.Catalogued("unlawful-acquisition"),
        FieldChoice.Catalogued("no-longer-needed"),
        FieldChoice.Catalogued("leak"),
        FieldChoice.Catalogued("harm-to-rights"),
    ];

    // APPI Art. 35(3) classic grounds and Art. 35(5) grounds added in 2022.
    private static readonly IReadOnlyList<FieldChoice> StopProvisionGrounds =
    [
        FieldChoice.Catalogued("provision-without-consent"),
        FieldChoice.Catalogued("unlawful-foreign-transfer"),
        FieldChoice.Catalogued("no-longer-needed"),
        FieldChoice.Catalogued("leak"),
        FieldChoice.Catalogued("harm-to-rights"),
    ];

    private static readonly IReadOnlyList<FieldChoice> ErasureGrounds =
    [
        FieldChoice.Catalogued("not-necessary"),
        FieldChoice.Catalogued("consent-withdrawn"),
        FieldChoice.Catalogued("objection"),
        FieldChoice.Catalogued("unlawful"),
        FieldChoice.Catalogued("legal-obligation"),
        FieldChoice.Catalogued("child"),
    ];

    private static readonly IReadOnlyList<FieldChoice> RestrictionGrounds =
    [
        FieldChoice.Catalogued("accuracy-contested"),
        FieldChoice.Catalogued("unlawful", "Field.Choice.unlawful.2"),
        FieldChoice.Catalogued("needed-for-claims"),
        FieldChoice.Catalogued("objection-pending"),
    ];

    private static readonly IReadOnlyList<FieldChoice> ObjectionGrounds =
    [
        FieldChoice.Catalogued("direct-marketing"),
        FieldChoice.Catalogued("particular-situation"),
    ];

    private static RequestField Ground(IReadOnlyList<FieldChoice> choices) =>
        new("ground", FieldKind.Choice, Required: true, LocalizedText.Catalogued("Field.ground.Label"), Choices: choices);

    private static readonly Dictionary<string, IReadOnlyList<RequestField>> ByType = new()
    {
        [RequestType.PurposeNotification.Id] = [WhatDataOptional],
        [RequestType.Disclosure.Id] = [WhatData, Method],
        [RequestType.ThirdPartyRecords.Id] = [WhatDataOptional],
        [RequestType.Correction.Id] =
        [
            new("untrue", FieldKind.LongText, Required: true, LocalizedText.Catalogued("Field.untrue.Label")),
            new("correct", FieldKind.LongText, Required: true, LocalizedText.Catalogued("Field.correct.Label")),
        ],
        [RequestType.Suspension.Id] =
        [
            new("action", FieldKind.Choice, Required: true, LocalizedText.Catalogued("Field.action.Label"), Choices:
            [
                FieldChoice.Catalogued("stop-use"),
                FieldChoice.Catalogued("erase"),
            ]),
            Ground(SuspensionGrounds),
            Scope,
        ],
        [RequestType.StopProvision.Id] = [Ground(StopProvisionGrounds), Scope],
        [RequestType.Access.Id] = [WhatDataOptional],
        [RequestType.Rectification.Id] =
        [
            new("untrue", FieldKind.LongText, Required: true, LocalizedText.Catalogued("Field.untrue.GdprLabel")),
            new("correct", FieldKind.LongText, Required: true, LocalizedText.Catalogued("Field.correct.GdprLabel")),
        ],
        [RequestType.Erasure.Id] = [Ground(ErasureGrounds), Scope],
        [RequestType.Restriction.Id] = [Ground(RestrictionGrounds), Scope],
        [RequestType.Portability.Id] = [WhatData],
        [RequestType.Objection.Id] =
        [
            Ground(ObjectionGrounds),
            new("reasons", FieldKind.LongText, Required: false, LocalizedText.Catalogued("Field.reasons.Label")),
        ],
        [RequestType.WithdrawConsent.Id] =
        [
            new("consent", FieldKind.LongText, Required: true, LocalizedText.Catalogued("Field.consent.Label")),
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
