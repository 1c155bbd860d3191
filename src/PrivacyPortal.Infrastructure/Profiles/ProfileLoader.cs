using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using PrivacyPortal.Domain.Controllers;

namespace PrivacyPortal.Infrastructure.Profiles;

/// <summary>
/// Reads a seeds directory: one folder per controller holding <c>controller.json</c> and one JSON file per policy.
/// Every file is checked and every problem reported before anything is used, so a broken profile stops start-up
/// with a message naming the file and the field.
/// </summary>
public static class ProfileLoader
{
    public const string ControllerFileName = "controller.json";

    public static ProfileCatalog LoadDirectory(string directory)
    {
        var root = Path.GetFullPath(directory);
        if (!System.IO.Directory.Exists(root))
        {
            throw new ProfileLoadException([new ProfileFileProblem(root, "(directory)", "the profiles directory does not exist")]);
        }

        var problems = new List<ProfileFileProblem>();
        var snapshots = new List<ProfileSnapshot>();
        var controllerFolders = System.IO.Directory.GetDirectories(root).OrderBy(d => d, StringComparer.Ordinal).ToList();
        var controllerIds = new Dictionary<string, string>(StringComparer.Ordinal);
        var profileIds = new Dictionary<string, string>(StringComparer.Ordinal);
        var prefixes = new Dictionary<string, string>(StringComparer.Ordinal);

        foreach (var folder in controllerFolders)
        {
            var controllerPath = Path.Combine(folder, ControllerFileName);
            var profilePaths = System.IO.Directory.GetFiles(folder, "*.json")
                .Where(p => Path.GetFileName(p) != ControllerFileName)
                .OrderBy(p => p, StringComparer.Ordinal)
                .ToList();
            if (!File.Exists(controllerPath))
            {
                if (profilePaths.Count > 0)
                {
                    problems.Add(new(Relative(root, controllerPath), "(file)", "is missing: every controller folder needs a controller.json"));
                }

                continue;
            }

            var controller = Read<DataControllerProfile>(root, controllerPath, problems);
            if (controller is null)
            {
                continue;
            }

            var controllerProblems = ProfileRules.Check(controller);
            problems.AddRange(controllerProblems.Select(p => ProfileLoadException.From(Relative(root, controllerPath), p)));
            if (controllerProblems.Count > 0)
            {
                continue;
            }

            if (!controllerIds.TryAdd(controller.Id, controllerPath))
            {
                problems.Add(new(Relative(root, controllerPath), "id", $"duplicate controller id '{controller.Id}', also in {Relative(root, controllerIds[controller.Id])}"));
                continue;
            }

            if (!prefixes.TryAdd(controller.ReferencePrefix, controllerPath))
            {
                problems.Add(new(Relative(root, controllerPath), "referencePrefix", $"'{controller.ReferencePrefix}' is already used by {Relative(root, prefixes[controller.ReferencePrefix])}"));
            }

            foreach (var profilePath in profilePaths)
            {
                var file = Relative(root, profilePath);
                var profile = Read<ProcedureProfile>(root, profilePath, problems);
                if (profile is null)
                {
                    continue;
                }

                var profileProblems = ProfileRules.Check(profile).ToList();
                if (profile.ControllerId != controller.Id && profile.ControllerId.Length > 0)
                {
                    profileProblems.Add(new("controllerId", $"'{profile.ControllerId}' does not match the folder's controller '{controller.Id}'"));
                }

                if (profile.Id.Length > 0 && !profileIds.TryAdd(profile.Id, profilePath))
                {
                    profileProblems.Add(new("id", $"duplicate profile id '{profile.Id}', also in {Relative(root, profileIds[profile.Id])}"));
                }

                problems.AddRange(profileProblems.Select(p => ProfileLoadException.From(file, p)));
                if (profileProblems.Count == 0)
                {
                    snapshots.Add(Snapshot(controller, profile, file));
                }
            }
        }

        if (problems.Count == 0 && snapshots.Count == 0)
        {
            problems.Add(new(root, "(directory)", "holds no profiles: expected <controller>/controller.json and <controller>/<profile-id>.json"));
        }

        if (problems.Count > 0)
        {
            throw new ProfileLoadException(problems);
        }

        return new ProfileCatalog(root, snapshots);
    }

