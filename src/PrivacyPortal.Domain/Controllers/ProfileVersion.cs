namespace PrivacyPortal.Domain.Controllers;

/// <summary>One immutable version of a procedure profile, stored as the canonical JSON it was validated as.</summary>
public sealed class ProfileVersion
{
    public const int MaxSourcePathLength = 500;

    internal ProfileVersion(string policyId, int number, string contentSha256, string content, string sourcePath, DateTime importedAtUtc)
    {
        PolicyId = policyId;
        Number = number;
        ContentSha256 = contentSha256;
        Content = content;
        SourcePath = sourcePath;
        ImportedAtUtc = importedAtUtc;
    }

    private ProfileVersion()
    {
    }

    public long Id { get; private set; }

    public string PolicyId { get; private set; } = string.Empty;

    public int Number { get; private set; }

    /// <summary>SHA-256 of <see cref="Content"/>, lower-case hex: an unchanged re-import is recognised by it.</summary>
    public string ContentSha256 { get; private set; } = string.Empty;

    public string Content { get; private set; } = string.Empty;

    public string SourcePath { get; private set; } = string.Empty;

    public DateTime ImportedAtUtc { get; private set; }
}
