using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace OCore.DevCluster.Storage;

/// <summary>A live feed of store events for one resource (and optionally one namespace).</summary>
internal sealed class WatchSubscription : IDisposable
{
    private readonly Action<WatchSubscription> _unsubscribe;
    private readonly CancellationTokenSource _dropped = new();

    public WatchSubscription(string groupResource, string? ns, IReadOnlyList<JsonObject> initial, Action<WatchSubscription> unsubscribe)
    {
        GroupResource = groupResource;
        Namespace = ns;
        Initial = initial;
        _unsubscribe = unsubscribe;
    }

    public string GroupResource { get; }

    public string? Namespace { get; }

    /// <summary>Objects to send as synthetic ADDED events first (empty when resuming from a resourceVersion).</summary>
    public IReadOnlyList<JsonObject> Initial { get; }

    /// <summary>Revision at which <see cref="Initial"/> was taken.</summary>
    public long StartRevision { get; init; }

    public Channel<StoreEvent> Events { get; } = Channel.CreateUnbounded<StoreEvent>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Cancelled when fault injection drops watch connections.</summary>
    public CancellationToken Dropped => _dropped.Token;

    public bool Accepts(StoreEvent e) =>
        e.GroupResource == GroupResource && (Namespace is null || Namespace == (e.Object["metadata"]?["namespace"]?.GetValue<string>() ?? ""));

    public void Drop() => _dropped.Cancel();

    public void Dispose()
    {
        _unsubscribe(this);
        Events.Writer.TryComplete();
        _dropped.Dispose();
    }
}
