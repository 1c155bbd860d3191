using System.Text.Json.Nodes;
using PrivacyPortal.Domain.Requests;
using PrivacyPortal.Domain.Verification;
using PrivacyPortal.Web.Tests.Support;

namespace PrivacyPortal.Web.Tests.Profiles;

/// <summary>The JSON Schema editors use says the same as the loader: every member in the seeds is declared, and its enums match the catalogues.</summary>
public sealed class ProfileSchemaTests
{
    private static readonly JsonObject Schema = Load("profile.schema.json");

    private static JsonObject Load(string name) => JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Seeds, name)))!.AsObject();

    [Fact]
    public void TheRequestTypeEnum_MatchesTheCatalogue() =>
        Assert.Equal(
            RequestType.All.Select(t => t.Id).Order(StringComparer.Ordinal),
            Schema["$defs"]!["requestType"]!["properties"]!["type"]!["enum"]!.AsArray().Select(n => (string)n!).Order(StringComparer.Ordinal));

    [Fact]
    public void TheDocumentKindEnum_MatchesTheCatalogue() =>
        Assert.Equal(
            IdentityDocumentKind.All.Select(k => k.Id).Order(StringComparer.Ordinal),
            Schema["$defs"]!["party"]!["properties"]!["documents"]!["items"]!["properties"]!["kind"]!["enum"]!.AsArray().Select(n => (string)n!).Order(StringComparer.Ordinal));

    [Fact]
    public void EveryMemberUsedInTheSeeds_IsDeclaredInTheSchema()
    {
        var controllerSchema = Load("controller.schema.json");
        foreach (var file in Directory.GetFiles(RepoPaths.Seeds, "*.json", SearchOption.AllDirectories).Where(f => Path.GetDirectoryName(f) != RepoPaths.Seeds))
        {
            var json = JsonNode.Parse(File.ReadAllText(file))!.AsObject();
            var isController = Path.GetFileName(file) == "controller.json";
            CheckDeclared(json, isController ? controllerSchema : Schema, isController ? controllerSchema : Schema, Path.GetFileName(file));
        }
    }

    private static void CheckDeclared(JsonNode? value, JsonNode? schema, JsonObject root, string path)
    {
        schema = Resolve(schema, root);
        if (value is JsonObject obj && schema?["properties"] is JsonObject properties)
        {
            foreach (var (name, child) in obj)
            {
                Assert.True(properties.ContainsKey(name), $"{path}.{name} is not declared in the schema");
                CheckDeclared(child, properties[name], root, $"{path}.{name}");
            }
        }
        else if (value is JsonArray array && schema?["items"] is { } items)
        {
            for (var i = 0; i < array.Count; i++)
            {
                CheckDeclared(array[i], items, root, $"{path}[{i}]");
            }
        }
    }

    private static JsonNode? Resolve(JsonNode? schema, JsonObject root)
    {
        while (schema?["$ref"] is JsonValue reference)
        {
            var target = (string)reference!;
            var hash = target.IndexOf('#', StringComparison.Ordinal);
            var document = hash > 0 ? Load(target[..hash]) : root;
            schema = target[(hash + 1)..].Split('/', StringSplitOptions.RemoveEmptyEntries).Aggregate((JsonNode?)document, (node, part) => node?[part]);
        }

        return schema;
    }
}
