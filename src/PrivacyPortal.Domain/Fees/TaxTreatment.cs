namespace PrivacyPortal.Domain.Fees;

/// <summary>How a published amount relates to consumption tax.</summary>
public enum TaxTreatment
{
    /// <summary>The published amount already includes tax.</summary>
    Included,

    /// <summary>The published amount is before tax ("1,000 yen + consumption tax").</summary>
    Excluded,

    /// <summary>No tax applies to this amount.</summary>
    NotApplicable,
}
