using System.Text.Json.Nodes;
using OCore.DevCluster.Http;
using OCore.DevCluster.Json;

namespace OCore.DevCluster.Storage;

/// <summary>
/// All objects, one global resourceVersion counter and a bounded event history for watch resumption.
/// Callers doing read-check-write sequences hold <see cref="Sync"/> so each API write is atomic.
/// </summary>
internal sealed class ObjectStore : IDisposable
{
    private readonly Dictionary<string, ObjectBucket> _data = new(StringComparer.Ordinal);
    private readonly LinkedList<StoreEvent> _history = new();
    private readonly List<WatchSubscription> _subscribers = [];
    private readonly Journal? _journal;
    private readonly TimeProvider _clock;
    private long _revision;
    private long _compactedRevision;

    public ObjectStore(TimeProvider clock, TimeSpan historyWindow, string? dataDirectory)
    {
        _clock = clock;
        HistoryWindow = historyWindow;
        if (dataDirectory is not null)
        {
            _journal = Journal.Open(Path.Combine(dataDirectory, "journal.jsonl"), out var revision, out var objects);
            _revision = revision;
            foreach (var (groupResource, obj) in objects)
            {
                Bucket(groupResource).Set(ObjectBucket.Key(obj.Namespace(), obj.Name()), obj);
            }
            // History before the restart is unknown: resuming from an older revision gets 410 Gone.
            _compactedRevision = _revision;
        }
    }

    public object Sync { get; } = new();

    public TimeSpan HistoryWindow { get; set; }

    /// <summary>Raised after every committed change (inside the lock); controllers use it as a wake-up.</summary>
    public event Action? Changed;

    public long Revision
    {
        get
        {
            lock (Sync)
            {
                return _revision;
            }
        }
    }

    public JsonObject? Get(string groupResource, string ns, string name)
    {
        lock (Sync)
        {
            return Bucket(groupResource).TryGetValue(ObjectBucket.Key(ns, name), out var obj) ? obj.CloneObject() : null;
        }
    }

    public List<JsonObject> List(string groupResource, string? ns)
    {
        lock (Sync)
        {
            return [.. Bucket(groupResource).Range(ns, null).Select(e => e.Value.CloneObject())];
        }
    }

    /// <summary>
    /// Up to <paramref name="limit"/> matching objects after <paramref name="afterKey"/> (copies of those only), the
    /// key of the last one when more match, and how many more match.
    /// </summary>
    public StorePage ListPage(string groupResource, string? ns, Func<JsonObject, bool> matches, string? afterKey, int limit)
    {
        lock (Sync)
        {
            var items = new List<JsonObject>();
            string? lastKey = null;
            var remaining = 0;
            foreach (var (key, obj) in Bucket(groupResource).Range(ns, afterKey))
            {
                if (!matches(obj))
                {
                    continue;
                }
                if (items.Count < limit)
                {
                    items.Add(obj.CloneObject());
                    lastKey = key;
                }
                else
                {
                    remaining++;
                }
            }
            return new StorePage(items, remaining > 0 ? lastKey : null, remaining, _revision);
        }
    }

    /// <summary>
    /// Every stored object, not copied: stored objects are never modified (a write stores a new one), so a controller
    /// that only reads can scan them without cloning the whole store under the lock. Do not modify what this returns.
    /// </summary>
    public List<(string GroupResource, JsonObject Object)> ReadAllShared()
    {
        lock (Sync)
        {
            return [.. _data.SelectMany(b => b.Value.Values.Select(o => (b.Key, o)))];
        }
    }

    /// <summary>The stored objects of one resource (and namespace), not copied; see <see cref="ReadAllShared"/>.</summary>
    public List<JsonObject> ReadShared(string groupResource, string? ns)
    {
        lock (Sync)
        {
            return [.. Bucket(groupResource).Range(ns, null).Select(e => e.Value)];
        }
    }

    /// <summary>One stored object, not copied; see <see cref="ReadAllShared"/>.</summary>
    public JsonObject? GetShared(string groupResource, string ns, string name)
    {
        lock (Sync)
        {
            return Bucket(groupResource).TryGetValue(ObjectBucket.Key(ns, name), out var obj) ? obj : null;
        }
    }

