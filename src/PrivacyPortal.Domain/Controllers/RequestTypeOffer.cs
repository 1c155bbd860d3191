using PrivacyPortal.Domain.Common;

namespace PrivacyPortal.Domain.Controllers;

/// <summary>How one policy handles one request type.</summary>
public sealed record RequestTypeOffer
{
    /// <summary>Fee value when no fee may be charged (APPI Art. 38, GDPR Art. 12(5)) or the policy says the request is free.</summary>
    public const string NoFee = "none";

    /// <summary>Fee value when the policy says nothing about fees for this request.</summary>
    public const string FeeNotMentioned = "not-mentioned";

    /// <summary>A request type id, e.g. "disclosure".</summary>
    public string Type { get; init; } = string.Empty;

    public bool Accepted { get; init; } = true;

    /// <summary>
    /// True when the policy itself names this request. Older policies predate the 2022 APPI amendment and do not
    /// name every statutory right; the portal still offers them and says which the policy named.
    /// </summary>
    public bool NamedInPolicy { get; init; }

    /// <summary>How the policy says to submit: "mail", "email", "web-form", "in-person".</summary>
    public IReadOnlyList<string> Channels { get; init; } = [];

    /// <summary><see cref="NoFee"/>, <see cref="FeeNotMentioned"/> or the id of an entry in the profile's fees.</summary>
    public string Fee { get; init; } = NoFee;

    /// <summary>
    /// APPI Art. 33(1), PPC Rules Art. 30: the requester designates an electronic record, paper, or another method the
    /// business sets. The statutory two are always offered; a profile can add the company's own, never remove them.
    /// </summary>
    public IReadOnlyList<DisclosureMethodOffer> OtherDisclosureMethods { get; init; } = [];

    public RequestForm? Form { get; init; }

    public RequestForm? ProxyForm { get; init; }

    public LocalizedText? Note { get; init; }

    public string Source { get; init; } = string.Empty;
}

/// <summary>A form the controller asks requesters to use, with its number where the policy gives one.</summary>
public sealed record RequestForm
{
    public string? Number { get; init; }

    public LocalizedText Name { get; init; } = new();
}

/// <summary>A disclosure method the company offers beside the electronic record and paper the law names.</summary>
public sealed record DisclosureMethodOffer
{
    public string Id { get; init; } = string.Empty;

    public LocalizedText Name { get; init; } = new();
}
