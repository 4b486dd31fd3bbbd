using k8s;
using k8s.Models;

namespace OCore.Runtime.Informers;

/// <summary>Which informer events a watch reacts to, for reconcilers that do not read what a status update changes.</summary>
public static class ChangeFilters
{
    /// <summary>Added, deleted and resynced objects, and updates of anything but status (spec, labels, annotations, deletion).</summary>
    public static bool NotStatusOnly<T>(InformerEvent<T> change)
        where T : IKubernetesObject<V1ObjectMeta>
    {
        if (change.Type != InformerEventType.Updated || change.Old is not { } old)
            return true;
        var before = old.Metadata;
        var after = change.Object.Metadata;
        return before.Generation != after.Generation
            || before.DeletionTimestamp != after.DeletionTimestamp
            || !SameEntries(before.Labels, after.Labels)
            || !SameEntries(before.Annotations, after.Annotations)
            || !(before.Finalizers ?? []).SequenceEqual(after.Finalizers ?? []);
    }

    /// <summary>Only objects appearing, disappearing or resynced: for reconcilers that only ask whether the object exists.</summary>
    public static bool Existence<T>(InformerEvent<T> change) => change.Type != InformerEventType.Updated;

    private static bool SameEntries(IDictionary<string, string>? a, IDictionary<string, string>? b) =>
        (a?.Count ?? 0) == (b?.Count ?? 0) && (a is null || a.All(e => b!.TryGetValue(e.Key, out var v) && v == e.Value));
}
