using System.Collections.Concurrent;
using k8s;
using k8s.Models;
using OCore.Runtime.Informers;

namespace OCore.Bench.Cluster;

/// <summary>
/// Watches one kind in every namespace and remembers which objects a controller has reconciled (status
/// observedGeneration caught up with metadata.generation), so the bench can time "every Project reconciled"
/// without listing 10,000 objects over and over.
/// </summary>
internal sealed class ReconciledWatch<T> : IAsyncDisposable
    where T : IKubernetesObject<V1ObjectMeta>
{
    private readonly ConcurrentDictionary<string, byte> _reconciled = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public ReconciledWatch(Kubernetes client, Func<T, long?> observedGeneration)
    {
        var resources = new KubernetesResourceClient<T>(client, ResourceType.Of<T>());
        _loop = Task.Run(async () =>
        {
            var resourceVersion = (await resources.ListAsync(null, null, _stop.Token)).ResourceVersion;
            while (!_stop.IsCancellationRequested)
            {
                try
                {
                    await foreach (var (type, obj) in resources.WatchAsync(null, null, resourceVersion, _stop.Token))
                    {
                        resourceVersion = obj.Metadata.ResourceVersion ?? resourceVersion;
                        if (type is WatchEventType.Added or WatchEventType.Modified && observedGeneration(obj) >= obj.Metadata.Generation)
                            _reconciled.TryAdd($"{obj.Metadata.NamespaceProperty}/{obj.Metadata.Name}", 0);
                    }
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        });
    }

    public int Count => _reconciled.Count;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
            // Stopped while listing.
        }

        _stop.Dispose();
    }
}
