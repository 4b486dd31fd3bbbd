using System.Collections.Concurrent;

namespace OCore.DevCluster.Resources;

/// <summary>The served resources: built-in kinds plus the versions of every established CRD.</summary>
internal sealed class ResourceRegistry
{
    private readonly ConcurrentDictionary<string, ResourceType> _byPath = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, IReadOnlyList<ResourceType>> _byCrd = new(StringComparer.Ordinal);

    public ResourceRegistry()
    {
        foreach (var type in BuiltInResources.All())
        {
            _byPath[PathKey(type.Group, type.Version, type.Plural)] = type;
        }
    }

    public ResourceType? Find(string group, string version, string plural) =>
        _byPath.TryGetValue(PathKey(group, version, plural), out var type) ? type : null;

    /// <summary>The type that owns a store bucket (or serves a group/resource); for shared storage, the storage version.</summary>
    public ResourceType? FindByGroupResource(string groupResource) =>
        _byPath.Values.FirstOrDefault(t => t.GroupResource == groupResource && t.SharedStorage is null)
        ?? _byPath.Values.FirstOrDefault(t => t.GroupResource == groupResource);

    public ResourceType? FindByKind(string apiVersion, string kind) =>
        _byPath.Values.FirstOrDefault(t => t.ApiVersion == apiVersion && t.Kind == kind);

    public IReadOnlyList<ResourceType> All() =>
        [.. _byPath.Values.OrderBy(t => t.Group, StringComparer.Ordinal).ThenBy(t => t.Version, StringComparer.Ordinal).ThenBy(t => t.Plural, StringComparer.Ordinal)];

    /// <summary>Every distinct storage (group/resource) once, whichever versions serve it.</summary>
    public IReadOnlyList<ResourceType> Storages() => [.. All().Where(t => t.SharedStorage is null).GroupBy(t => t.Storage).Select(g => g.First())];

    /// <summary>Serves (or re-serves) the versions of a CRD, replacing what it served before.</summary>
    public void ServeCrd(string crdName, IReadOnlyList<ResourceType> versions)
    {
        RemoveCrd(crdName);
        foreach (var type in versions)
        {
            _byPath[PathKey(type.Group, type.Version, type.Plural)] = type;
        }
        _byCrd[crdName] = versions;
    }

    public void RemoveCrd(string crdName)
    {
        if (_byCrd.TryRemove(crdName, out var old))
        {
            foreach (var type in old)
            {
                _byPath.TryRemove(PathKey(type.Group, type.Version, type.Plural), out _);
            }
        }
    }

    private static string PathKey(string group, string version, string plural) => $"{group}/{version}/{plural}";
}
