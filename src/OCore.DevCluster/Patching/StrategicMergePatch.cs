using System.Text.Json.Nodes;

namespace OCore.DevCluster.Patching;

/// <summary>
/// Strategic merge patch for built-in types: keyed lists merge by their merge key, and the directives
/// $patch (replace/delete/merge), $setElementOrder, $retainKeys and $deleteFromPrimitiveList are honoured.
/// </summary>
internal static class StrategicMergePatch
{
    private const string SetOrderPrefix = "$setElementOrder/";
    private const string DeleteFromPrefix = "$deleteFromPrimitiveList/";

    public static JsonObject Apply(JsonObject original, JsonObject patch) =>
        MergeMap(original, patch, []) ?? new JsonObject();

    private static JsonObject? MergeMap(JsonObject? original, JsonObject patch, List<string> path)
    {
        switch (Directive(patch))
        {
            case "delete":
                return null;
            case "replace":
                return Strip(patch);
        }
        var result = original is null ? new JsonObject() : (JsonObject)original.DeepClone();
        foreach (var (key, value) in patch)
        {
            if (key.StartsWith('$'))
            {
                if (key.StartsWith(DeleteFromPrefix, StringComparison.Ordinal) && value is JsonArray removed)
                {
                    DeleteFromPrimitiveList(result, key[DeleteFromPrefix.Length..], removed);
                }
                continue;
            }
            if (value is null)
            {
                result.Remove(key);
                continue;
            }
            path.Add(key);
            var merged = MergeValue(result[key], value, path, key);
            path.RemoveAt(path.Count - 1);
            if (merged is null)
            {
                result.Remove(key);
            }
            else
            {
                result[key] = merged;
            }
        }
        foreach (var (key, order) in patch)
        {
            if (key.StartsWith(SetOrderPrefix, StringComparison.Ordinal) && order is JsonArray orderArray)
            {
                var field = key[SetOrderPrefix.Length..];
                if (result[field] is JsonArray list)
                {
                    result[field] = Reorder(list, orderArray, MergeKeys.For(path, field));
                }
            }
        }
        if (patch["$retainKeys"] is JsonArray retain)
        {
            var keep = retain.Select(k => k?.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
            foreach (var key in result.Select(p => p.Key).Where(k => !keep.Contains(k)).ToList())
            {
                result.Remove(key);
            }
        }
        return result;
    }

    private static JsonNode? MergeValue(JsonNode? original, JsonNode patch, List<string> path, string field) => patch switch
    {
        JsonObject p => MergeMap(original as JsonObject, p, path),
        JsonArray p when MergeKeys.For(path[..^1], field) is { } mergeKey => MergeList(original as JsonArray, p, mergeKey, path),
        JsonArray p when MergeKeys.IsPrimitiveMergeList(field) => MergePrimitiveList(original as JsonArray, p),
        JsonArray p => StripList(p),
        _ => patch.DeepClone(),
    };

    private static JsonArray MergeList(JsonArray? original, JsonArray patch, string mergeKey, List<string> path)
    {
        if (patch.OfType<JsonObject>().Any(i => Directive(i) == "replace" && i.Count == 1))
        {
            return new JsonArray([.. patch.OfType<JsonObject>().Where(i => !(Directive(i) == "replace" && i.Count == 1)).Select(i => (JsonNode)Strip(i))]);
        }
        var result = original is null ? [] : (JsonArray)original.DeepClone();
        foreach (var item in patch)
        {
            if (item is not JsonObject patchItem)
            {
                result.Add(item?.DeepClone());
                continue;
            }
            var key = patchItem[mergeKey];
            var index = IndexOf(result, mergeKey, key);
            if (Directive(patchItem) == "delete")
            {
                if (index >= 0)
                {
                    result.RemoveAt(index);
                }
                continue;
            }
            if (index >= 0)
            {
                result[index] = MergeMap(result[index] as JsonObject, patchItem, path);
            }
            else
            {
                result.Add(MergeMap(null, patchItem, path));
            }
        }
        return result;
    }

    private static JsonArray MergePrimitiveList(JsonArray? original, JsonArray patch)
    {
        var result = original is null ? [] : (JsonArray)original.DeepClone();
        foreach (var item in patch)
        {
            if (!result.Any(r => JsonNode.DeepEquals(r, item)))
            {
                result.Add(item?.DeepClone());
            }
        }
        return result;
    }

    private static void DeleteFromPrimitiveList(JsonObject target, string field, JsonArray removed)
    {
        if (target[field] is JsonArray list)
        {
            foreach (var item in list.Where(i => removed.Any(r => JsonNode.DeepEquals(r, i))).ToList())
            {
                list.Remove(item);
            }
        }
    }

    private static JsonArray Reorder(JsonArray list, JsonArray order, string? mergeKey)
    {
        JsonNode? KeyOf(JsonNode? item) => mergeKey is null ? item : (item as JsonObject)?[mergeKey];
        var ordered = new List<JsonNode?>();
        foreach (var wanted in order)
        {
            var match = list.FirstOrDefault(i => JsonNode.DeepEquals(KeyOf(i), mergeKey is null ? wanted : (wanted as JsonObject)?[mergeKey]));
            if (match is not null && !ordered.Contains(match))
            {
                ordered.Add(match);
            }
        }
        ordered.AddRange(list.Where(i => !ordered.Contains(i)));
        return new JsonArray([.. ordered.Select(i => i?.DeepClone())]);
    }

    private static int IndexOf(JsonArray list, string mergeKey, JsonNode? key)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] is JsonObject o && JsonNode.DeepEquals(o[mergeKey], key))
            {
                return i;
            }
        }
        return -1;
    }

    private static string? Directive(JsonObject map) => map["$patch"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static JsonObject Strip(JsonObject map) => MergeMap(null, WithoutDirective(map), []) ?? new JsonObject();

    private static JsonObject WithoutDirective(JsonObject map)
    {
        var copy = (JsonObject)map.DeepClone();
        copy.Remove("$patch");
        return copy;
    }

    private static JsonArray StripList(JsonArray list) =>
        new([.. list.Select(i => i is JsonObject o ? Strip(o) : i?.DeepClone())]);
}
