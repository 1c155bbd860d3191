using PrivacyPortal.Domain.Controllers;

namespace PrivacyPortal.Infrastructure.Profiles;

/// <summary>A profile file that is wrong, named with its field: start-up and import stop on it.</summary>
public sealed record ProfileFileProblem(string File, string Field, string Message)
{
    public override string ToString() => $"{File}: {Field}: {Message}";
}

/// <summary>Thrown when any profile in a directory is invalid; the message lists every problem, one per line.</summary>
public sealed class ProfileLoadException : Exception
{
    public ProfileLoadException(IReadOnlyList<ProfileFileProblem> problems)
        : base(Describe(problems))
    {
        Problems = problems;
    }

    public ProfileLoadException()
        : this([])
    {
    }

    public ProfileLoadException(string message)
        : base(message)
    {
        Problems = [];
    }

    public ProfileLoadException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [];
    }

    public IReadOnlyList<ProfileFileProblem> Problems { get; } = [];

    internal static ProfileFileProblem From(string file, ProfileProblem problem) => new(file, problem.Field, problem.Message);

    private static string Describe(IReadOnlyList<ProfileFileProblem> problems) =>
        problems.Count == 0
            ? "Invalid procedure profiles."
            : $"Invalid procedure profiles ({problems.Count} problem{(problems.Count == 1 ? string.Empty : "s")}):"
              + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => "  " + p));
}
