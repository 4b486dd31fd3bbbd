using System.Text.Json.Nodes;
using OCore.DevCluster.Http;

namespace OCore.DevCluster.Selectors;

/// <summary>Field selectors on metadata.name and metadata.namespace (plus a few per-kind fields kubectl uses).</summary>
internal sealed class FieldSelector
{
    private static readonly HashSet<string> Supported = new(StringComparer.Ordinal)
    {
        "metadata.name", "metadata.namespace",
        // kubectl describe lists events with these; pods are commonly filtered by phase and node.
        "involvedObject.name", "involvedObject.namespace", "involvedObject.kind", "involvedObject.uid",
        "involvedObject.apiVersion", "involvedObject.resourceVersion", "involvedObject.fieldPath",
        "regarding.name", "regarding.namespace", "regarding.kind", "regarding.uid",
        "status.phase", "spec.nodeName", "type", "reason",
    };

    private readonly List<(string Field, bool Equal, string Value)> _terms;

    private FieldSelector(List<(string, bool, string)> terms) => _terms = terms;

    public static FieldSelector Everything { get; } = new([]);

    public static FieldSelector Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Everything;
        }
        var terms = new List<(string, bool, string)>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var (field, equal, value) = Split(part);
            if (!Supported.Contains(field))
            {
                throw ApiErrors.BadRequest($"\"{field}\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\"");
            }
            terms.Add((field, equal, value));
        }
        return new FieldSelector(terms);
    }

    public bool Matches(JsonObject obj) => _terms.All(t => (Value(obj, t.Field) == t.Value) == t.Equal);

    private static (string Field, bool Equal, string Value) Split(string part)
    {
        foreach (var (token, equal) in new[] { ("!=", false), ("==", true), ("=", true) })
        {
            var index = part.IndexOf(token, StringComparison.Ordinal);
            if (index > 0)
            {
                return (part[..index].Trim(), equal, part[(index + token.Length)..].Trim());
            }
        }
        throw ApiErrors.BadRequest($"invalid selector: '{part}'; can't understand '{part}'");
    }

    private static string Value(JsonObject obj, string field)
    {
        JsonNode? current = obj;
        foreach (var part in field.Split('.'))
        {
            current = (current as JsonObject)?[part];
        }
        return current switch
        {
            JsonValue v when v.TryGetValue<string>(out var s) => s,
            null => "",
            _ => current.ToJsonString(),
        };
    }
}