    /// <summary>Stores the object under a new resourceVersion and returns the stored copy.</summary>
    public JsonObject Put(string groupResource, JsonObject obj)
    {
        lock (Sync)
        {
            var bucket = Bucket(groupResource);
            var key = ObjectBucket.Key(obj.Namespace(), obj.Name());
            bucket.TryGetValue(key, out var old);
            var revision = _revision + 1;
            var stored = obj.CloneObject();
            stored.Metadata()["resourceVersion"] = revision.ToString(System.Globalization.CultureInfo.InvariantCulture);
            _journal?.AppendPut(revision, groupResource, stored);
            _revision = revision;
            bucket.Set(key, stored);
            Record(new StoreEvent(old is null ? StoreEvent.Added : StoreEvent.Modified, groupResource, stored, old, revision, _clock.GetUtcNow()));
            return stored.CloneObject();
        }
    }

    /// <summary>Removes the object; the DELETED event carries its last state with the deletion's resourceVersion.</summary>
    public JsonObject Remove(string groupResource, JsonObject lastState)
    {
        lock (Sync)
        {
            var key = ObjectBucket.Key(lastState.Namespace(), lastState.Name());
            var revision = _revision + 1;
            var final = lastState.CloneObject();
            final.Metadata()["resourceVersion"] = revision.ToString(System.Globalization.CultureInfo.InvariantCulture);
            _journal?.AppendDelete(revision, groupResource, final);
            _revision = revision;
            Bucket(groupResource).Remove(key, out var old);
            Record(new StoreEvent(StoreEvent.Deleted, groupResource, final, old, revision, _clock.GetUtcNow()));
            return final.CloneObject();
        }
    }

    /// <summary>
    /// Starts a watch. With <paramref name="fromRevision"/> null the subscription starts with a snapshot;
    /// otherwise it replays the history after that revision, or throws 410 Expired when it was compacted.
    /// </summary>
    public WatchSubscription Subscribe(string groupResource, string? ns, long? fromRevision)
    {
        lock (Sync)
        {
            TrimHistory();
            if (fromRevision is { } from && from < _compactedRevision)
            {
                throw ApiErrors.Expired($"too old resource version: {from} ({_compactedRevision})");
            }
            var initial = fromRevision is null
                ? List(groupResource, ns)
                : [];
            var subscription = new WatchSubscription(groupResource, ns, initial, Unsubscribe) { StartRevision = _revision };
            if (fromRevision is { } after)
            {
                foreach (var e in _history.Where(e => e.Revision > after && subscription.Accepts(e)))
                {
                    subscription.Events.Writer.TryWrite(e);
                }
            }
            _subscribers.Add(subscription);
            return subscription;
        }
    }

    /// <summary>The current revision if the subscription has no undelivered events (safe for a BOOKMARK), else null.</summary>
    public long? QuietRevision(WatchSubscription subscription)
    {
        lock (Sync)
        {
            return subscription.Events.Reader.TryPeek(out _) ? null : _revision;
        }
    }

    /// <summary>Forgets all watch history: resuming from any revision before now answers 410 Gone.</summary>
    public void Compact()
    {
        lock (Sync)
        {
            _history.Clear();
            _compactedRevision = _revision;
        }
    }

    /// <summary>Closes every open watch stream; returns how many were dropped.</summary>
    public int DropWatches()
    {
        lock (Sync)
        {
            foreach (var s in _subscribers)
            {
                s.Drop();
            }
            return _subscribers.Count;
        }
    }

    public void Dispose() => _journal?.Dispose();

    private void Record(StoreEvent e)
    {
        _history.AddLast(e);
        TrimHistory();
        foreach (var s in _subscribers)
        {
            if (s.Accepts(e))
            {
                s.Events.Writer.TryWrite(e);
            }
        }
        Changed?.Invoke();
    }

    private void TrimHistory()
    {
        var cutoff = _clock.GetUtcNow() - HistoryWindow;
        while (_history.First is { } first && first.Value.Time < cutoff)
        {
            _compactedRevision = first.Value.Revision;
            _history.RemoveFirst();
        }
    }

    private void Unsubscribe(WatchSubscription s)
    {
        lock (Sync)
        {
            _subscribers.Remove(s);
        }
    }

    private ObjectBucket Bucket(string groupResource)
    {
        if (!_data.TryGetValue(groupResource, out var bucket))
        {
            bucket = new ObjectBucket();
            _data[groupResource] = bucket;
        }
        return bucket;
    }
}
