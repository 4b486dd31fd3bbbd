using System.Text.Json.Nodes;
using OCore.DevCluster.Http;
using OCore.DevCluster.Json;
using OCore.DevCluster.Operations;
using OCore.DevCluster.Resources;

namespace OCore.DevCluster.Patching;

/// <summary>
/// Server-side apply (application/apply-patch+yaml): merges the applied configuration, removes fields the
/// manager applied before and now omits (unless someone else owns them), and reports conflicts with other
/// managers as 409 unless force=true.
/// </summary>
internal static class ServerSideApply
{
    public static (JsonObject Object, bool Created) Apply(
        ResourceOperations operations, ResourceType type, string ns, string name, JsonObject? existing, string body, string? subresource, WriteOptions options)
    {
        var manager = options.FieldManager;
        if (string.IsNullOrEmpty(manager))
        {
            throw new ApiException(422, "Invalid", "PatchOptions.meta.k8s.io \"\" is invalid: fieldManager: Required value: is required for apply patch",
                new JsonObject { ["group"] = "meta.k8s.io", ["kind"] = "PatchOptions", ["causes"] = new JsonArray(new JsonObject { ["reason"] = "FieldValueRequired", ["message"] = "Required value: is required for apply patch", ["field"] = "fieldManager" }) });
        }
        JsonObject config;
        try
        {
            config = YamlToJson.Parse(body) as JsonObject ?? throw ApiErrors.BadRequest("the applied configuration must be an object");
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            throw ApiErrors.BadRequest($"error decoding YAML: {e.Message}");
        }
        if (string.IsNullOrEmpty(config.GetString("apiVersion")) || string.IsNullOrEmpty(config.GetString("kind")))
        {
            throw ApiErrors.BadRequest("apiVersion and kind must be set in an applied configuration");
        }
        operations.FillTypeMeta(type, config);
        if (config.Name() is { Length: > 0 } configName && configName != name)
        {
            throw ApiErrors.BadRequest($"the name of the object ({configName}) does not match the name on the URL ({name})");
        }
        config.Metadata()["name"] = name;
        var paths = new FieldPaths(type, subresource);
        var applied = paths.Collect(config);
        var now = operations.Now();

        if (existing is null)
        {
            var created = config.CloneObject();
            ManagedFieldsEntry.Write(created, [NewEntry(manager, type, subresource, now, applied)]);
            var createOptions = new WriteOptions { DryRun = options.DryRun, FieldManager = null, FieldValidation = options.FieldValidation, Admission = options.Admission };
            var result = operations.Create(type, ns, created, createOptions);
            options.Warnings.AddRange(createOptions.Warnings);
            return (result, true);
        }

        if (config.ObjectAt("metadata").GetString("resourceVersion") is { Length: > 0 } rv && rv != existing.ObjectAt("metadata").GetString("resourceVersion"))
        {
            throw ApiErrors.Conflict(type, name);
        }
        var entries = ManagedFieldsEntry.Read(existing);
        var own = entries.FirstOrDefault(e => e.Is(manager, "Apply", subresource));
        ResolveConflicts(type, name, existing, config, applied, entries.Where(e => e != own).ToList(), options.Force);

        var merged = paths.Merge(existing, config);
        var others = entries.Where(e => e != own).SelectMany(e => e.Fields).ToHashSet(StringComparer.Ordinal);
        RemoveDropped(merged, own?.Fields ?? [], applied, others);

        if (own is null)
        {
            own = NewEntry(manager, type, subresource, now, applied);
            entries.Add(own);
        }
        own.Fields = applied;
        own.Time = now;
        own.ApiVersion = type.ApiVersion;
        ManagedFieldsEntry.Write(merged, entries);
        return (operations.UpdateCore(type, existing, merged, subresource, options, recordManagedFields: false), false);
    }

    private static void ResolveConflicts(ResourceType type, string name, JsonObject live, JsonObject config, HashSet<string> applied, List<ManagedFieldsEntry> others, bool force)
    {
        var conflicts = new List<(ManagedFieldsEntry Owner, string Path)>();
        foreach (var path in applied)
        {
            if (!FieldPaths.TryGet(live, path, out var liveValue))
            {
                continue;
            }
            FieldPaths.TryGet(config, path, out var configValue);
            if (JsonNode.DeepEquals(liveValue, configValue))
            {
                continue;
            }
            conflicts.AddRange(others.Where(o => o.Fields.Contains(path)).Select(o => (o, path)));
        }
        if (conflicts.Count == 0)
        {
            return;
        }
        if (force)
        {
            foreach (var (owner, path) in conflicts)
            {
                owner.Fields.Remove(path);
            }
            return;
        }
        var causes = new JsonArray([.. conflicts.Select(c => (JsonNode)new JsonObject
        {
            ["reason"] = "FieldManagerConflict",
            ["message"] = $"conflict with \"{c.Owner.Manager}\"" + (c.Owner.Operation == "Update" ? $" using {c.Owner.ApiVersion}" : ""),
            ["field"] = FieldPaths.Display(c.Path),
        })]);
        var lines = string.Join("\n", conflicts.Select(c => $"- {c.Owner.Manager}: {FieldPaths.Display(c.Path)}"));
        throw new ApiException(409, "Conflict", $"Apply failed with {conflicts.Count} conflict{(conflicts.Count == 1 ? "" : "s")}: {lines}",
            new JsonObject { ["name"] = name, ["group"] = type.Group, ["kind"] = type.Plural, ["causes"] = causes });
    }

    private static void RemoveDropped(JsonObject merged, HashSet<string> previous, HashSet<string> applied, HashSet<string> ownedByOthers)
    {
        var dropped = previous.Where(p => !applied.Contains(p) && !ownedByOthers.Contains(p)).ToList();
        var removedItems = new List<string>();
        foreach (var item in FieldPaths.ItemPrefixes(dropped).OrderByDescending(p => p.Length))
        {
            if (!applied.Any(p => FieldPaths.HasPrefix(p, item)) && !ownedByOthers.Any(p => FieldPaths.HasPrefix(p, item)))
            {
                FieldPaths.Remove(merged, item);
                removedItems.Add(item);
            }
        }
        foreach (var path in dropped.Where(p => !removedItems.Any(i => FieldPaths.HasPrefix(p, i))))
        {
            FieldPaths.Remove(merged, path);
        }
    }

    private static ManagedFieldsEntry NewEntry(string manager, ResourceType type, string? subresource, string now, HashSet<string> fields) => new()
    {
        Manager = manager,
        Operation = "Apply",
        Subresource = subresource,
        ApiVersion = type.ApiVersion,
        Time = now,
        Fields = fields,
    };
}
