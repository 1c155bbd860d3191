namespace PrivacyPortal.Domain.Controllers;

/// <summary>Where in the published policy a fact comes from: the source document and its section.</summary>
public sealed record SourceReference
{
    public string File { get; init; } = string.Empty;

    public string Section { get; init; } = string.Empty;
}
