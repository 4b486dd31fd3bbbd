using System.Collections;
using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using OCore.Api.Schema;

namespace OCore.CrdGen;

/// <summary>
/// Turns a C# type into a structural OpenAPI v3 schema, reading the same attributes the API types use for
/// validation (<c>Required</c>, <c>Range</c>, <c>RegularExpression</c>, ...), so the CRD and the types cannot disagree.
/// </summary>
public static class SchemaBuilder
{

    public static JsonObject ForType(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (underlying == typeof(string))
            return new JsonObject { ["type"] = "string" };
        if (underlying == typeof(bool))
            return new JsonObject { ["type"] = "boolean" };
        if (underlying == typeof(int))
            return new JsonObject { ["type"] = "integer", ["format"] = "int32" };
        if (underlying == typeof(long))
            return new JsonObject { ["type"] = "integer", ["format"] = "int64" };
        if (underlying == typeof(DateTime) || underlying == typeof(DateTimeOffset))
            return new JsonObject { ["type"] = "string", ["format"] = "date-time" };
        if (underlying.IsEnum)
            return new JsonObject { ["type"] = "string", ["enum"] = new JsonArray(EnumNames(underlying).Select(n => (JsonNode)n).ToArray()) };
        if (DictionaryValueType(underlying) is { } valueType)
            return new JsonObject { ["type"] = "object", ["additionalProperties"] = ForType(valueType) };
        if (ListItemType(underlying) is { } itemType)
            return new JsonObject { ["type"] = "array", ["items"] = ForType(itemType) };
        return ForObject(underlying);
    }

    /// <summary>The names an enum has on the wire (<c>JsonStringEnumMemberName</c>, else the member name).</summary>
    public static IEnumerable<string> EnumNames(Type enumType) =>
        enumType.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => f.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? f.Name);

    public static string JsonName(PropertyInfo property) =>
        property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(property.Name);

    private static JsonObject ForObject(Type type)
    {
        var schema = new JsonObject { ["type"] = "object" };
        AddDescription(schema, type.GetCustomAttribute<DescriptionAttribute>());
        var properties = new JsonObject();
        var required = new List<string>();
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                     .Where(p => p.GetCustomAttribute<JsonIgnoreAttribute>() is null)
                     .OrderBy(p => JsonName(p), StringComparer.Ordinal))
        {
            var name = JsonName(property);
            properties[name] = ForProperty(property);
            if (property.GetCustomAttribute<RequiredAttribute>() is not null)
                required.Add(name);
        }

        schema["properties"] = properties;
        if (required.Count > 0)
            schema["required"] = new JsonArray(required.Select(r => (JsonNode)r).ToArray());
        AddCelRules(schema, type.GetCustomAttributes<CelRuleAttribute>());
        return schema;
    }

    private static JsonObject ForProperty(PropertyInfo property)
    {
        var schema = ForType(property.PropertyType);
        AddDescription(schema, property.GetCustomAttribute<DescriptionAttribute>());
        var isArray = schema["type"]?.GetValue<string>() == "array";

        if (property.GetCustomAttribute<RegularExpressionAttribute>() is { } regex)
            schema["pattern"] = regex.Pattern;
        if (property.GetCustomAttribute<DictionaryValuePatternAttribute>() is { } valuePattern)
            schema["additionalProperties"]!["pattern"] = valuePattern.Pattern;
        if (property.GetCustomAttribute<AllowedValuesAttribute>() is { } allowed)
            schema["enum"] = new JsonArray(allowed.Values.Select(v => JsonValue.Create(v?.ToString())).ToArray<JsonNode?>());
        if (property.GetCustomAttribute<MinLengthAttribute>() is { } min)
            schema[isArray ? "minItems" : "minLength"] = min.Length;
        if (property.GetCustomAttribute<MaxLengthAttribute>() is { } max)
            schema[isArray ? "maxItems" : "maxLength"] = max.Length;
        if (property.GetCustomAttribute<RangeAttribute>() is { } range)
            AddRange(schema, range);
        if (property.GetCustomAttribute<DefaultValueAttribute>() is { Value: { } value })
            schema["default"] = JsonValue.Create(value);
        if (property.GetCustomAttribute<ListMapAttribute>() is { } listMap)
        {
            schema["x-kubernetes-list-type"] = "map";
            schema["x-kubernetes-list-map-keys"] = new JsonArray(listMap.Keys.Select(k => (JsonNode)k).ToArray());
        }

        AddCelRules(schema, property.GetCustomAttributes<CelRuleAttribute>());
        return schema;
    }

    private static void AddRange(JsonObject schema, RangeAttribute range)
    {
        if (Bound(range.Minimum) is { } minimum)
            schema["minimum"] = minimum;
        if (Bound(range.Maximum) is { } maximum)
            schema["maximum"] = maximum;
    }

    /// <summary>A range end as a whole number; an end at the type's limit (e.g. long.MaxValue) means "unbounded".</summary>
    private static long? Bound(object value)
    {
        var number = Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture);
        return Math.Abs(number) >= int.MaxValue * 2.0 ? null : (long)number;
    }

    private static void AddDescription(JsonObject schema, DescriptionAttribute? description)
    {
        if (description is not null)
            schema["description"] = description.Description;
    }

    private static void AddCelRules(JsonObject schema, IEnumerable<CelRuleAttribute> rules)
    {
        var entries = rules.Select(rule =>
        {
            var entry = new JsonObject { ["rule"] = rule.Rule, ["message"] = rule.Message };
            if (rule.FieldPath is not null)
                entry["fieldPath"] = rule.FieldPath;
            return (JsonNode)entry;
        }).ToArray();
        if (entries.Length == 0)
            return;
        var existing = schema["x-kubernetes-validations"] as JsonArray ?? [];
        foreach (var entry in entries)
            existing.Add(entry);
        schema["x-kubernetes-validations"] = existing;
    }

    private static Type? DictionaryValueType(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Dictionary<,>) && type.GetGenericArguments()[0] == typeof(string)
            ? type.GetGenericArguments()[1]
            : null;

    private static Type? ListItemType(Type type) =>
        type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type) && type.IsGenericType
            ? type.GetGenericArguments()[0]
            : null;
}