    /// <summary>The canonical stored form: the validated records re-serialised, so formatting alone never makes a new version.</summary>
    public static ProfileSnapshot Snapshot(DataControllerProfile controller, ProcedureProfile profile, string sourcePath)
    {
        var content = JsonSerializer.Serialize(new StoredProfile(controller, profile), ProfileJson.Options);
        var sha = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)));
        return new ProfileSnapshot(controller, profile, content, sha, sourcePath);
    }

    public static ProfileSnapshot FromStored(string content, string sourcePath)
    {
        var stored = JsonSerializer.Deserialize<StoredProfile>(content, ProfileJson.Options)
            ?? throw new InvalidOperationException("A stored profile version is empty.");
        return Snapshot(stored.Controller, stored.Profile, sourcePath);
    }

    /// <summary>
    /// A profile edited in the browser, checked by the same rules as a seed file. Its id and controller cannot change:
    /// an edit makes a new version of the same policy.
    /// </summary>
    public static (ProfileSnapshot? Snapshot, IReadOnlyList<ProfileFileProblem> Problems) ParseEdited(string json, DataControllerProfile controller, string policyId, string sourcePath)
    {
        ArgumentNullException.ThrowIfNull(controller);
        var problems = new List<ProfileFileProblem>();
        var profile = ReadText<ProcedureProfile>(sourcePath, json, problems);
        if (profile is null)
        {
            return (null, problems);
        }

        var found = ProfileRules.Check(profile).ToList();
        if (profile.Id != policyId)
        {
            found.Add(new("id", $"must stay '{policyId}': an edit makes a new version of the same policy"));
        }

        if (profile.ControllerId != controller.Id)
        {
            found.Add(new("controllerId", $"must stay '{controller.Id}'"));
        }

        problems.AddRange(found.Select(p => ProfileLoadException.From(sourcePath, p)));
        return problems.Count > 0 ? (null, problems) : (Snapshot(controller, profile, sourcePath), problems);
    }

    /// <summary>A profile as an editor shows it: indented, with the same names the seed files use.</summary>
    public static string ToEditableJson(ProcedureProfile profile) => JsonSerializer.Serialize(profile, Indented);

    private static readonly JsonSerializerOptions Indented = new(ProfileJson.Options) { WriteIndented = true };

    private static T? Read<T>(string root, string path, List<ProfileFileProblem> problems)
        where T : class
    {
        string text;
        try
        {
            text = File.ReadAllText(path, Encoding.UTF8);
        }
        catch (IOException ex)
        {
            problems.Add(new(Relative(root, path), "(file)", $"cannot be read: {ex.Message}"));
            return null;
        }

        return ReadText<T>(Relative(root, path), text, problems);
    }

    private static T? ReadText<T>(string file, string text, List<ProfileFileProblem> problems)
        where T : class
    {
        try
        {
            var node = JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = false, AllowDuplicateProperties = false });
            if (node is not JsonObject obj)
            {
                problems.Add(new(file, "(root)", "must be a JSON object"));
                return null;
            }

            // "$schema" is for editors; the portal validates with its own rules.
            obj.Remove("$schema");
            var value = obj.Deserialize<T>(ProfileJson.Options);
            if (value is null)
            {
                problems.Add(new(file, "(root)", "is empty"));
            }

            return value;
        }
        catch (JsonException ex)
        {
            var field = string.IsNullOrEmpty(ex.Path) ? "(json)" : ex.Path.TrimStart('$', '.');
            var where = ex.LineNumber is { } line ? $" (line {line + 1})" : string.Empty;
            problems.Add(new(file, field.Length == 0 ? "(root)" : field, $"malformed JSON{where}: {FirstSentence(ex.Message)}"));
            return null;
        }
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }

    private static string Relative(string root, string path) =>
        Path.Combine(Path.GetFileName(root), Path.GetRelativePath(root, path)).Replace('\\', '/');

    private sealed record StoredProfile(DataControllerProfile Controller, ProcedureProfile Profile);
}
