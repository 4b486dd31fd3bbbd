using System.Text.Json.Nodes;
using OCore.DevCluster.Http;
using OCore.DevCluster.Json;
using OCore.DevCluster.Operations;

namespace OCore.DevCluster.Controllers;

/// <summary>
/// kube-controller-manager's garbage collector: deletes dependents whose owners are all gone (background),
/// deletes dependents before their owner (foregroundDeletion finalizer), and orphans them (orphan finalizer).
/// </summary>
internal sealed class GarbageCollector(ResourceOperations operations) : IController
{
    private const string Manager = "garbage-collector";

    // A pass scans every object; under a stream of writes, one pass per interval is enough (the real one lags too).
    private static readonly TimeSpan MinInterval = TimeSpan.FromMilliseconds(100);

    private DateTimeOffset _lastPass = DateTimeOffset.MinValue;

    public DateTimeOffset? Reconcile(DateTimeOffset now)
    {
        if (now - _lastPass < MinInterval)
        {
            return _lastPass + MinInterval;
        }
        _lastPass = now;
        // Read-only scan: changes go through operations, which copy the object they change.
        var all = operations.Store.ReadAllShared();
        var byUid = all.ToDictionary(o => o.Object.Uid(), o => o.Object, StringComparer.Ordinal);
        foreach (var (groupResource, obj) in all)
        {
            var references = (obj.ObjectAt("metadata")?["ownerReferences"] as JsonArray ?? []).OfType<JsonObject>().ToList();
            if (references.Count == 0)
            {
                continue;
            }
            var owners = references.Select(r => byUid.GetValueOrDefault(r.GetString("uid") ?? "")).ToList();
            if (owners.All(o => o is null))
            {
                Delete(groupResource, obj, "Background");
            }
            else if (owners.Any(o => o is not null && o.IsDeleting() && o.Finalizers().Contains("foregroundDeletion")))
            {
                Delete(groupResource, obj, "Foreground");
            }
            else if (owners.Any(o => o is null || (o.IsDeleting() && o.Finalizers().Contains("orphan"))))
            {
                var keep = references.Where((_, i) => owners[i] is { } o && !(o.IsDeleting() && o.Finalizers().Contains("orphan"))).Select(r => r.GetString("uid") ?? "").ToHashSet(StringComparer.Ordinal);
                Mutate(groupResource, obj, copy =>
                {
                    var kept = references.Where(r => keep.Contains(r.GetString("uid") ?? "")).Select(r => (JsonNode)r.CloneObject()).ToArray();
                    if (kept.Length == 0)
                    {
                        copy.Metadata().Remove("ownerReferences");
                    }
                    else
                    {
                        copy.Metadata()["ownerReferences"] = new JsonArray(kept);
                    }
                    return true;
                });
            }
        }
        var dependentsOf = all.SelectMany(o => (o.Object.ObjectAt("metadata")?["ownerReferences"] as JsonArray ?? []).OfType<JsonObject>().Select(r => r.GetString("uid") ?? ""))
            .ToHashSet(StringComparer.Ordinal);
        foreach (var (groupResource, obj) in all.Where(o => o.Object.IsDeleting()))
        {
            foreach (var finalizer in new[] { "foregroundDeletion", "orphan" })
            {
                if (obj.Finalizers().Contains(finalizer) && !dependentsOf.Contains(obj.Uid()))
                {
                    Mutate(groupResource, obj, copy =>
                    {
                        copy.Metadata()["finalizers"] = copy.Finalizers().Where(f => f != finalizer).ToJsonArray();
                        return true;
                    });
                }
            }
        }
        return null;
    }

    private void Delete(string groupResource, JsonObject obj, string propagation)
    {
        if (obj.IsDeleting() || operations.Registry.FindByGroupResource(groupResource) is not { } type)
        {
            return;
        }
        try
        {
            operations.Delete(type, obj.Namespace(), obj.Name(), new DeleteOptions { PropagationPolicy = propagation });
        }
        catch (ApiException e) when (e.Code == 404)
        {
            // Already gone.
        }
    }

    private void Mutate(string groupResource, JsonObject obj, Func<JsonObject, bool> change)
    {
        if (operations.Registry.FindByGroupResource(groupResource) is { } type)
        {
            operations.Mutate(type, obj.Namespace(), obj.Name(), change, Manager);
        }
    }
}
