namespace PrivacyPortal.Domain.Fees;

/// <summary>Japanese consumption tax on a fee.</summary>
public static class ConsumptionTax
{
    /// <summary>The standard rate since 2019-10-01 (Consumption Tax Act Art. 29 with the local consumption tax).</summary>
    public const int StandardRatePercent = 10;

    /// <summary>
    /// Tax on a net amount, rounded down to the currency's minor unit. Rounding down (切り捨て) is the usual
    /// practice for yen amounts and never charges a requester more than the published rate.
    /// </summary>
    public static long On(long netMinor, int ratePercent)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(netMinor);
        ArgumentOutOfRangeException.ThrowIfNegative(ratePercent);
        return netMinor * ratePercent / 100;
    }
}
