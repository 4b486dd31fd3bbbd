using k8s;
using k8s.Models;

namespace OCore.Runtime.Informers;

/// <summary>
/// The informer's in-memory copy of one kind, with secondary indexes (e.g. mappings by project), so reconcilers
/// read from memory and never list the API in a loop. Objects handed out are shared: treat them as read-only.
/// </summary>
public sealed class ResourceCache<T>
    where T : IKubernetesObject<V1ObjectMeta>
{
    private readonly Lock _lock = new();
    private readonly Dictionary<ObjectKey, T> _objects = [];
    private readonly Dictionary<string, Func<T, IEnumerable<string>>> _indexers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, HashSet<ObjectKey>>> _indexes = new(StringComparer.Ordinal);

    public int Count
    {
        get
        {
            lock (_lock)
                return _objects.Count;
        }
    }

    /// <summary>Adds an index; values are computed for objects already cached and every later change.</summary>
    public void AddIndex(string name, Func<T, IEnumerable<string>> indexer)
    {
        lock (_lock)
        {
            _indexers[name] = indexer;
            _indexes[name] = new Dictionary<string, HashSet<ObjectKey>>(StringComparer.Ordinal);
            foreach (var (key, obj) in _objects)
                Index(name, key, obj);
        }
    }

    public T? Get(ObjectKey key)
    {
        lock (_lock)
            return _objects.GetValueOrDefault(key);
    }

    public T? Get(string? @namespace, string name) => Get(new ObjectKey(@namespace, name));

    public IReadOnlyList<T> List(string? @namespace = null)
    {
        lock (_lock)
            return _objects.Values.Where(o => @namespace is null || o.Metadata.NamespaceProperty == @namespace).ToList();
    }

    /// <summary>Objects whose index <paramref name="index"/> has <paramref name="value"/>.</summary>
    public IReadOnlyList<T> ByIndex(string index, string value)
    {
        lock (_lock)
        {
            return _indexes[index].TryGetValue(value, out var keys)
                ? keys.Select(k => _objects[k]).ToList()
                : [];
        }
    }

    /// <summary>Stores the object; returns the previous version, if any.</summary>
    internal T? Upsert(T obj)
    {
        var key = ObjectKey.Of(obj);
        lock (_lock)
        {
            var old = _objects.GetValueOrDefault(key);
            if (old is not null)
                Unindex(key, old);
            _objects[key] = obj;
            foreach (var name in _indexers.Keys)
                Index(name, key, obj);
            return old;
        }
    }

    internal T? Remove(ObjectKey key)
    {
        lock (_lock)
        {
            if (!_objects.Remove(key, out var old))
                return default;
            Unindex(key, old);
            return old;
        }
    }

    /// <summary>Replaces everything with a fresh list; returns the keys that disappeared, with their last state.</summary>
    internal IReadOnlyList<T> Replace(IReadOnlyList<T> objects)
    {
        lock (_lock)
        {
            var fresh = objects.Select(o => ObjectKey.Of(o)).ToHashSet();
            var gone = _objects.Where(p => !fresh.Contains(p.Key)).Select(p => p.Value).ToList();
            foreach (var obj in gone)
            {
                _objects.Remove(ObjectKey.Of(obj));
                Unindex(ObjectKey.Of(obj), obj);
            }

            return gone;
        }
    }

    private void Index(string name, ObjectKey key, T obj)
    {
        foreach (var value in _indexers[name](obj))
        {
            if (!_indexes[name].TryGetValue(value, out var keys))
                _indexes[name][value] = keys = [];
            keys.Add(key);
        }
    }

    private void Unindex(ObjectKey key, T obj)
    {
        foreach (var (name, indexer) in _indexers)
        {
            foreach (var value in indexer(obj))
            {
                if (_indexes[name].TryGetValue(value, out var keys) && keys.Remove(key) && keys.Count == 0)
                    _indexes[name].Remove(value);
            }
        }
    }
}
