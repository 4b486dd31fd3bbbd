using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using k8s;
using k8s.Models;
using OCore.Runtime.Informers;

namespace OCore.Runtime.Tests.Informers;

/// <summary>A list/watch source whose answers the test scripts: lists, watch event batches and failures.</summary>
internal sealed class ScriptedResourceClient : IResourceClient<V1ConfigMap>
{
    private readonly ConcurrentQueue<Func<ResourceList<V1ConfigMap>>> _lists = new();
    private readonly ConcurrentQueue<Func<CancellationToken, Task<IReadOnlyList<(WatchEventType, V1ConfigMap)>>>> _watches = new();

    public ResourceType Type { get; } = new("", "v1", "configmaps", "ConfigMap");

    public ConcurrentQueue<string> WatchedFrom { get; } = new();

    public int ListCalls;

    public void ScriptList(params V1ConfigMap[] items) =>
        _lists.Enqueue(() => new ResourceList<V1ConfigMap>(items, items.Length == 0 ? "1" : items.Max(i => i.Metadata.ResourceVersion)!));

    public void ScriptWatch(params (WatchEventType, V1ConfigMap)[] events) =>
        _watches.Enqueue(_ => Task.FromResult<IReadOnlyList<(WatchEventType, V1ConfigMap)>>(events));

    /// <summary>A watch whose events arrive once <paramref name="gate"/> completes (the test decides when).</summary>
    public void ScriptWatchAfter(Task gate, params (WatchEventType, V1ConfigMap)[] events) =>
        _watches.Enqueue(async cancellationToken =>
        {
            await gate.WaitAsync(cancellationToken);
            return events;
        });

    public void ScriptWatchFailure(Exception error) => _watches.Enqueue(_ => throw error);

    public Task<ResourceList<V1ConfigMap>> ListAsync(string? @namespace, string? labelSelector, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref ListCalls);
        return Task.FromResult(_lists.TryDequeue(out var list) ? list() : throw new InvalidOperationException("no list scripted"));
    }

    public async IAsyncEnumerable<(WatchEventType Type, V1ConfigMap Object)> WatchAsync(
        string? @namespace, string? labelSelector, string resourceVersion, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        WatchedFrom.Enqueue(resourceVersion);
        if (!_watches.TryDequeue(out var next))
        {
            await Task.Delay(Timeout.Infinite, cancellationToken); // Nothing more scripted: an idle watch.
            yield break;
        }

        foreach (var item in await next(cancellationToken))
            yield return item;
    }

    public static V1ConfigMap Map(string name, string resourceVersion) =>
        new() { Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = "acme", ResourceVersion = resourceVersion } };
}
