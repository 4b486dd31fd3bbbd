using System.Globalization;
using System.Text.Json.Nodes;
using OCore.DevCluster.Json;

namespace OCore.DevCluster.Resources;

/// <summary>Building blocks for the printer columns of built-in kinds.</summary>
internal static class Columns
{
    public static PrinterColumn Name() =>
        new("Name", "string", 0, o => o.Name()) { Format = "name", Description = "Name must be unique within a namespace." };

    public static PrinterColumn Age() => new("Age", "string", 0, o => AgeOf(o.ObjectAt("metadata").GetString("creationTimestamp")));

    public static PrinterColumn Path(string name, int priority, params string[] path) =>
        new(name, "string", priority, o => Text(Walk(o, path)));

    public static PrinterColumn Int(string name, int priority, params string[] path) =>
        new(name, "integer", priority, o => Walk(o, path) is JsonValue v ? v.DeepClone() : 0);

    public static PrinterColumn Computed(string name, int priority, Func<JsonObject, string> value) =>
        new(name, "string", priority, o => value(o));

    public static string AgeOf(string? timestamp) =>
        JsonExtensions.ParseTimestamp(timestamp) is { } t ? HumanDuration.Format(DateTimeOffset.UtcNow - t) : "<unknown>";

    public static JsonNode? Walk(JsonObject obj, params string[] path)
    {
        JsonNode? current = obj;
        foreach (var part in path)
        {
            current = (current as JsonObject)?[part];
        }
        return current;
    }

    public static string Text(JsonNode? node) => node switch
    {
        null => "<none>",
        JsonValue v when v.TryGetValue<string>(out var s) => s.Length == 0 ? "<none>" : s,
        JsonValue v => v.ToJsonString(),
        _ => node.Compact(),
    };

    public static int Count(JsonNode? node) => node switch
    {
        JsonObject o => o.Count,
        JsonArray a => a.Count,
        _ => 0,
    };

    public static string Number(long? value) => (value ?? 0).ToString(CultureInfo.InvariantCulture);
}
