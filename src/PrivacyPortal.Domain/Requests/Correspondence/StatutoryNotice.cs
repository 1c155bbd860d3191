namespace PrivacyPortal.Domain.Requests;

/// <summary>The notice a statute requires for one item's decision, which the decision letter says it is.</summary>
public static class StatutoryNotice
{
    /// <summary>
    /// The article whose notice the decision is, or null when the answer itself is all the law asks for:
    /// APPI Art. 32(3) (not notifying the purpose), 33(3) (not disclosing, not held, or another method), 34(3)
    /// (corrected or not, always), 35(7) (suspended, erased, stopped or not, always); GDPR Art. 12(4) (not acting).
    /// </summary>
    public static string? Article(RequestType type, ItemDecision decision, string? requestedMethod)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(decision);
        var limited = decision.Limits;
        if (type.Regime == Regime.Gdpr)
        {
            return limited ? "GDPR Art. 12(4)" : null;
        }

        return type.Id switch
        {
            "purpose-notification" => limited || decision.Outcome == DecisionOutcome.NotHeld ? "APPI Art. 32(3)" : null,
            "disclosure" or "third-party-records" =>
                limited || decision.Outcome == DecisionOutcome.NotHeld || (decision.Method is not null && decision.Method != requestedMethod) ? "APPI Art. 33(3)" : null,
            "correction" => "APPI Art. 34(3)",
            "suspension" or "stop-provision" => "APPI Art. 35(7)",
            _ => null,
        };
    }
}
