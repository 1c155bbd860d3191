using PrivacyPortal.Domain.Common;

namespace PrivacyPortal.Domain.Controllers;

/// <summary>What the requester, a legal representative and an appointed agent must send (APPI Art. 37(3)).</summary>
public sealed record IdentityRequirements
{
    public PartyDocuments Person { get; init; } = new();

    /// <summary>Legal representative of a minor or an adult ward.</summary>
    public PartyDocuments LegalRepresentative { get; init; } = new();

    /// <summary>An agent the person appointed (任意代理人).</summary>
    public PartyDocuments AppointedAgent { get; init; } = new();

    /// <summary>Whether ID images are kept after verification; false by default (data minimisation).</summary>
    public bool KeepDocumentImagesAfterVerification { get; init; }

    /// <summary>Who gets the answer when an agent files.</summary>
    public AgentAnswerRule AnswerTo { get; init; } = new();
}

/// <summary>Who the answer goes to when a representative or agent files.</summary>
public enum AnswerRecipient
{
    /// <summary>The representative or agent who filed (APPI Art. 37(3): the agent acts for the person).</summary>
    Agent,

    /// <summary>The person the data is about, at the address the agent gave for them.</summary>
    Person,
}

/// <summary>
/// The company's rule for answering a request an agent made. Where the policy is silent the answer goes to the agent
/// who filed, and the person is told of the request either way.
/// </summary>
public sealed record AgentAnswerRule
{
    public PublicationStatus Status { get; init; }

    public AnswerRecipient SendTo { get; init; } = AnswerRecipient.Agent;

    public string Source { get; init; } = string.Empty;
}

public sealed record PartyDocuments
{
    public PublicationStatus Status { get; init; }

    /// <summary>Whether this party may file at all; null when the policy does not say.</summary>
    public bool? Accepted { get; init; }

    public IReadOnlyList<DocumentRequirement> Documents { get; init; } = [];

    public LocalizedText? Note { get; init; }

    public string Source { get; init; } = string.Empty;
}

public sealed record DocumentRequirement
{
    /// <summary>A document kind id, see <see cref="Verification.IdentityDocumentKind"/>.</summary>
    public string Kind { get; init; } = string.Empty;

    public LocalizedText? Note { get; init; }
}

public sealed record RefusalGrounds
{
    public PublicationStatus Status { get; init; }

    public IReadOnlyList<RefusalGround> Grounds { get; init; } = [];

    public string Source { get; init; } = string.Empty;
}

public sealed record RefusalGround
{
    public string Code { get; init; } = string.Empty;

    public LocalizedText Text { get; init; } = new();

    /// <summary>
    /// The request type ids the policy's text attaches this ground to: a case a policy states for disclosure is not
    /// a ground for refusing a correction.
    /// </summary>
    public IReadOnlyList<string> Types { get; init; } = [];

    /// <summary>The section the ground is stated in, where it is not the section the grounds as a whole name.</summary>
    public string? Source { get; init; }
}

/// <summary>How long request documents are kept.</summary>
public sealed record RetentionRule
{
    public PublicationStatus Status { get; init; }

    public int? Years { get; init; }

    /// <summary>"fiscal-year-of-completion" or "completion-date".</summary>
    public string? From { get; init; }

    public int FiscalYearStartMonth { get; init; } = 4;

    public string Source { get; init; } = string.Empty;
}
