using System.Collections.Concurrent;
using k8s;
using k8s.Models;
using OCore.Runtime.Controllers;
using OCore.Runtime.Informers;

namespace OCore.Runtime.Tests.Support;

/// <summary>
/// A steady-state reconciler: it reads its object from the informer's cache and would write only when the object is
/// out of line (its <c>index</c> not matching its name). Objects in line cost no API call at all.
/// </summary>
internal sealed class CacheOnlyReconciler(Informer<V1ConfigMap> informer, IKubernetes client) : IReconciler
{
    public ConcurrentDictionary<ObjectKey, int> Reconciled { get; } = new();

    public async Task<ReconcileResult> ReconcileAsync(ObjectKey key, CancellationToken cancellationToken)
    {
        var obj = informer.Cache.Get(key) ?? throw new InvalidOperationException($"{key} is not in the cache");
        var expected = key.Name["scale-".Length..];
        if (obj.Data["index"] != expected)
        {
            obj.Data["index"] = expected;
            await client.CoreV1.ReplaceNamespacedConfigMapAsync(obj, key.Name, key.Namespace, cancellationToken: cancellationToken);
        }

        Reconciled.AddOrUpdate(key, 1, (_, n) => n + 1);
        return ReconcileResult.Done;
    }
}
