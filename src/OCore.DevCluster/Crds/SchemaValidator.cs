using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using OCore.DevCluster.Http;

namespace OCore.DevCluster.Crds;

/// <summary>Validates a custom resource against its structural schema, producing kube-style field errors.</summary>
internal static class SchemaValidator
{
    public static List<FieldError> ValidateRoot(JsonObject obj, JsonObject schema)
    {
        var errors = new List<FieldError>();
        var properties = schema["properties"] as JsonObject;
        foreach (var (name, value) in obj)
        {
            if (name is "apiVersion" or "kind" or "metadata")
            {
                continue;
            }
            if (properties?[name] is JsonObject propertySchema)
            {
                Validate(value, propertySchema, name, errors);
            }
        }
        foreach (var required in RequiredOf(schema))
        {
            if (!obj.ContainsKey(required))
            {
                errors.Add(FieldError.Required(required));
            }
        }
        return errors;
    }

    public static void Validate(JsonNode? node, JsonObject schema, string path, List<FieldError> errors)
    {
        if (node is null)
        {
            if (!Flag(schema, "nullable") && schema["type"] is not null)
            {
                errors.Add(FieldError.TypeInvalid(path, "\"null\"", $"{path} in body must be of type {schema["type"]}: \"null\""));
            }
            return;
        }
        if (!CheckType(node, schema, path, errors))
        {
            return;
        }
        CheckEnum(node, schema, path, errors);
        switch (node)
        {
            case JsonObject obj:
                ValidateObject(obj, schema, path, errors);
                break;
            case JsonArray array:
                ValidateArray(array, schema, path, errors);
                break;
            case JsonValue value:
                ValidateScalar(value, schema, path, errors);
                break;
        }
    }

    private static bool CheckType(JsonNode node, JsonObject schema, string path, List<FieldError> errors)
    {
        var kind = node.GetValueKind();
        if (Flag(schema, "x-kubernetes-int-or-string"))
        {
            if (kind == JsonValueKind.String || IsInteger(node))
            {
                return true;
            }
            errors.Add(FieldError.TypeInvalid(path, Describe(node), $"{path} in body must be of type integer or string: {Describe(node)}"));
            return false;
        }
        var type = schema["type"]?.GetValue<string>();
        var ok = type switch
        {
            null => true,
            "object" => kind == JsonValueKind.Object,
            "array" => kind == JsonValueKind.Array,
            "string" => kind == JsonValueKind.String,
            "boolean" => kind is JsonValueKind.True or JsonValueKind.False,
            "number" => kind == JsonValueKind.Number,
            "integer" => IsInteger(node),
            _ => true,
        };
        if (!ok)
        {
            errors.Add(FieldError.TypeInvalid(path, $"\"{TypeName(kind)}\"", $"{path} in body must be of type {type}: \"{TypeName(kind)}\""));
        }
        return ok;
    }

    private static void CheckEnum(JsonNode node, JsonObject schema, string path, List<FieldError> errors)
    {
        if (schema["enum"] is JsonArray allowed && !allowed.Any(a => JsonNode.DeepEquals(a, node)))
        {
            errors.Add(FieldError.NotSupported(path, Describe(node), allowed.Select(a => a is null ? "null" : Describe(a))));
        }
    }

    private static void ValidateObject(JsonObject obj, JsonObject schema, string path, List<FieldError> errors)
    {
        var properties = schema["properties"] as JsonObject;
        foreach (var (name, value) in obj)
        {
            var childPath = $"{path}.{name}";
            if (properties?[name] is JsonObject propertySchema)
            {
                Validate(value, propertySchema, childPath, errors);
            }
            else if (schema["additionalProperties"] is JsonObject additional)
            {
                Validate(value, additional, childPath, errors);
            }
        }
        foreach (var required in RequiredOf(schema))
        {
            if (!obj.ContainsKey(required))
            {
                errors.Add(FieldError.Required($"{path}.{required}"));
            }
        }
        if (Number(schema, "minProperties") is { } minProps && obj.Count < minProps)
        {
            errors.Add(FieldError.InvalidValue(path, obj.Count.ToString(CultureInfo.InvariantCulture), $"{path} in body should have at least {minProps} properties"));
        }
        if (Number(schema, "maxProperties") is { } maxProps && obj.Count > maxProps)
        {
            errors.Add(FieldError.TooMany(path, obj.Count, (long)maxProps));
        }
    }

