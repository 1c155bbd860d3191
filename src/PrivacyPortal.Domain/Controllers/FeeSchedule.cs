using PrivacyPortal.Domain.Common;
using PrivacyPortal.Domain.Fees;

namespace PrivacyPortal.Domain.Controllers;

/// <summary>A fee the policy publishes (APPI Art. 38(2): a fee must be set within a reasonable amount, based on actual cost).</summary>
public sealed record FeeSchedule
{
    public string Id { get; init; } = string.Empty;

    /// <summary>"always" when the policy says the fee is charged, "may" when it says it may be charged.</summary>
    public string Charge { get; init; } = "always";

    /// <summary>"request": one fee for a request however many types it combines.</summary>
    public string Per { get; init; } = "request";

    public FeeAmount Amount { get; init; } = new();

    public LocalizedText? Covers { get; init; }

    public PaymentTerms Payment { get; init; } = new();

    public string Source { get; init; } = string.Empty;
}

public sealed record FeeAmount
{
    public PublicationStatus Status { get; init; }

    /// <summary>The amount as published, in minor units of <see cref="Currency"/>.</summary>
    public long? Minor { get; init; }

    public string? Currency { get; init; }

    public TaxTreatment? Tax { get; init; }

    public int? TaxRatePercent { get; init; }

    public bool IsPublished() => Status == PublicationStatus.Published;
}

public sealed record PaymentTerms
{
    public PublicationStatus Status { get; init; }

    public IReadOnlyList<LocalizedText> Methods { get; init; } = [];

    /// <summary>Days the requester has to pay, when the policy states a number.</summary>
    public int? WindowDays { get; init; }

    public LocalizedText? Window { get; init; }

    /// <summary>"deemed-not-made" when an unpaid request is treated as never made; "not-published" otherwise.</summary>
    public string WhenUnpaid { get; init; } = "not-published";

    /// <summary>What the company does when too little is paid, where the policy says (NTT SmartConnect: tells the requester).</summary>
    public LocalizedText? Shortfall { get; init; }
}
