namespace PrivacyPortal.Cli;

/// <summary>Exit codes scripts can rely on. Documented in README and `portal help`.</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    public const int Failure = 1;
    public const int Usage = 2;
    public const int NotFound = 3;
    public const int InvalidProfiles = 4;

    /// <summary>`portal audit verify` found a broken link.</summary>
    public const int ChainBroken = 5;
}
