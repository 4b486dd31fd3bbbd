using System.Text.Json.Nodes;
using OCore.DevCluster.Json;
using OCore.DevCluster.Resources;

namespace OCore.DevCluster.Http;

/// <summary>Server-side printing: meta.k8s.io/v1 Table and PartialObjectMetadata(List) answers.</summary>
internal static class TableConverter
{
    public static string? RequestedView(string? accept)
    {
        if (accept is null)
        {
            return null;
        }
        // Clients list alternatives in preference order; take the first one DevCluster can produce.
        foreach (var option in accept.Split(','))
        {
            if (option.Contains("as=Table", StringComparison.Ordinal))
            {
                return "Table";
            }
            if (option.Contains("as=PartialObjectMetadataList", StringComparison.Ordinal) || option.Contains("as=PartialObjectMetadata", StringComparison.Ordinal))
            {
                return "PartialObjectMetadata";
            }
            if (option.Trim().StartsWith("application/json", StringComparison.Ordinal) || option.Trim().StartsWith("*/*", StringComparison.Ordinal))
            {
                return null;
            }
        }
        return null;
    }

    public static JsonObject ToTable(ResourceType type, IEnumerable<JsonObject> items, string resourceVersion, string continueToken, string? includeObject)
    {
        var rows = new JsonArray();
        foreach (var item in items)
        {
            var row = new JsonObject { ["cells"] = new JsonArray([.. type.Columns.Select(c => c.Value(item)?.DeepClone() ?? (JsonNode?)"<none>")]) };
            switch (includeObject)
            {
                case "None":
                    break;
                case "Object":
                    row["object"] = item.CloneObject();
                    break;
                default:
                    row["object"] = PartialMetadata(item);
                    break;
            }
            rows.Add(row);
        }
        var metadata = new JsonObject { ["resourceVersion"] = resourceVersion };
        if (continueToken.Length > 0)
        {
            metadata["continue"] = continueToken;
        }
        return new JsonObject
        {
            ["kind"] = "Table",
            ["apiVersion"] = "meta.k8s.io/v1",
            ["metadata"] = metadata,
            ["columnDefinitions"] = new JsonArray([.. type.Columns.Select(c => (JsonNode)new JsonObject
            {
                ["name"] = c.Name,
                ["type"] = c.Type,
                ["format"] = c.Format,
                ["description"] = c.Description,
                ["priority"] = c.Priority,
            })]),
            ["rows"] = rows,
        };
    }

    public static JsonObject PartialMetadata(JsonObject item) => new()
    {
        ["kind"] = "PartialObjectMetadata",
        ["apiVersion"] = "meta.k8s.io/v1",
        ["metadata"] = item.ObjectAt("metadata")?.DeepClone(),
    };

    public static JsonObject PartialMetadataList(IEnumerable<JsonObject> items, string resourceVersion) => new()
    {
        ["kind"] = "PartialObjectMetadataList",
        ["apiVersion"] = "meta.k8s.io/v1",
        ["metadata"] = new JsonObject { ["resourceVersion"] = resourceVersion },
        ["items"] = new JsonArray([.. items.Select(i => (JsonNode)PartialMetadata(i))]),
    };
}
