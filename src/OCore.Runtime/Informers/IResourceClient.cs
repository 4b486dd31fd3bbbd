using k8s;

namespace OCore.Runtime.Informers;

/// <summary>List and watch one kind, everywhere or in one namespace.</summary>
public interface IResourceClient<T>
{
    ResourceType Type { get; }

    /// <summary>Every object, page by page, and the resourceVersion to watch from.</summary>
    Task<ResourceList<T>> ListAsync(string? @namespace, string? labelSelector, CancellationToken cancellationToken);

    /// <summary>Changes after <paramref name="resourceVersion"/>, with bookmarks; ends when the server closes the watch.</summary>
    IAsyncEnumerable<(WatchEventType Type, T Object)> WatchAsync(
        string? @namespace, string? labelSelector, string resourceVersion, CancellationToken cancellationToken);
}
