namespace PrivacyPortal.Domain.Requests;

/// <summary>
/// What an officer decided on one request type within a request. Each statute answers its own right: a request for
/// disclosure and correction gets a disclosure answer (APPI Art. 33(3)) and a correction answer (Art. 34(3)).
/// </summary>
/// <param name="Changes">For a correction: what was corrected, added or deleted (APPI Art. 34(3) notifies its content).</param>
/// <param name="Method">For a disclosure: the method it is made by, when not the one the requester designated.</param>
/// <param name="MethodReasons">Why the designated method was very costly or difficult (APPI Art. 33(2), (3)).</param>
public sealed record ItemDecision(
    DecisionOutcome Outcome,
    IReadOnlyList<string> Grounds,
    string? Reasons,
    string? Changes,
    string? Method,
    string? MethodReasons,
    DateTime DecidedAtUtc)
{
    /// <summary>Anything short of doing what was asked: the statute's notice of a decision not to act applies.</summary>
    public bool Limits => Outcome is DecisionOutcome.PartiallyFulfilled or DecisionOutcome.Refused;
}

/// <summary>What the officer enters to decide one item.</summary>
public sealed record ItemAnswer(
    DecisionOutcome Outcome,
    IReadOnlyList<string> Grounds,
    string? Reasons,
    string? Changes = null,
    string? Method = null,
    string? MethodReasons = null);
