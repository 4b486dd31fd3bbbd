using System.Text.Json.Nodes;

namespace OCore.DevCluster.Json;

/// <summary>
/// The JSONPath subset CRD printer columns use: .a.b, [n], [*] and [?(@.field=="value")] filters,
/// optionally wrapped in {}.
/// </summary>
internal static class SimpleJsonPath
{
    public static List<JsonNode> Evaluate(JsonNode root, string expression)
    {
        var path = expression.Trim();
        if (path.StartsWith('{') && path.EndsWith('}'))
        {
            path = path[1..^1];
        }
        if (path.StartsWith('$'))
        {
            path = path[1..];
        }
        var current = new List<JsonNode> { root };
        var i = 0;
        while (i < path.Length && current.Count > 0)
        {
            if (path[i] == '.')
            {
                var end = i + 1;
                while (end < path.Length && path[end] != '.' && path[end] != '[')
                {
                    end++;
                }
                var name = path[(i + 1)..end];
                current = [.. current.Select(n => (n as JsonObject)?[name]).OfType<JsonNode>()];
                i = end;
            }
            else if (path[i] == '[')
            {
                var end = path.IndexOf(']', i);
                if (end < 0)
                {
                    return [];
                }
                current = Index(current, path[(i + 1)..end]);
                i = end + 1;
            }
            else
            {
                return [];
            }
        }
        return current;
    }

    private static List<JsonNode> Index(List<JsonNode> nodes, string selector)
    {
        var arrays = nodes.OfType<JsonArray>().ToList();
        if (selector == "*")
        {
            return [.. arrays.SelectMany(a => a).OfType<JsonNode>()];
        }
        if (int.TryParse(selector, System.Globalization.CultureInfo.InvariantCulture, out var index))
        {
            return [.. arrays.Select(a => index >= 0 && index < a.Count ? a[index] : index < 0 && -index <= a.Count ? a[a.Count + index] : null).OfType<JsonNode>()];
        }
        if (selector.StartsWith("?(@.", StringComparison.Ordinal) && selector.EndsWith(')'))
        {
            var condition = selector[4..^1];
            var eq = condition.IndexOf("==", StringComparison.Ordinal);
            if (eq < 0)
            {
                return [];
            }
            var field = condition[..eq].Trim();
            var expected = condition[(eq + 2)..].Trim().Trim('"', '\'');
            return [.. arrays.SelectMany(a => a).OfType<JsonObject>().Where(o => Columns(o, field) == expected)];
        }
        return [];
    }

    private static string? Columns(JsonObject obj, string dottedField)
    {
        JsonNode? current = obj;
        foreach (var part in dottedField.Split('.'))
        {
            current = (current as JsonObject)?[part];
        }
        return current is JsonValue v && v.TryGetValue<string>(out var s) ? s : current?.ToJsonString();
    }
}
