using System.Text.Json.Nodes;

namespace OCore.DevCluster.Storage;

/// <summary>
/// The stored objects of one resource, by "namespace/name" key, with the keys kept sorted so that a namespace or a
/// page after a continue key is a range read rather than a scan of every object.
/// </summary>
internal sealed class ObjectBucket
{
    // '0' follows '/' in ordinal order, so [ns + "/", ns + "0") holds exactly the keys of namespace ns.
    private const char AfterSeparator = '0';

    private readonly Dictionary<string, JsonObject> _objects = new(StringComparer.Ordinal);
    private readonly SortedSet<string> _keys = new(StringComparer.Ordinal);

    public IEnumerable<JsonObject> Values => _keys.Select(k => _objects[k]);

    public bool TryGetValue(string key, out JsonObject value) => _objects.TryGetValue(key, out value!);

    public void Set(string key, JsonObject value)
    {
        _objects[key] = value;
        _keys.Add(key);
    }

    public bool Remove(string key, out JsonObject? old)
    {
        _keys.Remove(key);
        return _objects.Remove(key, out old);
    }

    /// <summary>Keys in order, of one namespace (or all when null), strictly after <paramref name="afterKey"/>.</summary>
    public IEnumerable<KeyValuePair<string, JsonObject>> Range(string? ns, string? afterKey)
    {
        if (_keys.Count == 0)
        {
            return [];
        }
        var low = ns is null ? _keys.Min! : ns + "/";
        var high = ns is null ? _keys.Max! : ns + AfterSeparator;
        if (afterKey is not null && string.CompareOrdinal(afterKey, low) >= 0)
        {
            low = afterKey;
        }
        if (string.CompareOrdinal(low, high) > 0)
        {
            return [];
        }
        return _keys.GetViewBetween(low, high)
            .Where(k => k != afterKey)
            .Select(k => new KeyValuePair<string, JsonObject>(k, _objects[k]));
    }

    public static string Key(string ns, string name) => ns + "/" + name;
}
