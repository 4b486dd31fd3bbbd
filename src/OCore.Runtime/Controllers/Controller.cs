using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;
using OCore.Runtime.Informers;
using OCore.Runtime.Queue;

namespace OCore.Runtime.Controllers;

/// <summary>
/// Feeds keys from informers into a work queue and runs a reconciler on them with a fixed number of workers.
/// A thrown error retries the key with backoff; a successful reconcile forgets its failures.
/// </summary>
public sealed class Controller : IDisposable
{
    private readonly IReconciler _reconciler;
    private readonly ILogger _logger;
    private readonly int _workers;
    private readonly List<Func<CancellationToken, Task>> _syncWaits = [];

    public Controller(string name, IReconciler reconciler, int workers, ILogger logger, TimeProvider? time = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workers, 1);
        Name = name;
        _reconciler = reconciler;
        _workers = workers;
        _logger = logger;
        var clock = time ?? TimeProvider.System;
        Queue = new WorkQueue<ObjectKey>(MaxOfRateLimiter<ObjectKey>.Default(clock), clock, new WorkQueueMetrics(name));
    }

    public string Name { get; }

    public WorkQueue<ObjectKey> Queue { get; }

    /// <summary>Reconciles the kind's own objects whenever they change.</summary>
    public Controller For<T>(Informer<T> informer)
        where T : IKubernetesObject<V1ObjectMeta> =>
        Watches(informer, obj => [ObjectKey.Of(obj)]);

    /// <summary>Reconciles the kind's own objects on the changes <paramref name="when"/> accepts.</summary>
    public Controller For<T>(Informer<T> informer, Func<InformerEvent<T>, bool> when)
        where T : IKubernetesObject<V1ObjectMeta> =>
        Watches(informer, obj => [ObjectKey.Of(obj)], when);

    /// <summary>Reconciles the owner (by controller ownerReference of <paramref name="ownerKind"/>) when a child changes.</summary>
    public Controller Owns<TChild>(Informer<TChild> informer, string ownerKind)
        where TChild : IKubernetesObject<V1ObjectMeta> =>
        Watches(informer, child => (child.Metadata.OwnerReferences ?? [])
            .Where(owner => owner.Kind == ownerKind && owner.Controller == true)
            .Select(owner => new ObjectKey(child.Metadata.NamespaceProperty, owner.Name)));

    /// <summary>Reconciles the keys <paramref name="map"/> names when an object of another kind changes.</summary>
    public Controller Watches<TOther>(Informer<TOther> informer, Func<TOther, IEnumerable<ObjectKey>> map)
        where TOther : IKubernetesObject<V1ObjectMeta> =>
        Watches(informer, map, _ => true);

    /// <summary>As <see cref="Watches{TOther}(Informer{TOther}, Func{TOther, IEnumerable{ObjectKey}})"/>, only for the changes <paramref name="when"/> accepts.</summary>
    public Controller Watches<TOther>(Informer<TOther> informer, Func<TOther, IEnumerable<ObjectKey>> map, Func<InformerEvent<TOther>, bool> when)
        where TOther : IKubernetesObject<V1ObjectMeta>
    {
        ArgumentNullException.ThrowIfNull(informer);
        informer.OnEvent(change =>
        {
            if (!when(change))
                return;
            foreach (var key in map(change.Object))
                Queue.Add(key);
            if (change.Old is not null && !ReferenceEquals(change.Old, change.Object))
            {
                // A reference that moved (e.g. a mapping pointed at another project) must wake the old target too.
                foreach (var key in map(change.Old))
                    Queue.Add(key);
            }
        });
        _syncWaits.Add(informer.WaitForSyncAsync);
        return this;
    }

    /// <summary>
    /// Waits for every watched cache, then reconciles until <paramref name="stopping"/> fires: then no new key is
    /// taken and in-flight reconciles run on until they finish or <paramref name="abort"/> cancels them.
    /// </summary>
    public async Task RunAsync(CancellationToken stopping, CancellationToken abort)
    {
        await Task.WhenAll(_syncWaits.Select(wait => wait(stopping))).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        if (stopping.IsCancellationRequested)
            return;
        _logger.LogInformation("Controller {Controller} started with {Workers} workers", Name, _workers);
        using var onStop = stopping.Register(Queue.ShutDown);
        await Task.WhenAll(Enumerable.Range(0, _workers).Select(_ => Task.Run(() => WorkAsync(abort), CancellationToken.None)));
        _logger.LogInformation("Controller {Controller} stopped", Name);
    }

    /// <summary>Runs until cancelled, abandoning in-flight reconciles at once.</summary>
    public Task RunAsync(CancellationToken cancellationToken) => RunAsync(cancellationToken, cancellationToken);

    public void Dispose() => Queue.Dispose();

    private async Task WorkAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            ObjectKey key;
            try
            {
                key = await Queue.GetAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            if (key == default)
                return; // Shut down.
            try
            {
                await ReconcileAsync(key, cancellationToken);
            }
            finally
            {
                Queue.Done(key);
            }
        }
    }

    /// <summary>How long a throttled (429) or unavailable API asked us to wait before trying again (Retry-After), if it did.</summary>
    private static TimeSpan? RetryAfter(Exception error) => error switch
    {
        KubernetesApiException api => api.RetryAfter,
        k8s.Autorest.HttpOperationException http when http.Response.Headers.TryGetValue("Retry-After", out var values) &&
            int.TryParse(values.FirstOrDefault(), System.Globalization.CultureInfo.InvariantCulture, out var seconds) => TimeSpan.FromSeconds(seconds),
        _ => null,
    };

    private async Task ReconcileAsync(ObjectKey key, CancellationToken cancellationToken)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            var result = await _reconciler.ReconcileAsync(key, cancellationToken);
            Queue.Forget(key);
            if (result.RequeueAfter is { } delay)
                Queue.AddAfter(key, delay);
            ControllerMetrics.Reconciles.WithLabels(Name, result.RequeueAfter is null ? "success" : "requeue").Inc();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Abandoned on shutdown or lost leadership; the next leader reconciles it again.
        }
        catch (Exception error)
        {
            ControllerMetrics.Reconciles.WithLabels(Name, "error").Inc();
            // A conflict only means the reconcile read a stale cache: retried at once, not worth a warning.
            // Other API answers need no stack trace; anything else is a bug to see.
            var conflict = error is k8s.Autorest.HttpOperationException { Response.StatusCode: System.Net.HttpStatusCode.Conflict };
            var expected = conflict || error is KubernetesApiException or k8s.Autorest.HttpOperationException or HttpRequestException;
            _logger.Log(conflict ? LogLevel.Debug : LogLevel.Warning, expected ? null : error, "Reconcile of {Controller} {Key} failed (attempt {Attempt}): {Message}",
                Name, key, Queue.Failures(key) + 1, error.Message);
            Queue.AddRateLimited(key, RetryAfter(error));
        }
        finally
        {
            ControllerMetrics.Duration.WithLabels(Name).Observe(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds);
        }
    }
}
