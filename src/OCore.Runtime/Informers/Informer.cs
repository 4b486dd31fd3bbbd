using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;

namespace OCore.Runtime.Informers;

/// <summary>
/// Keeps a <see cref="ResourceCache{T}"/> in step with the API: list, then watch from the list's resourceVersion
/// with bookmarks; a closed watch resumes from the last version seen; 410 Gone lists again; errors back off with
/// jitter (honouring Retry-After); a periodic resync replays the cache to handlers.
/// </summary>
public sealed class Informer<T>(IResourceClient<T> client, InformerOptions options, ILogger logger, TimeProvider? time = null,
    Action<T, StringPool>? compact = null)
    where T : IKubernetesObject<V1ObjectMeta>
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly TaskCompletionSource _synced = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<Action<InformerEvent<T>>> _handlers = [];

    public ResourceCache<T> Cache { get; } = new();

    public ResourceType Type => client.Type;

    /// <summary>True once the first list is in the cache.</summary>
    public bool HasSynced => _synced.Task.IsCompleted;

    /// <summary>Completes when the first list is in the cache.</summary>
    public Task WaitForSyncAsync(CancellationToken cancellationToken) => _synced.Task.WaitAsync(cancellationToken);

    /// <summary>Registers a handler; call before <see cref="RunAsync"/>. Handlers must be quick (enqueue, not work).</summary>
    public void OnEvent(Action<InformerEvent<T>> handler) => _handlers.Add(handler);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var resync = options.ResyncPeriod > TimeSpan.Zero
            ? _time.CreateTimer(_ => Resync(), null, options.ResyncPeriod, options.ResyncPeriod)
            : null;
        var backoff = options.InitialBackoff;
        string? resourceVersion = null;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                if (resourceVersion is null)
                {
                    resourceVersion = await ListAsync(cancellationToken);
                    _synced.TrySetResult();
                }

                await foreach (var (type, obj) in client.WatchAsync(options.Namespace, options.LabelSelector, resourceVersion, cancellationToken))
                {
                    resourceVersion = obj.Metadata?.ResourceVersion ?? resourceVersion;
                    Apply(type, obj);
                    backoff = options.InitialBackoff;
                }

                InformerMetrics.WatchRestarts.WithLabels(Type.ToString(), "closed").Inc();
            }
            catch (KubernetesApiException error) when (error.IsGone)
            {
                logger.LogInformation("Watch of {Resource} expired ({Message}); listing again", Type, error.Message);
                InformerMetrics.WatchRestarts.WithLabels(Type.ToString(), "gone").Inc();
                resourceVersion = null;
            }
            catch (Exception error) when (!cancellationToken.IsCancellationRequested)
            {
                var delay = (error as KubernetesApiException)?.RetryAfter is { } retryAfter && retryAfter > backoff ? retryAfter : Jitter(backoff);
                logger.LogWarning("Watch of {Resource} failed: {Message}; retrying in {Delay:0.0}s", Type, error.Message, delay.TotalSeconds);
                InformerMetrics.WatchRestarts.WithLabels(Type.ToString(), "error").Inc();
                await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, options.MaxBackoff.Ticks));
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
        }
    }

    private async Task<string> ListAsync(CancellationToken cancellationToken)
    {
        InformerMetrics.Relists.WithLabels(Type.ToString()).Inc();
        var list = await client.ListAsync(options.Namespace, options.LabelSelector, cancellationToken);
        foreach (var obj in list.Items)
            Trim(obj);
        foreach (var gone in Cache.Replace(list.Items))
            Raise(new InformerEvent<T>(InformerEventType.Deleted, gone, gone));
        foreach (var obj in list.Items)
            Apply(WatchEventType.Added, obj);
        return list.ResourceVersion;
    }

    private void Apply(WatchEventType type, T obj)
    {
        Trim(obj);
        switch (type)
        {
            case WatchEventType.Added or WatchEventType.Modified:
                var old = Cache.Upsert(obj);
                if (old is null)
                    Raise(new InformerEvent<T>(InformerEventType.Added, obj, default));
                else if (old.Metadata.ResourceVersion != obj.Metadata.ResourceVersion)
                    Raise(new InformerEvent<T>(InformerEventType.Updated, obj, old));
                break;
            case WatchEventType.Deleted:
                Cache.Remove(ObjectKey.Of(obj));
                Raise(new InformerEvent<T>(InformerEventType.Deleted, obj, obj));
                break;
            case WatchEventType.Bookmark:
                break; // Only moves the resourceVersion we resume from.
        }
    }

    // Cached objects live as long as the operator: keep them small. managedFields are the bulk of a small object once
    // deserialized (a JsonDocument per manager) and no reconciler reads them; a write of a cached object without them
    // keeps the server's (an update with nil managedFields does). Repeated strings are shared (see StringPool).
    private void Trim(T obj)
    {
        if (obj.Metadata is not { } metadata)
            return;
        if (!options.KeepManagedFields)
            metadata.ManagedFields = null;
        var pool = StringPool.Shared;
        metadata.NamespaceProperty = pool.Intern(metadata.NamespaceProperty);
        metadata.Labels = Interned(metadata.Labels, pool);
        metadata.Annotations = Interned(metadata.Annotations, pool);
        foreach (var owner in metadata.OwnerReferences ?? [])
        {
            owner.ApiVersion = pool.Intern(owner.ApiVersion);
            owner.Kind = pool.Intern(owner.Kind);
            owner.Name = pool.Intern(owner.Name);
            owner.Uid = pool.Intern(owner.Uid);
        }
        compact?.Invoke(obj, pool);
    }

    private static Dictionary<string, string>? Interned(IDictionary<string, string>? entries, StringPool pool) =>
        entries?.ToDictionary(e => pool.Intern(e.Key)!, e => pool.Intern(e.Value)!, StringComparer.Ordinal);

    private void Resync()
    {
        foreach (var obj in Cache.List())
            Raise(new InformerEvent<T>(InformerEventType.Resync, obj, obj));
    }

    private void Raise(InformerEvent<T> change)
    {
        foreach (var handler in _handlers)
        {
            try
            {
                handler(change);
            }
            catch (Exception error) when (error is not OutOfMemoryException)
            {
                logger.LogError(error, "Handler of {Resource} failed for {Key}", Type, ObjectKey.Of(change.Object));
            }
        }
    }

    private static TimeSpan Jitter(TimeSpan delay) => delay * (0.8 + Random.Shared.NextDouble() * 0.4);
}
