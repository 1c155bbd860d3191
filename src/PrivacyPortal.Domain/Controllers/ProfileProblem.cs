namespace PrivacyPortal.Domain.Controllers;

/// <summary>One thing wrong with a profile: the field (a JSON path such as <c>requestTypes[2].fee</c>) and what is wrong.</summary>
public sealed record ProfileProblem(string Field, string Message)
{
    public override string ToString() => $"{Field}: {Message}";
}
