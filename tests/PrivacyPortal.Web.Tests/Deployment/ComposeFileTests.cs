using System.Diagnostics;
using System.Text.RegularExpressions;
using PrivacyPortal.Web.Tests.Support;

namespace PrivacyPortal.Web.Tests.Deployment;

/// <summary>
/// docker-compose.yml as Debian's docker-compose reads it (no container engine runs here): valid with the example
/// environment, the four services there, and no secret in the file: without the secrets in the environment it
/// refuses to start and names what is missing.
/// </summary>
public sealed partial class ComposeFileTests : IDisposable
{
    private readonly TempDirectory _empty = new();

    public void Dispose() => _empty.Dispose();

    [Fact]
    public async Task TheComposeFile_IsValid_WithTheExampleEnvironment()
    {
        var (exit, output) = await ComposeAsync(["--env-file", Path.Combine(RepoPaths.Root, ".env.example"), "config", "-q"]);
        Assert.True(exit == 0, output);

        var (_, services) = await ComposeAsync(["--env-file", Path.Combine(RepoPaths.Root, ".env.example"), "config", "--services"]);
        Assert.Equal(["mailpit", "portal", "postgres", "worker"], services.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task WithoutTheSecrets_ComposeRefuses_AndNamesThem()
    {
        var emptyEnv = _empty.File("empty.env");
        await File.WriteAllTextAsync(emptyEnv, string.Empty);
        var (exit, output) = await ComposeAsync(["--env-file", emptyEnv, "config", "-q"]);
        Assert.NotEqual(0, exit);
        Assert.Matches("POSTGRES_PASSWORD|PORTAL_PUBLIC_BASE_URL|PORTAL_KEYRING_PASSWORD", output);
    }

    [Fact]
    public void TheComposeFile_HoldsNoSecret()
    {
        var text = File.ReadAllText(Path.Combine(RepoPaths.Root, "docker-compose.yml"));
        // Every password-like value is a variable reference, never a literal.
        foreach (Match match in SecretAssignment().Matches(text))
        {
            Assert.StartsWith("${", match.Groups["value"].Value.TrimStart('"'), StringComparison.Ordinal);
        }

        Assert.Contains("PASSWORD", text, StringComparison.Ordinal);
        Assert.Contains(".env", File.ReadAllText(Path.Combine(RepoPaths.Root, ".gitignore")), StringComparison.Ordinal);
    }

    private static async Task<(int Exit, string Output)> ComposeAsync(string[] arguments)
    {
        var start = new ProcessStartInfo("docker-compose", ["-f", Path.Combine(RepoPaths.Root, "docker-compose.yml"), .. arguments])
        {
            WorkingDirectory = RepoPaths.Root,
        };
        // Only what the test passes: the machine's own environment must not supply a secret.
        foreach (var name in new[] { "POSTGRES_PASSWORD", "PORTAL_PUBLIC_BASE_URL", "PORTAL_KEYRING_PASSWORD" })
        {
            start.Environment.Remove(name);
        }

        return await ChildProcess.RunAsync(start);
    }

    [GeneratedRegex(@"(?i)(?<!\$\{\w*)(password|secret|key)\w*[:=][ \t]*(?<value>""?[^\s""]+)", RegexOptions.Multiline)]
    private static partial Regex SecretAssignment();
}
