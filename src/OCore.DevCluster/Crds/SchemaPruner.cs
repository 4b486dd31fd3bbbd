using System.Text.Json.Nodes;

namespace OCore.DevCluster.Crds;

/// <summary>Drops fields a structural schema does not declare, unless x-kubernetes-preserve-unknown-fields.</summary>
internal static class SchemaPruner
{
    /// <summary>Prunes in place and returns the paths of the dropped fields (for fieldValidation=Strict/Warn).</summary>
    public static List<string> PruneRoot(JsonObject obj, JsonObject schema)
    {
        var dropped = new List<string>();
        var properties = schema["properties"] as JsonObject;
        foreach (var (name, value) in obj.ToList())
        {
            if (name is "apiVersion" or "kind" or "metadata")
            {
                continue;
            }
            if (properties?[name] is JsonObject propertySchema)
            {
                Prune(value, propertySchema, name, dropped);
            }
            else if (!PreservesUnknown(schema))
            {
                obj.Remove(name);
                dropped.Add(name);
            }
        }
        return dropped;
    }

    private static void Prune(JsonNode? node, JsonObject schema, string path, List<string> dropped)
    {
        switch (node)
        {
            case JsonObject obj:
                var properties = schema["properties"] as JsonObject;
                var additional = schema["additionalProperties"];
                var embedded = schema["x-kubernetes-embedded-resource"] is JsonValue e && e.GetValue<bool>();
                foreach (var (name, value) in obj.ToList())
                {
                    var childPath = $"{path}.{name}";
                    if (properties?[name] is JsonObject propertySchema)
                    {
                        Prune(value, propertySchema, childPath, dropped);
                    }
                    else if (additional is JsonObject additionalSchema)
                    {
                        Prune(value, additionalSchema, childPath, dropped);
                    }
                    else if (!PreservesUnknown(schema) && additional is null && !(embedded && name is "apiVersion" or "kind" or "metadata"))
                    {
                        obj.Remove(name);
                        dropped.Add(childPath);
                    }
                }
                break;
            case JsonArray array when schema["items"] is JsonObject itemSchema:
                for (var i = 0; i < array.Count; i++)
                {
                    Prune(array[i], itemSchema, $"{path}[{i}]", dropped);
                }
                break;
        }
    }

    private static bool PreservesUnknown(JsonObject schema) =>
        schema["x-kubernetes-preserve-unknown-fields"] is JsonValue v && v.GetValue<bool>();
}
