using System.Text.Json.Nodes;
using Cel;
using OCore.DevCluster.Http;

namespace OCore.DevCluster.Crds;

/// <summary>
/// The compiled x-kubernetes-validations rules of one CRD version. Compilation happens when the CRD is
/// written, so a rule the CEL engine cannot compile rejects the CRD (422) instead of being skipped.
/// </summary>
internal sealed class CelRuleSet
{
    private readonly List<CompiledRule> _rules;

    private CelRuleSet(List<CompiledRule> rules) => _rules = rules;

    public bool IsEmpty => _rules.Count == 0;

    /// <summary>Compiles every rule under <paramref name="schema"/>; errors name the schema field and the rule.</summary>
    public static CelRuleSet Compile(JsonObject schema, string schemaPath, List<FieldError> errors)
    {
        var rules = new List<CompiledRule>();
        var environment = new CelEnvironment(null, null);
        Collect(schema, [], schemaPath, environment, rules, errors);
        return new CelRuleSet(rules);
    }

    /// <summary>Evaluates all rules; transition rules (using oldSelf) only run when an old value exists.</summary>
    public List<FieldError> Evaluate(JsonObject obj, JsonObject? old)
    {
        var errors = new List<FieldError>();
        foreach (var rule in _rules)
        {
            foreach (var (self, oldSelf, path) in Targets(obj, old, rule.ObjectPath))
            {
                if (rule.UsesOldSelf && oldSelf is null)
                {
                    continue;
                }
                var variables = new Dictionary<string, object?> { ["self"] = CelValue.From(self) };
                if (rule.UsesOldSelf)
                {
                    variables["oldSelf"] = CelValue.From(oldSelf);
                }
                var field = rule.FieldPath.Length > 0 ? path + rule.FieldPath : path;
                try
                {
                    if (rule.Program.Invoke(variables) is not true)
                    {
                        errors.Add(Failure(field, self, rule.Message));
                    }
                }
                catch (CelException e)
                {
                    errors.Add(Failure(field, self, $"{rule.Message}: evaluation error: {e.Message}"));
                }
            }
        }
        return errors;
    }

    private static FieldError Failure(string field, JsonNode? self, string message)
    {
        var type = self switch { JsonObject => "\"object\"", JsonArray => "\"array\"", null => "\"null\"", _ => self.ToJsonString() };
        return FieldError.InvalidValue(field, type, message);
    }

    private static void Collect(JsonObject schema, List<string> objectPath, string schemaPath, CelEnvironment environment, List<CompiledRule> rules, List<FieldError> errors)
    {
        if (schema["x-kubernetes-validations"] is JsonArray validations)
        {
            for (var i = 0; i < validations.Count; i++)
            {
                var validation = validations[i] as JsonObject;
                var rule = validation?["rule"]?.GetValue<string>() ?? "";
                var field = $"{schemaPath}.x-kubernetes-validations[{i}].rule";
                try
                {
                    var program = environment.Compile(rule);
                    rules.Add(new CompiledRule([.. objectPath], program, rule.Contains("oldSelf", StringComparison.Ordinal),
                        validation?["message"]?.GetValue<string>() ?? $"failed rule: {rule}",
                        validation?["fieldPath"]?.GetValue<string>() ?? ""));
                }
                catch (CelException e)
                {
                    errors.Add(FieldError.InvalidValue(field, $"\"{rule}\"", $"compilation failed: {e.Message}"));
                }
            }
        }
        if (schema["properties"] is JsonObject properties)
        {
            foreach (var (name, child) in properties)
            {
                if (child is JsonObject childSchema)
                {
                    Collect(childSchema, [.. objectPath, name], $"{schemaPath}.properties[{name}]", environment, rules, errors);
                }
            }
        }
        if (schema["items"] is JsonObject items)
        {
            Collect(items, [.. objectPath, "[*]"], $"{schemaPath}.items", environment, rules, errors);
        }
        if (schema["additionalProperties"] is JsonObject additional)
        {
            Collect(additional, [.. objectPath, "{*}"], $"{schemaPath}.additionalProperties", environment, rules, errors);
        }
    }

    /// <summary>Finds every value the rule's schema node applies to, paired with the old value at the same place.</summary>
    private static IEnumerable<(JsonNode? Self, JsonNode? OldSelf, string Path)> Targets(JsonNode? node, JsonNode? old, IReadOnlyList<string> path, int depth = 0, string field = "")
    {
        if (node is null)
        {
            yield break;
        }
        if (depth == path.Count)
        {
            yield return (node, old, field.TrimStart('.'));
            yield break;
        }
        var step = path[depth];
        if (step == "[*]" && node is JsonArray array)
        {
            for (var i = 0; i < array.Count; i++)
            {
                // Old list items are matched by position, a simplification of kube's list-type rules.
                var oldItem = old is JsonArray oldArray && i < oldArray.Count ? oldArray[i] : null;
                foreach (var t in Targets(array[i], oldItem, path, depth + 1, $"{field}[{i}]"))
                {
                    yield return t;
                }
            }
        }
        else if (step == "{*}" && node is JsonObject map)
        {
            foreach (var (key, value) in map)
            {
                foreach (var t in Targets(value, (old as JsonObject)?[key], path, depth + 1, $"{field}[{key}]"))
                {
                    yield return t;
                }
            }
        }
        else if (node is JsonObject obj)
        {
            foreach (var t in Targets(obj[step], (old as JsonObject)?[step], path, depth + 1, $"{field}.{step}"))
            {
                yield return t;
            }
        }
    }

    private sealed record CompiledRule(IReadOnlyList<string> ObjectPath, CelProgramDelegate Program, bool UsesOldSelf, string Message, string FieldPath);
}
