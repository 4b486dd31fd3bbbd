using System.Text.Json.Nodes;
using OCore.Api.Serialization;

namespace OCore.Chart.Tests.Support;

/// <summary>The objects of a rendered chart, found by kind and name.</summary>
public sealed class Rendered(string yaml)
{
    public IReadOnlyList<JsonNode> Objects { get; } = JsonYaml.ReadDocuments(yaml).Where(d => d is JsonObject { Count: > 0 }).ToList();

    public JsonNode Get(string kind, string name) =>
        Objects.SingleOrDefault(o => (string?)o["kind"] == kind && (string?)o["metadata"]?["name"] == name)
        ?? throw new Xunit.Sdk.XunitException($"{kind} {name} is not rendered; rendered: {string.Join(", ", Objects.Select(o => $"{o["kind"]}/{o["metadata"]?["name"]}"))}");

    public IEnumerable<JsonNode> OfKind(string kind) => Objects.Where(o => (string?)o["kind"] == kind);

    /// <summary>The value of an environment variable of a Deployment's first container, or null.</summary>
    public static string? Env(JsonNode deployment, string name) =>
        (string?)deployment["spec"]!["template"]!["spec"]!["containers"]![0]!["env"]!.AsArray().FirstOrDefault(e => (string?)e!["name"] == name)?["value"];
}
