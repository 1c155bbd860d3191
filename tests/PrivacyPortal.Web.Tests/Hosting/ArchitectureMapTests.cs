using System.Text.RegularExpressions;
using PrivacyPortal.Web.Tests.Support;

namespace PrivacyPortal.Web.Tests.Hosting;

/// <summary>
/// docs/architecture.md is the map of the system: every repository path it names in backticks exists, the verbs it
/// names as `portal &lt;verb&gt;` are exactly the ones the CLI dispatches, and no folder of the request aggregate and
/// no Razor Pages area is missing from it. Fenced blocks (the layer drawing) are prose, not checked.
/// </summary>
public sealed partial class ArchitectureMapTests
{
    private static readonly string Document = Path.Combine(RepoPaths.Root, "docs", "architecture.md");

    [Fact]
    public void EveryPathTheDocumentNames_Exists()
    {
        var paths = CodeSpans()
            .Select(span => RepositoryPath().Match(span.Trim()))
            .Where(match => match.Success)
            .Select(match => match.Value)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var missing = paths.Where(path => !Exists(path)).ToList();

        Assert.Contains("src/PrivacyPortal.Domain/Requests/PrivacyRequest.cs", paths);
        Assert.True(missing.Count == 0, $"docs/architecture.md names paths that do not exist: {string.Join(", ", missing)}");
    }

    [Fact]
    public void TheVerbsTheDocumentNames_AreExactlyTheVerbsThePortalCommandDispatches()
    {
        var dispatched = DispatchedVerbs();
        var named = CodeSpans()
            .Select(span => PortalVerb().Match(span.Trim()))
            .Where(match => match.Success)
            .Select(match => match.Groups["verb"].Value)
            .ToHashSet(StringComparer.Ordinal);
        var unknown = named.Except(dispatched).Order(StringComparer.Ordinal).ToList();
        var unnamed = dispatched.Except(named).Order(StringComparer.Ordinal).ToList();

        Assert.Contains("migrate", dispatched);
        Assert.Contains("worker", dispatched);
        Assert.True(unknown.Count == 0, $"docs/architecture.md names verbs the portal command does not have: {string.Join(", ", unknown)}");
        Assert.True(unnamed.Count == 0, $"verbs docs/architecture.md does not name as `portal <verb>`: {string.Join(", ", unnamed)}");
    }

    [Fact]
    public void EveryPartOfTheRequest_AndEveryRazorPagesArea_IsOnTheMap()
    {
        var named = CodeSpans().Select(span => span.Trim().TrimEnd('/')).ToHashSet(StringComparer.Ordinal);
        var folders = Subfolders("src/PrivacyPortal.Domain/Requests").Concat(Subfolders("src/PrivacyPortal.Web/Areas")).ToList();
        var missing = folders.Where(folder => !named.Contains(folder)).ToList();

        Assert.Contains("src/PrivacyPortal.Domain/Requests/Fee", folders);
        Assert.Contains("src/PrivacyPortal.Web/Areas/Staff", folders);
        Assert.True(missing.Count == 0, $"docs/architecture.md does not name these folders as paths in backticks: {string.Join(", ", missing)}");
    }

    [Fact]
    public void TheCaseFeature_HasAFolderPerPartOfTheRequest_AndEveryActionPageSitsInOne()
    {
        const string cases = "src/PrivacyPortal.Web/Areas/Staff/Pages/Cases";
        var parts = Subfolders("src/PrivacyPortal.Domain/Requests").Select(Path.GetFileName).ToList();
        var caseFolders = Subfolders(cases).Select(Path.GetFileName).ToList();
        var loosePages = Directory.GetFiles(Path.Combine(RepoPaths.Root, cases), "*.cshtml")
            .Select(Path.GetFileName)
            .Where(name => !name!.StartsWith('_'))
            .ToList();

        Assert.Contains("Identity", parts);
        Assert.Equal(parts, caseFolders);
        Assert.True(loosePages.Count == 0, $"action pages outside a part's folder: {string.Join(", ", loosePages)}");
    }

    /// <summary>The text of every inline code span, outside fenced blocks; a span may run over a line break.</summary>
    private static List<string> CodeSpans()
    {
        var text = FencedBlock().Replace(File.ReadAllText(Document), string.Empty);
        return [.. CodeSpan().Matches(text).Select(match => match.Groups["code"].Value)];
    }

    /// <summary>The verbs PortalCli.RunAsync dispatches, read from its switch: the CLI keeps no list of them.</summary>
    private static HashSet<string> DispatchedVerbs()
    {
        var source = File.ReadAllText(Path.Combine(RepoPaths.Root, "src", "PrivacyPortal.Cli", "PortalCli.cs"));
        return DispatchArm().Matches(source).Select(match => match.Groups["verb"].Value).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The folders directly under a repository folder, as repository paths.</summary>
    private static IEnumerable<string> Subfolders(string relative) =>
        Directory.GetDirectories(Path.Combine(RepoPaths.Root, relative))
            .Select(directory => $"{relative}/{Path.GetFileName(directory)}")
            .Order(StringComparer.Ordinal);

    /// <summary>
    /// Whether a repository path exists as a file or a directory (a directory when it ends with a slash); a
    /// placeholder such as &lt;controller&gt; stands for any one name.
    /// </summary>
    private static bool Exists(string path)
    {
        List<string> found = [RepoPaths.Root];
        foreach (var segment in path.TrimEnd('/').Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            found = [.. found.SelectMany(directory => Entries(directory, segment))];
        }

        return path.EndsWith('/') ? found.Exists(Directory.Exists) : found.Count > 0;
    }

    private static IEnumerable<string> Entries(string directory, string segment)
    {
        if (!Directory.Exists(directory))
        {
            return [];
        }

        if (!segment.Contains('<', StringComparison.Ordinal))
        {
            var entry = Path.Combine(directory, segment);
            return File.Exists(entry) || Directory.Exists(entry) ? [entry] : [];
        }

        var pattern = new Regex($"^{Placeholder().Replace(Regex.Escape(segment), "[^/]+")}$", RegexOptions.CultureInvariant);
        return Directory.EnumerateFileSystemEntries(directory).Where(entry => pattern.IsMatch(Path.GetFileName(entry)));
    }

    [GeneratedRegex(@"^```.*?^```[^\n]*$", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex FencedBlock();

    [GeneratedRegex("`(?<code>[^`]+)`")]
    private static partial Regex CodeSpan();

    [GeneratedRegex(@"^(?:src|tests|seeds|scripts|docs)/\S*")]
    private static partial Regex RepositoryPath();

    [GeneratedRegex(@"^portal (?<verb>[a-z][a-z0-9-]*)")]
    private static partial Regex PortalVerb();

    [GeneratedRegex("\"(?<verb>[a-z][a-z0-9-]*)\" => await ")]
    private static partial Regex DispatchArm();

    [GeneratedRegex("<[^<>]+>")]
    private static partial Regex Placeholder();
}
