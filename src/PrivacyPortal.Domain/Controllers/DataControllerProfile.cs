using PrivacyPortal.Domain.Common;

namespace PrivacyPortal.Domain.Controllers;

/// <summary>The company (personal information handling business operator) behind one or more policies.</summary>
public sealed record DataControllerProfile
{
    public const int MaxIdLength = 64;

    public string Id { get; init; } = string.Empty;

    public LocalizedText Name { get; init; } = new();

    /// <summary>Where a name the policy does not give comes from (the registered Japanese name, a fact of public record).</summary>
    public string? NameSource { get; init; }

    /// <summary>Other ways people look the company up: its katakana reading, short names, romaji.</summary>
    public IReadOnlyList<string> Readings { get; init; } = [];

    public LocalizedText? Address { get; init; }

    public LocalizedText? Representative { get; init; }

    /// <summary>Start of every reference number of this controller's requests, e.g. NTTSMC in NTTSMC-2026-000123.</summary>
    public string ReferencePrefix { get; init; } = string.Empty;

    /// <summary>The seed file and section the facts come from.</summary>
    public SourceReference? Source { get; init; }
}
