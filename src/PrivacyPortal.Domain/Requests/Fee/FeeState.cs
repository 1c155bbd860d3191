namespace PrivacyPortal.Domain.Requests;

public enum FeeStatus
{
    NotRequested,
    Requested,
    Paid,
    Waived,
    Expired,
}

/// <summary>The fee asked for on one request and what became of it (APPI Art. 38).</summary>
public sealed record FeeState
{
    public const int MaxTextLength = 200;

    public FeeStatus Status { get; init; }

    /// <summary>Tax-inclusive amount asked for, in minor units of <see cref="Currency"/>.</summary>
    public long? AmountMinor { get; init; }

    public string? Currency { get; init; }

    public DateOnly? RequestedOn { get; init; }

    /// <summary>Last day to pay, when the policy sets a window.</summary>
    public DateOnly? PayBy { get; init; }

    public DateOnly? PaidOn { get; init; }

    public string? PaymentMethod { get; init; }

    public string? ReceiptNumber { get; init; }

    public string? WaiverReason { get; init; }

    /// <summary>The article the fee rests on (<see cref="FeeBases"/>); null for a fee the policy publishes.</summary>
    public string? Basis { get; init; }

    /// <summary>Why this amount, for a fee the officer set: the controller must be able to show it (GDPR Art. 12(5)).</summary>
    public string? Reasons { get; init; }

    /// <summary>Whether the decision may go out: nothing is owed.</summary>
    public bool IsSettled => Status is FeeStatus.NotRequested or FeeStatus.Paid or FeeStatus.Waived;
}

/// <summary>What an officer-set fee rests on.</summary>
public static class FeeBases
{
    /// <summary>APPI Art. 38: the policy says a fee may be charged but publishes no amount (Net One); set per request.</summary>
    public const string AppiUnpublished = "appi-38";

    /// <summary>GDPR Art. 12(5)(a): a reasonable fee for a manifestly unfounded or excessive request.</summary>
    public const string GdprExcessive = "gdpr-12-5-a";

    /// <summary>GDPR Art. 15(3): a reasonable fee for further copies.</summary>
    public const string GdprFurtherCopies = "gdpr-15-3";

    public static IReadOnlyList<string> All { get; } = [AppiUnpublished, GdprExcessive, GdprFurtherCopies];

    public static string Article(string basis) => basis switch
    {
        AppiUnpublished => "APPI Art. 38",
        GdprExcessive => "GDPR Art. 12(5)(a)",
        GdprFurtherCopies => "GDPR Art. 15(3)",
        _ => basis,
    };
}
