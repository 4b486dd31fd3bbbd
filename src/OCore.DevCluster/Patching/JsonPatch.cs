using System.Globalization;
using System.Text.Json.Nodes;

namespace OCore.DevCluster.Patching;

/// <summary>RFC 6902 JSON patch (add, remove, replace, move, copy, test).</summary>
internal static class JsonPatch
{
    public static JsonNode Apply(JsonNode document, JsonArray operations)
    {
        var root = new JsonObject { ["doc"] = document.DeepClone() };
        foreach (var op in operations)
        {
            if (op is not JsonObject operation)
            {
                throw new PatchFailedException("a JSON patch operation must be an object");
            }
            ApplyOne(root, operation);
        }
        return root["doc"] ?? throw new PatchFailedException("the patch removed the whole document");
    }

    private static void ApplyOne(JsonObject root, JsonObject operation)
    {
        var name = operation["op"]?.GetValue<string>() ?? throw new PatchFailedException("missing op");
        var path = operation["path"]?.GetValue<string>() ?? throw new PatchFailedException($"missing path in {name} operation");
        switch (name)
        {
            case "add":
                Add(root, path, Value(operation));
                break;
            case "remove":
                Remove(root, path);
                break;
            case "replace":
                Remove(root, path);
                Add(root, path, Value(operation));
                break;
            case "move":
                var moved = Get(root, From(operation));
                Remove(root, From(operation));
                Add(root, path, moved);
                break;
            case "copy":
                Add(root, path, Get(root, From(operation))?.DeepClone());
                break;
            case "test":
                if (!JsonNode.DeepEquals(Get(root, path), operation["value"]))
                {
                    throw new PatchFailedException($"testing value {path} failed");
                }
                break;
            default:
                throw new PatchFailedException($"Unexpected kind: {name}");
        }
    }

    private static JsonNode? Value(JsonObject operation) =>
        operation.ContainsKey("value") ? operation["value"]?.DeepClone() : throw new PatchFailedException("missing value");

    private static string From(JsonObject operation) =>
        operation["from"]?.GetValue<string>() ?? throw new PatchFailedException("missing from");

    private static (JsonNode Parent, string Last) Locate(JsonObject root, string path)
    {
        var tokens = Tokens(path);
        JsonNode current = root;
        var last = "doc";
        foreach (var token in tokens)
        {
            current = Child(current, last) ?? throw new PatchFailedException($"doc is missing path: {path}");
            last = token;
        }
        return (current, last);
    }

    private static JsonNode? Child(JsonNode parent, string token) => parent switch
    {
        JsonObject o => o[token],
        JsonArray a when int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < a.Count => a[i],
        _ => null,
    };

    private static JsonNode? Get(JsonObject root, string path)
    {
        var (parent, last) = Locate(root, path);
        return parent switch
        {
            JsonObject o when o.ContainsKey(last) => o[last],
            JsonArray a when int.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < a.Count => a[i],
            _ => throw new PatchFailedException($"doc is missing path: {path}"),
        };
    }

    private static void Add(JsonObject root, string path, JsonNode? value)
    {
        var (parent, last) = Locate(root, path);
        switch (parent)
        {
            case JsonObject o:
                o[last] = value;
                break;
            case JsonArray a when last == "-":
                a.Add(value);
                break;
            case JsonArray a when int.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i <= a.Count:
                a.Insert(i, value);
                break;
            default:
                throw new PatchFailedException($"unable to add at {path}");
        }
    }

    private static void Remove(JsonObject root, string path)
    {
        var (parent, last) = Locate(root, path);
        switch (parent)
        {
            case JsonObject o when o.ContainsKey(last):
                o.Remove(last);
                break;
            case JsonArray a when int.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < a.Count:
                a.RemoveAt(i);
                break;
            default:
                throw new PatchFailedException($"unable to remove nonexistent key: {path}: missing value");
        }
    }

    private static List<string> Tokens(string path)
    {
        if (path.Length == 0)
        {
            return [];
        }
        if (!path.StartsWith('/'))
        {
            throw new PatchFailedException($"invalid JSON pointer {path}");
        }
        return [.. path[1..].Split('/').Select(t => t.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal))];
    }
}
