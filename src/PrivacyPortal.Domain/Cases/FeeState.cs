namespace PrivacyPortal.Domain.Cases;

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

    /// <summary>Whether the decision may go out: nothing is owed.</summary>
    public bool IsSettled => Status is FeeStatus.NotRequested or FeeStatus.Paid or FeeStatus.Waived;
}
