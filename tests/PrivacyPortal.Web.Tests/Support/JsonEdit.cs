using System.Text.Json.Nodes;

namespace PrivacyPortal.Web.Tests.Support;

/// <summary>Edits a JSON file in place, for tests that break or change a profile.</summary>
public static class JsonEdit
{
    public static void Apply(string path, Action<JsonObject> edit)
    {
        ArgumentNullException.ThrowIfNull(edit);
        var node = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        edit(node);
        File.WriteAllText(path, node.ToJsonString());
    }

    public static JsonObject RequestType(JsonObject profile, string type) =>
        profile["requestTypes"]!.AsArray().Select(n => n!.AsObject()).Single(o => (string?)o["type"] == type);
}
