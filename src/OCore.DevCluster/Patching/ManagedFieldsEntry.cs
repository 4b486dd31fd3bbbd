using System.Text.Json.Nodes;
using OCore.DevCluster.Json;

namespace OCore.DevCluster.Patching;

/// <summary>One metadata.managedFields entry with its field set decoded.</summary>
internal sealed class ManagedFieldsEntry
{
    public required string Manager { get; init; }

    public required string Operation { get; init; }

    public string? Subresource { get; init; }

    public required string ApiVersion { get; set; }

    public required string Time { get; set; }

    public HashSet<string> Fields { get; set; } = new(StringComparer.Ordinal);

    public bool Is(string manager, string operation, string? subresource) =>
        Manager == manager && Operation == operation && (Subresource ?? "") == (subresource ?? "");

    public static List<ManagedFieldsEntry> Read(JsonObject obj) =>
        [.. (obj.ObjectAt("metadata")?["managedFields"] as JsonArray ?? []).OfType<JsonObject>().Select(e => new ManagedFieldsEntry
        {
            Manager = e.GetString("manager") ?? "",
            Operation = e.GetString("operation") ?? "Update",
            Subresource = e.GetString("subresource"),
            ApiVersion = e.GetString("apiVersion") ?? "",
            Time = e.GetString("time") ?? "",
            Fields = FieldPaths.FromFieldsV1(e["fieldsV1"] as JsonObject),
        })];

    public static void Write(JsonObject obj, IEnumerable<ManagedFieldsEntry> entries)
    {
        var array = new JsonArray();
        foreach (var entry in entries.Where(e => e.Fields.Count > 0))
        {
            var json = new JsonObject
            {
                ["manager"] = entry.Manager,
                ["operation"] = entry.Operation,
                ["apiVersion"] = entry.ApiVersion,
                ["time"] = entry.Time,
                ["fieldsType"] = "FieldsV1",
                ["fieldsV1"] = FieldPaths.ToFieldsV1(entry.Fields),
            };
            if (entry.Subresource is { Length: > 0 } sub)
            {
                json["subresource"] = sub;
            }
            array.Add(json);
        }
        if (array.Count > 0)
        {
            obj.Metadata()["managedFields"] = array;
        }
        else
        {
            obj.Metadata().Remove("managedFields");
        }
    }
}
