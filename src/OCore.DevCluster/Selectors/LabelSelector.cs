using System.Text.Json.Nodes;
using OCore.DevCluster.Http;
using OCore.DevCluster.Json;

namespace OCore.DevCluster.Selectors;

/// <summary>A parsed label selector (=, ==, !=, in, notin, key, !key; comma means AND).</summary>
internal sealed class LabelSelector
{
    private readonly List<Requirement> _requirements;

    private LabelSelector(List<Requirement> requirements) => _requirements = requirements;

    public static LabelSelector Everything { get; } = new([]);

    public bool IsEmpty => _requirements.Count == 0;

    public static LabelSelector Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Everything;
        }
        var requirements = new List<Requirement>();
        foreach (var part in SplitTopLevel(text))
        {
            requirements.Add(ParseRequirement(part.Trim()));
        }
        return new LabelSelector(requirements);
    }

    /// <summary>Builds a selector from a metav1.LabelSelector object (matchLabels + matchExpressions).</summary>
    public static LabelSelector FromObject(JsonObject? selector)
    {
        if (selector is null)
        {
            return Everything;
        }
        var requirements = new List<Requirement>();
        foreach (var (key, value) in JsonExtensions.StringMap(selector.ObjectAt("matchLabels")))
        {
            requirements.Add(new Requirement(key, "in", [value]));
        }
        foreach (var expression in (selector["matchExpressions"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var op = (expression.GetString("operator") ?? "").ToLowerInvariant() switch
            {
                "in" => "in",
                "notin" => "notin",
                "exists" => "exists",
                "doesnotexist" => "!",
                var other => throw ApiErrors.BadRequest($"unknown label selector operator {other}"),
            };
            requirements.Add(new Requirement(expression.GetString("key") ?? "", op, JsonExtensions.StringList(expression["values"])));
        }
        return new LabelSelector(requirements);
    }

    public bool Matches(IReadOnlyDictionary<string, string> labels) => _requirements.All(r => r.Matches(labels));

    public bool Matches(JsonObject obj) => Matches(obj.Labels());

    private static Requirement ParseRequirement(string part)
    {
        if (part.StartsWith('!'))
        {
            return new Requirement(ValidKey(part[1..].Trim()), "!", []);
        }
        foreach (var (token, op) in new[] { ("!=", "notin"), ("==", "in"), ("=", "in") })
        {
            var index = part.IndexOf(token, StringComparison.Ordinal);
            if (index > 0)
            {
                return new Requirement(ValidKey(part[..index].Trim()), op, [part[(index + token.Length)..].Trim()]);
            }
        }
        foreach (var op in new[] { " notin ", " in " })
        {
            var index = part.IndexOf(op, StringComparison.Ordinal);
            if (index > 0)
            {
                var values = part[(index + op.Length)..].Trim();
                if (!values.StartsWith('(') || !values.EndsWith(')'))
                {
                    throw ApiErrors.BadRequest($"unable to parse requirement: found '{values}', expected: '('");
                }
                var list = values[1..^1].Split(',', StringSplitOptions.TrimEntries).Where(v => v.Length > 0).ToList();
                return new Requirement(ValidKey(part[..index].Trim()), op.Trim(), list);
            }
        }
        return new Requirement(ValidKey(part), "exists", []);
    }

    private static string ValidKey(string key)
    {
        if (key.Length == 0 || key.Any(c => char.IsWhiteSpace(c) || c is '(' or ')' or '!' or '='))
        {
            throw ApiErrors.BadRequest($"unable to parse requirement: invalid label key \"{key}\"");
        }
        return key;
    }

    private static IEnumerable<string> SplitTopLevel(string text)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            depth += text[i] switch { '(' => 1, ')' => -1, _ => 0 };
            if (text[i] == ',' && depth == 0)
            {
                yield return text[start..i];
                start = i + 1;
            }
        }
        yield return text[start..];
    }

    private sealed record Requirement(string Key, string Operator, IReadOnlyList<string> Values)
    {
        public bool Matches(IReadOnlyDictionary<string, string> labels)
        {
            var has = labels.TryGetValue(Key, out var value);
            return Operator switch
            {
                "in" => has && Values.Contains(value),
                "notin" => !has || !Values.Contains(value),
                "exists" => has,
                "!" => !has,
                _ => false,
            };
        }
    }
}
