namespace PrivacyPortal.Domain.Requests;

/// <summary>A body of law whose request rights and periods a profile can enable.</summary>
public enum Regime
{
    Appi,
    Gdpr,
    Ccpa,
}

public static class Regimes
{
    public static string Id(this Regime regime) => regime switch
    {
        Regime.Appi => "appi",
        Regime.Gdpr => "gdpr",
        Regime.Ccpa => "ccpa",
    };

    public static bool TryParse(string? id, out Regime regime)
    {
        foreach (var candidate in Enum.GetValues<Regime>())
        {
            if (candidate.Id() == id)
            {
                regime = candidate;
                return true;
            }
        }

        regime = default;
        return false;
    }
}
