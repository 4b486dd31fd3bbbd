using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using k8s;
using k8s.Autorest;
using k8s.Models;
using OCore.Runtime.Informers;

namespace OCore.Runtime.Writing;

/// <summary>
/// Writes custom resources of one kind: status through the status subresource (skipped when nothing changed) and
/// metadata through merge patches, both guarded by the resourceVersion the caller read.
/// </summary>
public sealed class CustomResourceWriter<T>(IKubernetes kubernetes)
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    private readonly ResourceType _type = ResourceType.Of<T>();

    public async Task<T> CreateAsync(T obj, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(obj);
        var created = await kubernetes.CustomObjects.CreateNamespacedCustomObjectAsync(
            obj, _type.Group, _type.Version, obj.Metadata.NamespaceProperty, _type.Plural, cancellationToken: cancellationToken);
        return KubernetesJson.Deserialize<T>(JsonSerializer.Serialize(created));
    }

    public async Task<T?> GetAsync(string @namespace, string name, CancellationToken cancellationToken)
    {
        try
        {
            var found = await kubernetes.CustomObjects.GetNamespacedCustomObjectAsync(
                _type.Group, _type.Version, @namespace, _type.Plural, name, cancellationToken);
            return KubernetesJson.Deserialize<T>(JsonSerializer.Serialize(found));
        }
        catch (HttpOperationException error) when (error.Response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    /// <summary>
    /// Writes <paramref name="status"/> as the object's status unless it equals <paramref name="current"/>'s. The write
    /// carries the resourceVersion the status was computed from: a conflict means the reconcile saw stale data, so it
    /// fails and the key is reconciled again from fresh state instead of overwriting newer information.
    /// </summary>
    public async Task UpdateStatusAsync<TStatus>(T current, TStatus status, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(current);
        var statusJson = KubernetesJson.Serialize(status);
        if (current is IStatus<TStatus> { Status: { } existing } && KubernetesJson.Serialize(existing) == statusJson)
            return;

        var body = JsonNode.Parse(KubernetesJson.Serialize(current))!.AsObject();
        body["status"] = JsonNode.Parse(statusJson);
        await kubernetes.CustomObjects.ReplaceNamespacedCustomObjectStatusAsync(
            body, _type.Group, _type.Version, current.Metadata.NamespaceProperty, _type.Plural, current.Metadata.Name,
            cancellationToken: cancellationToken);
    }

    /// <summary>Deletes the object (background propagation: what it owns follows); gone already is fine.</summary>
    public async Task DeleteAsync(T obj, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(obj);
        try
        {
            await kubernetes.CustomObjects.DeleteNamespacedCustomObjectAsync(_type.Group, _type.Version, obj.Metadata.NamespaceProperty, _type.Plural,
                obj.Metadata.Name, propagationPolicy: "Background", cancellationToken: cancellationToken);
        }
        catch (HttpOperationException error) when (error.Response.StatusCode == HttpStatusCode.NotFound)
        {
            // Already gone.
        }
    }

    /// <summary>A JSON merge patch guarded by the object's resourceVersion (a conflict means: reconcile again).</summary>
    public async Task<T> PatchMetadataAsync(T current, Action<V1ObjectMeta> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(change);
        var metadata = KubernetesJson.Deserialize<V1ObjectMeta>(KubernetesJson.Serialize(current.Metadata));
        change(metadata);
        // Only what changed goes in: a null map value would delete the whole map.
        var changes = new Dictionary<string, object?> { ["resourceVersion"] = current.Metadata.ResourceVersion };
        if (!(current.Metadata.Finalizers ?? []).SequenceEqual(metadata.Finalizers ?? []))
            changes["finalizers"] = metadata.Finalizers ?? [];
        if (Changes(current.Metadata.Annotations, metadata.Annotations) is { } annotations)
            changes["annotations"] = annotations;
        if (Changes(current.Metadata.Labels, metadata.Labels) is { } labels)
            changes["labels"] = labels;
        var patch = new Dictionary<string, object?> { ["metadata"] = changes };
        var patched = await kubernetes.CustomObjects.PatchNamespacedCustomObjectAsync(
            new V1Patch(KubernetesJson.Serialize(patch), V1Patch.PatchType.MergePatch), _type.Group, _type.Version,
            current.Metadata.NamespaceProperty, _type.Plural, current.Metadata.Name, cancellationToken: cancellationToken);
        return KubernetesJson.Deserialize<T>(JsonSerializer.Serialize(patched));
    }

    /// <summary>A merge-patch map: new and changed keys with their values, removed keys as null.</summary>
    private static Dictionary<string, string?>? Changes(IDictionary<string, string>? before, IDictionary<string, string>? after)
    {
        var patch = new Dictionary<string, string?>();
        foreach (var (key, _) in before ?? new Dictionary<string, string>())
        {
            if (after?.ContainsKey(key) != true)
                patch[key] = null;
        }

        foreach (var (key, value) in after ?? new Dictionary<string, string>())
        {
            if (before?.TryGetValue(key, out var old) != true || old != value)
                patch[key] = value;
        }

        return patch.Count == 0 ? null : patch;
    }
}
