using System.Text.Json;
using System.Text.Json.Nodes;

namespace OCore.Api.Tests.Support;

/// <summary>JSON values as the Cel package evaluates them: maps, lists, long, double, string, bool.</summary>
public static class CelValues
{
    public static object? From(JsonNode? node) => node switch
    {
        JsonObject obj => obj.ToDictionary(p => p.Key, p => From(p.Value)),
        JsonArray array => array.Select(From).ToList(),
        JsonValue value => value.GetValueKind() switch
        {
            JsonValueKind.String => value.GetValue<string>(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Number when value.TryGetValue<long>(out var whole) => whole,
            JsonValueKind.Number => value.GetValue<double>(),
            _ => null,
        },
        _ => null,
    };
}
