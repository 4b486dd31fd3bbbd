using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace OCore.Api.Tests.Support;

/// <summary>
/// Validates a custom resource against a CRD the way an API server would: the OpenAPI schema with a real JSON-schema
/// validator (unknown fields rejected, as kubectl's strict validation does) and every x-kubernetes-validations rule
/// evaluated with a real CEL engine. Errors name the field.
/// </summary>
public sealed class CrdValidator
{
    private readonly JsonObject _openApiSchema;
    private readonly JsonSchema _jsonSchema;
    private readonly Cel.CelEnvironment _cel = new(null!, "");

    public CrdValidator(JsonObject crd)
    {
        ArgumentNullException.ThrowIfNull(crd);
        _openApiSchema = crd["spec"]!["versions"]![0]!["schema"]!["openAPIV3Schema"]!.AsObject();
        _jsonSchema = JsonSchema.FromText(ToJsonSchema(_openApiSchema).ToJsonString());
        Kind = crd["spec"]!["names"]!["kind"]!.GetValue<string>();
        ApiVersion = crd["spec"]!["group"]!.GetValue<string>() + "/" + crd["spec"]!["versions"]![0]!["name"]!.GetValue<string>();
    }

    public string Kind { get; }

    public string ApiVersion { get; }

    /// <summary>Errors as <c>field: message</c>; empty when valid. <paramref name="old"/> enables transition rules.</summary>
    public IReadOnlyList<string> Validate(JsonNode resource, JsonNode? old = null)
    {
        var errors = new List<string>();
        var results = _jsonSchema.Evaluate(JsonSerializer.SerializeToElement(resource), new EvaluationOptions { OutputFormat = OutputFormat.List });
        foreach (var detail in results.Details ?? [])
        {
            foreach (var (keyword, message) in detail.Errors ?? new Dictionary<string, string>())
                errors.Add($"{FieldPath(detail.InstanceLocation.ToString())}: {keyword}: {message}");
        }

        if (errors.Count == 0)
            CheckRules(_openApiSchema, resource, old, "", errors);
        return errors;
    }

    private void CheckRules(JsonObject schema, JsonNode? value, JsonNode? old, string path, List<string> errors)
    {
        if (value is null)
            return;
        foreach (var rule in schema["x-kubernetes-validations"]?.AsArray() ?? [])
        {
            var expression = rule!["rule"]!.GetValue<string>();
            var isTransition = expression.Contains("oldSelf", StringComparison.Ordinal);
            if (isTransition && old is null)
                continue;
            var variables = new Dictionary<string, object?> { ["self"] = CelValues.From(value) };
            if (isTransition)
                variables["oldSelf"] = CelValues.From(old);
            var result = _cel.Compile(expression)(variables!);
            if (result is not true)
                errors.Add($"{path.TrimStart('.')}{rule["fieldPath"]?.GetValue<string>()}: Invalid value: {rule["message"]!.GetValue<string>()}");
        }

        if (schema["properties"] is JsonObject properties && value is JsonObject obj)
        {
            foreach (var (name, child) in properties)
                CheckRules(child!.AsObject(), obj[name], (old as JsonObject)?[name], $"{path}.{name}", errors);
        }

        if (schema["items"] is JsonObject items && value is JsonArray array)
        {
            for (var i = 0; i < array.Count; i++)
                CheckRules(items, array[i], null, $"{path}[{i}]", errors);
        }
    }

    /// <summary>The OpenAPI schema as plain JSON Schema: Kubernetes extensions dropped, unknown fields disallowed.</summary>
    private static JsonNode ToJsonSchema(JsonNode node)
    {
        if (node is JsonArray array)
            return new JsonArray(array.Select(item => item is null ? null : ToJsonSchema(item)).ToArray());
        if (node is not JsonObject obj)
            return node.DeepClone();
        var result = new JsonObject();
        foreach (var (key, value) in obj)
        {
            if (key.StartsWith("x-kubernetes-", StringComparison.Ordinal) || value is null)
                continue;
            // "properties" and "enum" hold names and values, not schemas keyed by keyword.
            result[key] = key == "properties"
                ? new JsonObject(value.AsObject().Select(p => KeyValuePair.Create(p.Key, (JsonNode?)ToJsonSchema(p.Value!))))
                : key == "enum" ? value.DeepClone() : ToJsonSchema(value);
        }

        if (obj["properties"] is not null && obj["x-kubernetes-preserve-unknown-fields"] is null && obj["additionalProperties"] is null)
            result["additionalProperties"] = false;
        return result;
    }

    private static string FieldPath(string pointer) =>
        pointer.Length == 0 ? "<root>" : pointer.TrimStart('/').Replace('/', '.');
}
