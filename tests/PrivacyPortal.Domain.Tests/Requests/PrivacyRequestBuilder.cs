using PrivacyPortal.Domain.Controllers;
using PrivacyPortal.Domain.Deadlines;
using PrivacyPortal.Domain.Requests;
using PrivacyPortal.Domain.Tests.Controllers;

namespace PrivacyPortal.Domain.Tests.Requests;

/// <summary>
/// The one way the domain tests build a request: filed through the public form (a draft), confirmed (received, the
/// clock running) or with identity checked (in review). Every choice has a default a test overrides only when it is
/// what the test is about.
/// </summary>
internal sealed record PrivacyRequestBuilder
{
    public static readonly DateTime DefaultNow = new(2026, 11, 24, 1, 0, 0, DateTimeKind.Utc);

    public static readonly Requester Hanako = new()
    {
        FullName = "Hanako Yamada", BirthDate = new DateOnly(1985, 4, 1), PostalCode = "541-0047", Address = "Osaka", Email = "hanako@example.jp",
    };

    public static readonly IdentityCheck GoodCheck = new("passport", true, true, true, true, null);

    public ProcedureProfile Profile { get; init; } = ProfileBuilder.Appi();

    public string Language { get; init; } = "en";

    public Requester Requester { get; init; } = Hanako;

    public Agent? Agent { get; init; }

    public IReadOnlyList<string> Types { get; init; } = ["disclosure"];

    /// <summary>What the person wrote per type; a type not named here gets the first choice or "text" for each field.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Details { get; init; } = new Dictionary<string, IReadOnlyDictionary<string, string>>();

    public DateTime FiledAtUtc { get; init; } = DefaultNow;

    public IssuedSecret Confirmation { get; init; } = new("c", "cl");

    public IssuedSecret StatusLink { get; init; } = new("s", "sl");

    public string Reference { get; init; } = "EX-2026-000001";

    /// <summary>Identity documents to follow by post rather than be uploaded.</summary>
    public bool DocumentsByPost { get; init; }

    public static PrivacyRequestBuilder For(ProcedureProfile profile) => new() { Profile = profile };

    public PrivacyRequestBuilder WithTypes(params string[] types) => types.Length == 0 ? this : this with { Types = types };

    public PrivacyRequestBuilder WithAgent(Agent? agent) => this with { Agent = agent };

    public PrivacyRequestBuilder FiledAt(DateTime nowUtc) => this with { FiledAtUtc = nowUtc };

    /// <summary>What the person wrote for one type, instead of the defaults.</summary>
    public PrivacyRequestBuilder WithDetails(string type, IReadOnlyDictionary<string, string> details) =>
        this with { Details = new Dictionary<string, IReadOnlyDictionary<string, string>>(Details, StringComparer.Ordinal) { [type] = details } };

    /// <summary>Each field of the type's form answered with its first choice, or "text".</summary>
    public static IReadOnlyDictionary<string, string> DefaultDetails(string type) =>
        RequestFields.For(type).ToDictionary(f => f.Id, f => f.Kind == FieldKind.Choice ? f.Choices![0].Id : "text", StringComparer.Ordinal);

    public NewRequest NewRequest() => new(
        "example", Language, Requester, Agent,
        Types.Select(t => (t, Details.GetValueOrDefault(t) ?? DefaultDetails(t))).ToList(),
        DocumentsByPost,
        "key");

    /// <summary>Filed, not yet confirmed by email.</summary>
    public PrivacyRequest Draft() => PrivacyRequest.File(NewRequest(), Profile, 1, Confirmation, StatusLink, FiledAtUtc);

    /// <summary>Confirmed by email: received, with its reference; an agent's request gets the person's own link.</summary>
    public PrivacyRequest Received()
    {
        var request = Draft();
        request.ConfirmEmail(Confirmation.Hash, Reference, DeadlineRules.For(Profile), new IssuedSecret("s2", "sl2"), FiledAtUtc, Agent is null ? null : new IssuedSecret("p", "pl"));
        return request;
    }

    /// <summary>Received and identity checked by an officer.</summary>
    public PrivacyRequest InReview(IdentityCheck? check = null)
    {
        var request = Received();
        request.VerifyIdentity("officer", check ?? (Agent is null ? GoodCheck : GoodCheck with { AgentAuthorityShown = true }), Profile, DeadlineRules.For(Profile), FiledAtUtc);
        return request;
    }
}
