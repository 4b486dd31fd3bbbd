using System.Text.Json.Nodes;
using OCore.DevCluster.Json;
using OCore.DevCluster.Resources;

namespace OCore.DevCluster.Patching;

/// <summary>
/// Field paths as server-side apply tracks them ("f:spec", "k:{\"name\":\"app\"}", "v:\"x\""), with the list
/// semantics of the type: CRDs from x-kubernetes-list-type, built-ins from their merge keys.
/// </summary>
internal sealed class FieldPaths(ResourceType type, string? subresource)
{
    private const char Separator = '\n';

    /// <summary>The leaf paths an object sets.</summary>
    public HashSet<string> Collect(JsonObject obj)
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, value) in obj)
        {
            if (key is "apiVersion" or "kind" || value is null)
            {
                continue;
            }
            if (key == "metadata")
            {
                foreach (var field in new[] { "labels", "annotations", "finalizers", "ownerReferences" })
                {
                    if (value[field] is { } metaValue)
                    {
                        CollectNode(metaValue, ["metadata", field], $"f:metadata{Separator}f:{field}", null, result);
                    }
                }
                continue;
            }
            if (key == "status" && type.HasStatus && subresource != "status")
            {
                continue;
            }
            CollectNode(value, [key], "f:" + key, PropertySchema(type.Schema, key), result);
        }
        return result;
    }

    /// <summary>Deep-merges an applied configuration into the live object following the list semantics.</summary>
    public JsonObject Merge(JsonObject live, JsonObject config)
    {
        var result = live.CloneObject();
        foreach (var (key, value) in config)
        {
            if (key == "metadata" && value is JsonObject metadata)
            {
                var target = result.Metadata();
                foreach (var field in new[] { "labels", "annotations", "finalizers", "ownerReferences" })
                {
                    if (metadata[field] is { } metaValue)
                    {
                        target[field] = MergeNode(target[field], metaValue, ["metadata", field], null);
                    }
                }
                continue;
            }
            if (value is not null)
            {
                result[key] = MergeNode(result[key], value, [key], PropertySchema(type.Schema, key));
            }
        }
        return result;
    }

    public static bool TryGet(JsonObject root, string path, out JsonNode? value)
    {
        JsonNode? current = root;
        foreach (var element in path.Split(Separator))
        {
            if (!TryStep(current, element, out current, out _))
            {
                value = null;
                return false;
            }
        }
        value = current;
        return true;
    }

    /// <summary>Removes the field, keyed list item or set value a path names.</summary>
    public static void Remove(JsonObject root, string path)
    {
        var elements = path.Split(Separator);
        JsonNode? current = root;
        foreach (var element in elements[..^1])
        {
            if (!TryStep(current, element, out current, out _))
            {
                return;
            }
        }
        var last = elements[^1];
        if (current is JsonObject obj && last.StartsWith("f:", StringComparison.Ordinal))
        {
            obj.Remove(last[2..]);
        }
        else if (current is JsonArray array && TryStep(array, last, out _, out var index))
        {
            array.RemoveAt(index);
        }
    }

    /// <summary>Prefixes that name keyed list items ("...\nk:{...}").</summary>
    public static IEnumerable<string> ItemPrefixes(IEnumerable<string> paths) =>
        paths.SelectMany(p =>
        {
            var elements = p.Split(Separator);
            return Enumerable.Range(1, elements.Length).Where(i => elements[i - 1].StartsWith("k:", StringComparison.Ordinal))
                .Select(i => string.Join(Separator, elements[..i]));
        }).Distinct();

    public static bool HasPrefix(string path, string prefix) => path == prefix || path.StartsWith(prefix + Separator, StringComparison.Ordinal);

    public static JsonObject ToFieldsV1(IEnumerable<string> paths)
    {
        var root = new JsonObject();
        foreach (var path in paths.OrderBy(p => p, StringComparer.Ordinal))
        {
            var current = root;
            foreach (var element in path.Split(Separator))
            {
                if (current[element] is not JsonObject next)
                {
                    next = element.StartsWith("k:", StringComparison.Ordinal) ? new JsonObject { ["."] = new JsonObject() } : new JsonObject();
                    current[element] = next;
                }
                current = next;
            }
        }
        return root;
    }

    public static HashSet<string> FromFieldsV1(JsonObject? fields)
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        void Walk(JsonObject node, string prefix)
        {
            foreach (var (key, child) in node)
            {
                if (key == ".")
                {
                    continue;
                }
                var path = prefix.Length == 0 ? key : prefix + Separator + key;
                if (child is JsonObject c && c.Any(p => p.Key != "."))
                {
                    Walk(c, path);
                }
                else
                {
                    result.Add(path);
                }
            }
        }
        if (fields is not null)
        {
            Walk(fields, "");
        }
        return result;
    }

    public static string Display(string path) =>
        "." + string.Join(".", path.Split(Separator).Select(e => e.StartsWith("f:", StringComparison.Ordinal) ? e[2..] : $"[{e[2..]}]")).Replace(".[", "[", StringComparison.Ordinal);

    private void CollectNode(JsonNode node, List<string> fieldPath, string path, JsonObject? schema, HashSet<string> result)
    {
        switch (node)
        {
            case JsonObject { Count: > 0 } obj when !IsAtomicMap(schema):
                foreach (var (key, value) in obj)
                {
                    if (value is not null)
                    {
                        CollectNode(value, [.. fieldPath, key], path + Separator + "f:" + key, PropertySchema(schema, key), result);
                    }
                }
                break;
            case JsonArray array:
                var (kind, keys) = ListType(fieldPath, schema);
                if (kind == "map")
                {
                    foreach (var item in array.OfType<JsonObject>())
                    {
                        var itemPath = path + Separator + "k:" + KeyOf(item, keys);
                        var before = result.Count;
                        CollectNode(item, fieldPath, itemPath, schema?["items"] as JsonObject, result);
                        if (result.Count == before)
                        {
                            result.Add(itemPath);
                        }
                    }
                }
                else if (kind == "set")
                {
                    foreach (var item in array)
                    {
                        result.Add(path + Separator + "v:" + (item?.Compact() ?? "null"));
                    }
                }
                else
                {
                    result.Add(path);
                }
                break;
            default:
                result.Add(path);
                break;
        }
    }

    private JsonNode? MergeNode(JsonNode? live, JsonNode config, List<string> fieldPath, JsonObject? schema)
    {
        switch (config)
        {
            case JsonObject configObject when live is JsonObject liveObject && !IsAtomicMap(schema):
                var merged = liveObject.CloneObject();
                foreach (var (key, value) in configObject)
                {
                    if (value is not null)
                    {
                        merged[key] = MergeNode(merged[key], value, [.. fieldPath, key], PropertySchema(schema, key));
                    }
                }
                return merged;
            case JsonArray configArray when live is JsonArray liveArray:
                var (kind, keys) = ListType(fieldPath, schema);
                if (kind == "map")
                {
                    var result = (JsonArray)liveArray.DeepClone();
                    foreach (var item in configArray.OfType<JsonObject>())
                    {
                        var key = KeyOf(item, keys);
                        var index = result.Select((n, i) => (n, i)).FirstOrDefault(x => x.n is JsonObject o && KeyOf(o, keys) == key, (null, -1)).Item2;
                        if (index >= 0)
                        {
                            result[index] = MergeNode(result[index], item, fieldPath, schema?["items"] as JsonObject);
                        }
                        else
                        {
                            result.Add(item.DeepClone());
                        }
                    }
                    return result;
                }
                if (kind == "set")
                {
                    var result = (JsonArray)liveArray.DeepClone();
                    foreach (var item in configArray.Where(i => !liveArray.Any(l => JsonNode.DeepEquals(l, i))))
                    {
                        result.Add(item?.DeepClone());
                    }
                    return result;
                }
                return config.DeepClone();
            default:
                return config.DeepClone();
        }
    }

    private (string Kind, IReadOnlyList<string> Keys) ListType(List<string> fieldPath, JsonObject? schema)
    {
        if (type.IsCustom)
        {
            var listType = schema?["x-kubernetes-list-type"]?.GetValue<string>();
            return listType switch
            {
                "map" => ("map", JsonExtensions.StringList(schema?["x-kubernetes-list-map-keys"])),
                "set" => ("set", []),
                _ => ("atomic", []),
            };
        }
        var field = fieldPath[^1];
        if (MergeKeys.IsPrimitiveMergeList(field))
        {
            return ("set", []);
        }
        return MergeKeys.For(fieldPath[..^1], field) is { } key ? ("map", [key]) : ("atomic", []);
    }

    private static bool IsAtomicMap(JsonObject? schema) => schema?["x-kubernetes-map-type"]?.GetValue<string>() == "atomic";

    private static JsonObject? PropertySchema(JsonObject? schema, string key) =>
        schema?["properties"]?[key] as JsonObject ?? schema?["additionalProperties"] as JsonObject;

    private static string KeyOf(JsonObject item, IReadOnlyList<string> keys) =>
        new JsonObject(keys.Where(item.ContainsKey).Select(k => KeyValuePair.Create(k, item[k]?.DeepClone()))).Compact();

    private static bool TryStep(JsonNode? current, string element, out JsonNode? next, out int index)
    {
        next = null;
        index = -1;
        if (element.StartsWith("f:", StringComparison.Ordinal) && current is JsonObject obj && obj.ContainsKey(element[2..]))
        {
            next = obj[element[2..]];
            return true;
        }
        if (current is not JsonArray array)
        {
            return false;
        }
        if (element.StartsWith("k:", StringComparison.Ordinal) && JsonNode.Parse(element[2..]) is JsonObject key)
        {
            for (var i = 0; i < array.Count; i++)
            {
                if (array[i] is JsonObject item && key.All(k => JsonNode.DeepEquals(item[k.Key], k.Value)))
                {
                    (next, index) = (item, i);
                    return true;
                }
            }
        }
        if (element.StartsWith("v:", StringComparison.Ordinal))
        {
            var wanted = JsonNode.Parse(element[2..]);
            for (var i = 0; i < array.Count; i++)
            {
                if (JsonNode.DeepEquals(array[i], wanted))
                {
                    (next, index) = (array[i], i);
                    return true;
                }
            }
        }
        return false;
    }
}
