using System.Collections.Concurrent;
using System.Diagnostics;
using k8s;
using k8s.Models;
using OCore.Runtime.Informers;

namespace OCore.Bench.Cluster;

/// <summary>
/// Watches one kind in one namespace through the Kubernetes watch API (over KubernetesClient's connection, as the
/// operator's informers do) and stamps the moment each object name is first seen, on the <see cref="Stopwatch"/>
/// clock, so "exists" is timed by a client watching, not by polling.
/// </summary>
internal sealed class FirstSeenWatch<T> : IAsyncDisposable
    where T : IKubernetesObject<V1ObjectMeta>
{
    private readonly ConcurrentDictionary<string, long> _seen = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    private FirstSeenWatch(Kubernetes client, string @namespace, string resourceVersion)
    {
        var resources = new KubernetesResourceClient<T>(client, ResourceType.Of<T>());
        _loop = Task.Run(async () =>
        {
            var version = resourceVersion;
            while (!_stop.IsCancellationRequested)
            {
                try
                {
                    await foreach (var (_, obj) in resources.WatchAsync(@namespace, null, version, _stop.Token))
                    {
                        _seen.TryAdd(obj.Metadata.Name, Stopwatch.GetTimestamp());
                        version = obj.Metadata.ResourceVersion ?? version;
                    }
                }
                catch (OperationCanceledException)
                {
                    return;
                }
                catch (KubernetesApiException)
                {
                    await Task.Delay(100);
                }
            }
        });
    }

    public static async Task<FirstSeenWatch<T>> StartAsync(Kubernetes client, string @namespace)
    {
        var list = await new KubernetesResourceClient<T>(client, ResourceType.Of<T>()).ListAsync(@namespace, null, CancellationToken.None);
        return new FirstSeenWatch<T>(client, @namespace, list.ResourceVersion);
    }

    /// <summary>The Stopwatch timestamp of the first event naming <paramref name="name"/>, or null before it.</summary>
    public long? SeenAt(string name) => _seen.TryGetValue(name, out var at) ? at : null;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }
}
