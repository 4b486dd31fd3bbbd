using System.Collections.Concurrent;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging.Abstractions;
using OCore.Runtime.Controllers;
using OCore.Runtime.Informers;
using OCore.Runtime.Tests.Informers;
using static OCore.Runtime.Tests.Informers.ScriptedResourceClient;

namespace OCore.Runtime.Tests.Controllers;

public sealed class ControllerTests
{
    [Fact]
    public async Task Failures_are_retried_with_backoff_and_success_forgets_them()
    {
        var reconciler = new RecordingReconciler(failTimes: 3);
        var (controller, run, cts) = Start(reconciler, Map("a", "1"));

        await InformerTests.Eventually(() => reconciler.Calls.Count(k => k.Name == "a") == 4);
        Assert.Equal(0, controller.Queue.Failures(new ObjectKey("acme", "a")));
        await cts.CancelAsync();
        await run;
    }

    [Fact]
    public async Task The_same_key_is_never_reconciled_twice_at_once()
    {
        var reconciler = new RecordingReconciler(failTimes: 0, delay: TimeSpan.FromMilliseconds(50));
        var (controller, run, cts) = Start(reconciler, Map("a", "1"), Map("b", "1"));
        for (var i = 0; i < 20; i++)
        {
            controller.Queue.Add(new ObjectKey("acme", "a"));
            await Task.Delay(5);
        }

        await InformerTests.Eventually(() => reconciler.Calls.Count(k => k.Name == "a") >= 2 && controller.Queue.Depth == 0);
        Assert.Equal(1, reconciler.MaxConcurrentPerKey);
        Assert.Contains(reconciler.Calls, k => k.Name == "b");
        await cts.CancelAsync();
        await run;
    }

    [Fact]
    public async Task Requeue_after_brings_the_key_back()
    {
        var reconciler = new RecordingReconciler(failTimes: 0, requeueAfter: TimeSpan.FromMilliseconds(50));
        var (_, run, cts) = Start(reconciler, Map("a", "1"));
        await InformerTests.Eventually(() => reconciler.Calls.Count >= 3);
        await cts.CancelAsync();
        await run;
    }

    [Fact]
    public async Task Changes_to_owned_children_wake_their_owner()
    {
        var owners = new ScriptedResourceClient();
        owners.ScriptList(); // The owner's own events cannot be what wakes it in this test.
        var children = new ScriptedResourceClient();
        var child = Map("child", "2");
        child.Metadata.OwnerReferences = [new V1OwnerReference { Kind = "ConfigMap", Name = "owner", Controller = true, ApiVersion = "v1", Uid = "u" }];
        children.ScriptList();
        children.ScriptWatch((WatchEventType.Added, child));

        var reconciler = new RecordingReconciler(failTimes: 0);
        using var controller = new Controller("test", reconciler, workers: 2, NullLogger.Instance);
        var ownerInformer = new Informer<V1ConfigMap>(owners, new InformerOptions(), NullLogger.Instance);
        var childInformer = new Informer<V1ConfigMap>(children, new InformerOptions(), NullLogger.Instance);
        controller.For(ownerInformer).Owns(childInformer, "ConfigMap");
        using var cts = new CancellationTokenSource();
        var run = Task.WhenAll(ownerInformer.RunAsync(cts.Token), childInformer.RunAsync(cts.Token), controller.RunAsync(cts.Token));

        await InformerTests.Eventually(() => reconciler.Calls.Any(k => k.Name == "owner"));
        Assert.DoesNotContain(reconciler.Calls, k => k.Name == "child");
        await cts.CancelAsync();
        await run;
    }

    [Fact]
    public async Task A_watch_filter_keeps_the_changes_it_rejects_out_of_the_queue()
    {
        var client = new ScriptedResourceClient();
        client.ScriptList(Map("a", "1"), Map("b", "1"));
        // Once both are reconciled: "a" changes status only (same generation), "b" changes its spec (generation 2).
        var changes = new TaskCompletionSource();
        var statusOnly = Map("a", "2");
        var specChange = Map("b", "3");
        specChange.Metadata.Generation = 2;
        client.ScriptWatchAfter(changes.Task, (WatchEventType.Modified, statusOnly), (WatchEventType.Modified, specChange));
        var reconciler = new RecordingReconciler(failTimes: 0);
        using var controller = new Controller("test", reconciler, workers: 1, NullLogger.Instance);
        var informer = new Informer<V1ConfigMap>(client, new InformerOptions { ResyncPeriod = TimeSpan.Zero }, NullLogger.Instance);
        controller.For(informer, ChangeFilters.NotStatusOnly);
        using var cts = new CancellationTokenSource();
        var run = Task.WhenAll(informer.RunAsync(cts.Token), controller.RunAsync(cts.Token));
        await InformerTests.Eventually(() => reconciler.Calls.Count == 2);

        changes.SetResult();
        await InformerTests.Eventually(() => reconciler.Calls.Count(k => k.Name == "b") == 2);
        await InformerTests.Eventually(() => informer.Cache.Get("acme", "a")!.Metadata.ResourceVersion == "2" && controller.Queue.Depth == 0);

        Assert.Equal(1, reconciler.Calls.Count(k => k.Name == "a"));
        await cts.CancelAsync();
        await run;
    }

    private static (Controller, Task, CancellationTokenSource) Start(RecordingReconciler reconciler, params V1ConfigMap[] objects)
    {
        var client = new ScriptedResourceClient();
        client.ScriptList(objects);
        var informer = new Informer<V1ConfigMap>(client, new InformerOptions(), NullLogger.Instance);
        var controller = new Controller("test", reconciler, workers: 4, NullLogger.Instance);
        controller.For(informer);
        var cts = new CancellationTokenSource();
        return (controller, Task.WhenAll(informer.RunAsync(cts.Token), controller.RunAsync(cts.Token)), cts);
    }

    private sealed class RecordingReconciler(int failTimes, TimeSpan? delay = null, TimeSpan? requeueAfter = null) : IReconciler
    {
        private readonly ConcurrentDictionary<ObjectKey, int> _running = new();
        private int _failures;

        public ConcurrentQueue<ObjectKey> Calls { get; } = new();

        public int MaxConcurrentPerKey { get; private set; }

        public async Task<ReconcileResult> ReconcileAsync(ObjectKey key, CancellationToken cancellationToken)
        {
            var running = _running.AddOrUpdate(key, 1, (_, n) => n + 1);
            MaxConcurrentPerKey = Math.Max(MaxConcurrentPerKey, running);
            try
            {
                Calls.Enqueue(key);
                if (delay is { } d)
                    await Task.Delay(d, cancellationToken);
                if (Interlocked.Increment(ref _failures) <= failTimes)
                    throw new InvalidOperationException("transient");
                return requeueAfter is { } after && Calls.Count < 3 ? ReconcileResult.After(after) : ReconcileResult.Done;
            }
            finally
            {
                _running.AddOrUpdate(key, 0, (_, n) => n - 1);
            }
        }
    }
}
