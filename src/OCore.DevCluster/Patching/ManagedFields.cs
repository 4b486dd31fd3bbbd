using System.Text.Json.Nodes;
using OCore.DevCluster.Resources;

namespace OCore.DevCluster.Patching;

/// <summary>Ownership bookkeeping for non-apply writes: an updater takes the fields whose value it changed.</summary>
internal static class ManagedFields
{
    public static void RecordUpdate(ResourceType type, JsonObject updated, JsonObject? existing, string? manager, string now, string? subresource = null)
    {
        if (string.IsNullOrEmpty(manager))
        {
            return;
        }
        var paths = new FieldPaths(type, subresource);
        var after = paths.Collect(updated);
        var before = existing is null ? [] : paths.Collect(existing);
        var changed = after.Where(p => !before.Contains(p) || !SameValue(updated, existing!, p)).ToHashSet(StringComparer.Ordinal);
        var removed = before.Where(p => !after.Contains(p)).ToHashSet(StringComparer.Ordinal);
        var entries = ManagedFieldsEntry.Read(updated);
        if (changed.Count == 0 && removed.Count == 0 && entries.Count > 0)
        {
            return;
        }
        foreach (var entry in entries)
        {
            entry.Fields.ExceptWith(changed);
            entry.Fields.ExceptWith(removed);
        }
        var own = entries.FirstOrDefault(e => e.Is(manager, "Update", subresource));
        if (own is null)
        {
            own = new ManagedFieldsEntry { Manager = manager, Operation = "Update", Subresource = subresource, ApiVersion = type.ApiVersion, Time = now };
            entries.Add(own);
        }
        own.Time = now;
        own.Fields.UnionWith(existing is null ? after : changed);
        ManagedFieldsEntry.Write(updated, entries);
    }

    private static bool SameValue(JsonObject a, JsonObject b, string path) =>
        FieldPaths.TryGet(a, path, out var va) && FieldPaths.TryGet(b, path, out var vb) && JsonNode.DeepEquals(va, vb);
}
