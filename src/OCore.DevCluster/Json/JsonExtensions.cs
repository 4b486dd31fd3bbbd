using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OCore.DevCluster.Json;

/// <summary>Small helpers over System.Text.Json nodes; every object in DevCluster is a <see cref="JsonObject"/>.</summary>
internal static class JsonExtensions
{
    public static readonly JsonSerializerOptions CompactOptions = new() { WriteIndented = false, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static JsonObject CloneObject(this JsonObject source) => (JsonObject)source.DeepClone();

    public static JsonObject Metadata(this JsonObject obj)
    {
        if (obj["metadata"] is JsonObject m)
        {
            return m;
        }
        var created = new JsonObject();
        obj["metadata"] = created;
        return created;
    }

    public static JsonObject? ObjectAt(this JsonObject obj, params string[] path)
    {
        JsonNode? current = obj;
        foreach (var part in path)
        {
            current = (current as JsonObject)?[part];
        }
        return current as JsonObject;
    }

    public static JsonObject EnsureObject(this JsonObject obj, string property)
    {
        if (obj[property] is JsonObject existing)
        {
            return existing;
        }
        var created = new JsonObject();
        obj[property] = created;
        return created;
    }

    public static string? GetString(this JsonObject? obj, string property) =>
        obj?[property] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    public static long? GetLong(this JsonObject? obj, string property)
    {
        if (obj?[property] is not JsonValue v)
        {
            return null;
        }
        if (v.TryGetValue<long>(out var l))
        {
            return l;
        }
        if (v.TryGetValue<int>(out var i))
        {
            return i;
        }
        if (v.TryGetValue<double>(out var d))
        {
            return (long)d;
        }
        if (v.TryGetValue<JsonElement>(out var e) && e.ValueKind == JsonValueKind.Number && e.TryGetInt64(out var el))
        {
            return el;
        }
        return null;
    }

    public static bool? GetBool(this JsonObject? obj, string property) =>
        obj?[property] is JsonValue v && v.TryGetValue<bool>(out var b) ? b : null;

    public static string Name(this JsonObject obj) => obj.ObjectAt("metadata").GetString("name") ?? "";

    public static string Namespace(this JsonObject obj) => obj.ObjectAt("metadata").GetString("namespace") ?? "";

    public static string Uid(this JsonObject obj) => obj.ObjectAt("metadata").GetString("uid") ?? "";

    public static Dictionary<string, string> Labels(this JsonObject obj) => StringMap(obj.ObjectAt("metadata", "labels"));

    public static Dictionary<string, string> StringMap(JsonObject? map)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (map is null)
        {
            return result;
        }
        foreach (var (key, value) in map)
        {
            result[key] = value is JsonValue v && v.TryGetValue<string>(out var s) ? s : value?.ToJsonString() ?? "";
        }
        return result;
    }

    public static List<string> StringList(JsonNode? node)
    {
        var result = new List<string>();
        if (node is JsonArray array)
        {
            foreach (var item in array)
            {
                if (item is JsonValue v && v.TryGetValue<string>(out var s))
                {
                    result.Add(s);
                }
            }
        }
        return result;
    }

    public static JsonArray ToJsonArray(this IEnumerable<string> values) => new(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());

    public static bool IsDeleting(this JsonObject obj) => obj.ObjectAt("metadata")?["deletionTimestamp"] is not null;

    public static List<string> Finalizers(this JsonObject obj) => StringList(obj.ObjectAt("metadata")?["finalizers"]);

    public static string Compact(this JsonNode node) => node.ToJsonString(CompactOptions);

    /// <summary>Compact JSON with object keys sorted, so equal content always gives equal text.</summary>
    public static string Canonical(this JsonNode? node) => Sorted(node)?.Compact() ?? "null";

    private static JsonNode? Sorted(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, Sorted(p.Value)))),
        JsonArray a => new JsonArray([.. a.Select(Sorted)]),
        _ => node?.DeepClone(),
    };

    public static string FormatTimestamp(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static DateTimeOffset? ParseTimestamp(string? value) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t : null;

    /// <summary>Reads a number or numeric string (JSON values may arrive as int, long, double or JsonElement).</summary>
    public static bool TryGetDouble(JsonNode? node, out double value)
    {
        value = 0;
        if (node is not JsonValue v)
        {
            return false;
        }
        if (v.GetValueKind() != JsonValueKind.Number)
        {
            return false;
        }
        value = double.Parse(v.ToJsonString(), CultureInfo.InvariantCulture);
        return true;
    }
}
