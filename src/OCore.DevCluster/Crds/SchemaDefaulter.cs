using System.Text.Json.Nodes;

namespace OCore.DevCluster.Crds;

/// <summary>Applies structural-schema defaults to properties that are missing (after pruning, as kube does).</summary>
internal static class SchemaDefaulter
{
    public static void Apply(JsonNode? node, JsonObject? schema)
    {
        if (schema is null)
        {
            return;
        }
        switch (node)
        {
            case JsonObject obj:
                if (schema["properties"] is JsonObject properties)
                {
                    foreach (var (name, propertySchema) in properties)
                    {
                        if (!obj.ContainsKey(name) && propertySchema is JsonObject ps && ps.ContainsKey("default"))
                        {
                            obj[name] = ps["default"]?.DeepClone();
                        }
                        if (obj[name] is { } child)
                        {
                            Apply(child, propertySchema as JsonObject);
                        }
                    }
                }
                if (schema["additionalProperties"] is JsonObject additional)
                {
                    foreach (var (_, child) in obj)
                    {
                        Apply(child, additional);
                    }
                }
                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Apply(item, schema["items"] as JsonObject);
                }
                break;
        }
    }
}
