using PrivacyPortal.Domain.Common;

namespace PrivacyPortal.Domain.Controllers;

/// <summary>
/// The machine-readable form of one published policy: who to write to, which requests are accepted and how,
/// what they cost, what proves identity. Every fact names its source; silence in the policy is recorded as
/// <see cref="PublicationStatus.NotPublished"/>, never filled in.
/// </summary>
public sealed record ProcedureProfile
{
    public const int MaxIdLength = 64;

    public string Id { get; init; } = string.Empty;

    public string ControllerId { get; init; } = string.Empty;

    public PolicyDocument Policy { get; init; } = new();

    /// <summary>"appi", "gdpr", "ccpa".</summary>
    public IReadOnlyList<string> Regimes { get; init; } = [];

    public ContactDesk? Desk { get; init; }

    public OfficerTitle? Officer { get; init; }

    public IReadOnlyList<FeeSchedule> Fees { get; init; } = [];

    /// <summary>GDPR Art. 12(5)(a), 15(3): whether the controller charges the fees the GDPR allows. Off unless the profile says so.</summary>
    public GdprFees GdprFees { get; init; } = new();

    public IReadOnlyList<RequestTypeOffer> RequestTypes { get; init; } = [];

    public IdentityRequirements Identity { get; init; } = new();

    public RefusalGrounds RefusalGrounds { get; init; } = new();

    public RetentionRule Retention { get; init; } = new();

    public IReadOnlyList<ComplaintBody> Complaints { get; init; } = [];

    public ResponseTargets Targets { get; init; } = new();

    public DeliverySettings Delivery { get; init; } = new();

    public BusinessCalendarSettings Calendar { get; init; } = new();

    public IReadOnlyList<LocalizedText> Notes { get; init; } = [];

    /// <summary>
    /// The portal's online form is one of the company's channels (APPI Art. 37(1): the business sets how requests are
    /// received); on by default. Off, the procedure page lists only the policy's own channels and the form is not offered.
    /// </summary>
    public bool OnlineForm { get; init; } = true;

    public RequestTypeOffer? Offer(string requestTypeId) =>
        RequestTypes.FirstOrDefault(o => o.Type == requestTypeId);

    public FeeSchedule? FindFee(string feeId) => Fees.FirstOrDefault(f => f.Id == feeId);

    /// <summary>
    /// The schedule whose payment terms a fee request states (the first with a published amount): one choice for the
    /// status page, the email and the letter, so the three give the same methods.
    /// </summary>
    public FeeSchedule? PaymentSchedule => Fees.FirstOrDefault(f => f.Amount.IsPublished()) ?? (Fees.Count > 0 ? Fees[0] : null);

    /// <summary>Where a payment sent by post goes (stamps, a postal order): the desk, when the profile gives its address.</summary>
    public string? PaymentAddress(string language) =>
        Desk?.Address is { } address
            ? string.Join(" ", new[] { Desk.PostalCode is { } code ? $"〒{code}" : null, address.In(language), Desk.Name.In(language) }.Where(p => !string.IsNullOrWhiteSpace(p)))
            : null;

    public bool Has(Requests.Regime regime) => Regimes.Contains(Requests.Regimes.Id(regime));

    /// <summary>The request types this policy accepts, the four families first, in the catalogue's order.</summary>
    public IReadOnlyList<(Requests.RequestType Type, RequestTypeOffer Offer)> AcceptedTypes() =>
        Requests.RequestType.All
            .Select(type => (Type: type, Offer: Offer(type.Id)))
            .Where(pair => pair.Offer is { Accepted: true })
            .OrderBy(pair => pair.Type.Family)
            .Select(pair => (pair.Type, pair.Offer!))
            .ToList();
}

/// <summary>
/// The fees the GDPR allows a controller (it never requires them): a reasonable fee for a manifestly unfounded or
/// excessive request (Art. 12(5)(a)) and for further copies (Art. 15(3)).
/// </summary>
public sealed record GdprFees
{
    public bool ManifestlyUnfoundedOrExcessive { get; init; }

    public bool FurtherCopies { get; init; }

    public string Source { get; init; } = string.Empty;
}

/// <summary>The published policy a profile transcribes.</summary>
public sealed record PolicyDocument
{
    public LocalizedText Title { get; init; } = new();

    /// <summary>The seed file the profile was transcribed from.</summary>
    public string SourceFile { get; init; } = string.Empty;

    /// <summary>The date the policy gives for itself (established, revised, effective), when it gives one.</summary>
    public DateOnly? Dated { get; init; }

    /// <summary>Languages the policy is published in ("ja", "en").</summary>
    public IReadOnlyList<string> Languages { get; init; } = [];

    public string? Url { get; init; }
}

/// <summary>Where requests and inquiries go.</summary>
public sealed record ContactDesk
{
    public LocalizedText Name { get; init; } = new();

    public string? PostalCode { get; init; }

    public LocalizedText? Address { get; init; }

    public string? Phone { get; init; }

    public LocalizedText? Hours { get; init; }

    public string? Email { get; init; }

    public string? WebForm { get; init; }

    public string Source { get; init; } = string.Empty;
}

/// <summary>The title of the person responsible (chief privacy officer, data protection officer, administrator).</summary>
public sealed record OfficerTitle
{
    public LocalizedText Title { get; init; } = new();

    public string Source { get; init; } = string.Empty;
}

/// <summary>A complaint route the policy names: an accredited personal information protection organisation or a supervisory authority.</summary>
public sealed record ComplaintBody
{
    /// <summary>"accredited-organisation" (APPI Art. 47) or "supervisory-authority" (GDPR Art. 77).</summary>
    public string Kind { get; init; } = string.Empty;

    public LocalizedText Name { get; init; } = new();

    public LocalizedText? Desk { get; init; }

    public LocalizedText? Address { get; init; }

    public string? Phone { get; init; }

    public LocalizedText? Hours { get; init; }

    public string Source { get; init; } = string.Empty;
}

/// <summary>The controller's own targets; never a legal deadline (APPI says only "without delay").</summary>
public sealed record ResponseTargets
{
    public const int DefaultInternalTargetDays = 14;
    public const int DefaultEscalationDays = 10;

    /// <summary>Calendar days from receipt; 14 by default so the answer precedes the APPI Art. 39 date.</summary>
    public int InternalTargetDays { get; init; } = DefaultInternalTargetDays;

    public int EscalationDays { get; init; } = DefaultEscalationDays;
}

/// <summary>How the disclosed data reaches the requester (DESIGN).</summary>
public sealed record DeliverySettings
{
    public const int DefaultDownloadDays = 30;

    /// <summary>Days from sending the answer that the requester can download the disclosed files; then they are deleted.</summary>
    public int DownloadDays { get; init; } = DefaultDownloadDays;
}

/// <summary>Which days the controller's office is closed.</summary>
public sealed record BusinessCalendarSettings
{
    /// <summary>12/29-1/3 closure: law only for government offices, common practice for Japanese companies.</summary>
    public bool YearEndClosure { get; init; } = true;

    /// <summary>"weekends" (the default) or "japan" for GDPR's roll-forward over public holidays (Reg. 1182/71 Art. 3(4)).</summary>
    public string GdprHolidays { get; init; } = "weekends";

    public IReadOnlyList<DateOnly> Closures { get; init; } = [];
}
