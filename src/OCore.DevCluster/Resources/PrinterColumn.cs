using System.Text.Json.Nodes;

namespace OCore.DevCluster.Resources;

/// <summary>A column of the Table view kubectl get asks for; priority above 0 only shows with -o wide.</summary>
internal sealed record PrinterColumn(string Name, string Type, int Priority, Func<JsonObject, JsonNode?> Value)
{
    public string Format { get; init; } = "";

    public string Description { get; init; } = "";
}