    private static void ValidateArray(JsonArray array, JsonObject schema, string path, List<FieldError> errors)
    {
        if (schema["items"] is JsonObject itemSchema)
        {
            for (var i = 0; i < array.Count; i++)
            {
                Validate(array[i], itemSchema, $"{path}[{i}]", errors);
            }
        }
        if (Number(schema, "minItems") is { } min && array.Count < min)
        {
            errors.Add(FieldError.InvalidValue(path, array.Count.ToString(CultureInfo.InvariantCulture), $"{path} in body should have at least {min} items"));
        }
        if (Number(schema, "maxItems") is { } max && array.Count > max)
        {
            errors.Add(FieldError.TooMany(path, array.Count, (long)max));
        }
        var listType = schema["x-kubernetes-list-type"]?.GetValue<string>();
        if (listType == "set")
        {
            for (var i = 0; i < array.Count; i++)
            {
                if (array.Take(i).Any(p => JsonNode.DeepEquals(p, array[i])))
                {
                    errors.Add(new FieldError($"{path}[{i}]", "FieldValueDuplicate", $"Duplicate value: {(array[i]?.ToJsonString() ?? "null")}"));
                }
            }
        }
        else if (listType == "map" && schema["x-kubernetes-list-map-keys"] is JsonArray keys)
        {
            var names = keys.Select(k => k!.GetValue<string>()).ToList();
            for (var i = 0; i < array.Count; i++)
            {
                if (array.Take(i).Any(p => names.All(k => JsonNode.DeepEquals(p?[k], array[i]?[k]))))
                {
                    var key = new JsonObject(names.Select(k => KeyValuePair.Create(k, array[i]?[k]?.DeepClone())));
                    errors.Add(new FieldError($"{path}[{i}]", "FieldValueDuplicate", $"Duplicate value: {key.ToJsonString()}"));
                }
            }
        }
    }

    private static void ValidateScalar(JsonValue value, JsonObject schema, string path, List<FieldError> errors)
    {
        var kind = value.GetValueKind();
        if (kind == JsonValueKind.String)
        {
            var text = value.GetValue<string>();
            var length = text.EnumerateRunes().Count();
            if (Number(schema, "minLength") is { } min && length < min)
            {
                errors.Add(FieldError.InvalidValue(path, Describe(value), $"{path} in body should be at least {min} chars long"));
            }
            if (Number(schema, "maxLength") is { } max && length > max)
            {
                errors.Add(FieldError.TooLong(path, text, (long)max));
            }
            if (schema["pattern"]?.GetValue<string>() is { } pattern && !Regex.IsMatch(text, pattern, RegexOptions.None, TimeSpan.FromSeconds(1)))
            {
                errors.Add(FieldError.InvalidValue(path, Describe(value), $"{path} in body should match '{pattern}'"));
            }
        }
        else if (kind == JsonValueKind.Number)
        {
            var number = double.Parse(value.ToJsonString(), CultureInfo.InvariantCulture);
            if (Number(schema, "minimum") is { } min)
            {
                var exclusive = Flag(schema, "exclusiveMinimum");
                if (exclusive ? number <= min : number < min)
                {
                    errors.Add(FieldError.InvalidValue(path, value.ToJsonString(), $"{path} in body should be greater than {(exclusive ? "" : "or equal to ")}{Format(min)}"));
                }
            }
            if (Number(schema, "maximum") is { } max)
            {
                var exclusive = Flag(schema, "exclusiveMaximum");
                if (exclusive ? number >= max : number > max)
                {
                    errors.Add(FieldError.InvalidValue(path, value.ToJsonString(), $"{path} in body should be less than {(exclusive ? "" : "or equal to ")}{Format(max)}"));
                }
            }
        }
    }

    private static bool IsInteger(JsonNode node) =>
        node.GetValueKind() == JsonValueKind.Number && double.Parse(node.ToJsonString(), CultureInfo.InvariantCulture) is var d && Math.Floor(d) == d;

    private static IEnumerable<string> RequiredOf(JsonObject schema) =>
        (schema["required"] as JsonArray ?? []).Select(r => r!.GetValue<string>());

    private static bool Flag(JsonObject schema, string name) => schema[name] is JsonValue v && v.TryGetValue<bool>(out var b) && b;

    private static double? Number(JsonObject schema, string name) =>
        schema[name] is JsonValue v && v.GetValueKind() == JsonValueKind.Number ? double.Parse(v.ToJsonString(), CultureInfo.InvariantCulture) : null;

    private static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Describe(JsonNode node) => node.ToJsonString();

    private static string TypeName(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        _ => "null",
    };
}
