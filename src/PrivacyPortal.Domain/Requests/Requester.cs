namespace PrivacyPortal.Domain.Requests;

/// <summary>The person the data is about. Only what identifying them and answering needs is asked.</summary>
public sealed record Requester
{
    public const int MaxNameLength = 100;
    public const int MaxAddressLength = 300;
    public const int MaxEmailLength = 254;
    public const int MaxPhoneLength = 20;
    public const int MaxPostalCodeLength = 8;
    public const int MaxCustomerNumberLength = 100;
    public const int MaxRelationshipLength = 200;

    public string FullName { get; init; } = string.Empty;

    public string? Kana { get; init; }

    public DateOnly BirthDate { get; init; }

    public string PostalCode { get; init; } = string.Empty;

    public string Address { get; init; } = string.Empty;

    public string Email { get; init; } = string.Empty;

    public string? Phone { get; init; }

    public string? CustomerNumber { get; init; }

    /// <summary>How the person relates to the company (customer, former employee, ...).</summary>
    public string? Relationship { get; init; }
}

/// <summary>Who may ask for someone else (APPI Art. 37(3)): a legal representative or an agent the person appointed.</summary>
public enum AgentKind
{
    /// <summary>Parent or guardian of a minor.</summary>
    LegalRepresentativeOfMinor,

    /// <summary>Guardian of an adult ward (成年後見人).</summary>
    LegalRepresentativeOfAdultWard,

    /// <summary>An agent the person appointed with a power of attorney (任意代理人).</summary>
    AppointedAgent,
}

public sealed record Agent
{
    public AgentKind Kind { get; init; }

    public string FullName { get; init; } = string.Empty;

    public string Email { get; init; } = string.Empty;

    public string? Phone { get; init; }

    public string PostalCode { get; init; } = string.Empty;

    public string Address { get; init; } = string.Empty;

    public bool IsLegalRepresentative => Kind is AgentKind.LegalRepresentativeOfMinor or AgentKind.LegalRepresentativeOfAdultWard;
}
