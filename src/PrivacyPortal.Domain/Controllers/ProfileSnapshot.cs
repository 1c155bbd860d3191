namespace PrivacyPortal.Domain.Controllers;

/// <summary>A validated profile with its controller, in the canonical form that is stored and hashed.</summary>
public sealed record ProfileSnapshot(
    DataControllerProfile Controller,
    ProcedureProfile Profile,
    string Content,
    string Sha256,
    string SourcePath);
