using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging.Abstractions;
using OCore.Runtime.Informers;
using static OCore.Runtime.Tests.Informers.ScriptedResourceClient;

namespace OCore.Runtime.Tests.Informers;

public sealed class InformerTests
{
    private static readonly InformerOptions Fast = new() { InitialBackoff = TimeSpan.FromMilliseconds(10), ResyncPeriod = TimeSpan.Zero };

    [Fact]
    public async Task Lists_then_applies_watch_events_to_the_cache_and_handlers()
    {
        var client = new ScriptedResourceClient();
        client.ScriptList(Map("a", "10"));
        client.ScriptWatch((WatchEventType.Added, Map("b", "11")), (WatchEventType.Modified, Map("a", "12")), (WatchEventType.Deleted, Map("b", "13")));
        var (informer, events, run, cts) = StartWithHandles(client);

        await Eventually(() => events.Count == 4);
        Assert.Equal(["Added a", "Added b", "Updated a", "Deleted b"], events.Select(e => $"{e.Type} {e.Object.Metadata.Name}"));
        Assert.Equal("12", informer.Cache.Get("acme", "a")!.Metadata.ResourceVersion);
        Assert.Null(informer.Cache.Get("acme", "b"));
        await cts.CancelAsync();
        await run;
    }

    [Fact]
    public async Task Cached_objects_drop_managed_fields_from_lists_and_watch_events_unless_asked_to_keep_them()
    {
        foreach (var keep in new[] { false, true })
        {
            var client = new ScriptedResourceClient();
            client.ScriptList(Managed(Map("a", "10")));
            client.ScriptWatch((WatchEventType.Added, Managed(Map("b", "11"))));
            var informer = new Informer<V1ConfigMap>(client, Fast with { KeepManagedFields = keep }, NullLogger.Instance);
            using var cts = new CancellationTokenSource();
            var run = informer.RunAsync(cts.Token);

            await Eventually(() => informer.Cache.Count == 2);
            Assert.All(informer.Cache.List(), o => Assert.Equal(keep, o.Metadata.ManagedFields is { Count: 1 }));
            await cts.CancelAsync();
            await run;
        }
    }

    [Fact]
    public async Task Cached_objects_share_repeated_metadata_strings_and_run_the_kinds_compaction()
    {
        var client = new ScriptedResourceClient();
        var a = Map("a", "10");
        var b = Map("b", "11");
        a.Metadata.Labels = new Dictionary<string, string> { [new string("team".AsSpan())] = new string("sales".AsSpan()) };
        b.Metadata.Labels = new Dictionary<string, string> { [new string("team".AsSpan())] = new string("sales".AsSpan()) };
        a.Data = new Dictionary<string, string> { ["note"] = new string("same text".AsSpan()) };
        b.Data = new Dictionary<string, string> { ["note"] = new string("same text".AsSpan()) };
        client.ScriptList(a, b);
        var informer = new Informer<V1ConfigMap>(client, Fast, NullLogger.Instance,
            compact: (map, pool) => map.Data = map.Data.ToDictionary(e => e.Key, e => pool.Intern(e.Value)!));
        using var cts = new CancellationTokenSource();
        var run = informer.RunAsync(cts.Token);

        await Eventually(() => informer.Cache.Count == 2);
        var (first, second) = (informer.Cache.Get("acme", "a")!, informer.Cache.Get("acme", "b")!);
        Assert.Same(first.Metadata.Labels["team"], second.Metadata.Labels["team"]);
        Assert.Same(first.Metadata.Labels.Keys.Single(), second.Metadata.Labels.Keys.Single());
        Assert.Same(first.Data["note"], second.Data["note"]);
        await cts.CancelAsync();
        await run;
    }

    [Fact]
    public async Task A_closed_watch_resumes_from_the_last_version_seen_including_bookmarks()
    {
        var client = new ScriptedResourceClient();
        client.ScriptList(Map("a", "10"));
        client.ScriptWatch((WatchEventType.Modified, Map("a", "12")));
        client.ScriptWatch((WatchEventType.Bookmark, new V1ConfigMap { Metadata = new V1ObjectMeta { ResourceVersion = "20" } }));
        var (_, _, run, cts) = StartWithHandles(client);

        await Eventually(() => client.WatchedFrom.Count >= 3);
        Assert.Equal(["10", "12", "20"], client.WatchedFrom.Take(3));
        Assert.Equal(1, client.ListCalls);
        await cts.CancelAsync();
        await run;
    }

    [Fact]
    public async Task Gone_lists_again_and_reports_objects_deleted_meanwhile()
    {
        var client = new ScriptedResourceClient();
        client.ScriptList(Map("a", "10"), Map("b", "11"));
        client.ScriptWatchFailure(new KubernetesApiException(HttpStatusCode.Gone, "too old resource version"));
        client.ScriptList(Map("a", "30"));
        var (informer, events, run, cts) = StartWithHandles(client);

        await Eventually(() => events.Any(e => e.Type == InformerEventType.Deleted));
        Assert.Equal(2, client.ListCalls);
        Assert.Contains(events, e => e.Type == InformerEventType.Deleted && e.Object.Metadata.Name == "b");
        Assert.Contains(events, e => e.Type == InformerEventType.Updated && e.Object.Metadata.ResourceVersion == "30");
        Assert.Equal(1, informer.Cache.Count);
        await cts.CancelAsync();
        await run;
    }

    [Fact]
    public async Task Throttling_waits_for_retry_after_then_resumes_without_relisting()
    {
        var client = new ScriptedResourceClient();
        client.ScriptList(Map("a", "10"));
        client.ScriptWatchFailure(new KubernetesApiException(HttpStatusCode.TooManyRequests, "slow down", TimeSpan.FromMilliseconds(300)));
        var (_, _, run, cts) = StartWithHandles(client);

        await Eventually(() => client.WatchedFrom.Count >= 1);
        var clock = Stopwatch.StartNew();
        await Eventually(() => client.WatchedFrom.Count >= 2);
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(250), $"retried after {clock.Elapsed.TotalMilliseconds} ms");
        Assert.Equal(["10", "10"], client.WatchedFrom.Take(2));
        Assert.Equal(1, client.ListCalls);
        await cts.CancelAsync();
        await run;
    }

    [Fact]
    public async Task Server_errors_back_off_and_recover()
    {
        var client = new ScriptedResourceClient();
        client.ScriptList(Map("a", "10"));
        client.ScriptWatchFailure(new KubernetesApiException(HttpStatusCode.InternalServerError, "etcd is sad"));
        client.ScriptWatchFailure(new HttpRequestException("connection reset"));
        client.ScriptWatch((WatchEventType.Modified, Map("a", "11")));
        var (informer, _, run, cts) = StartWithHandles(client);

        await Eventually(() => informer.Cache.Get("acme", "a")?.Metadata.ResourceVersion == "11");
        Assert.True(informer.HasSynced);
        await cts.CancelAsync();
        await run;
    }

    [Fact]
    public async Task Indexes_follow_changes()
    {
        var client = new ScriptedResourceClient();
        var labelled = Map("a", "10");
        labelled.Metadata.Labels = new Dictionary<string, string> { ["project"] = "erp" };
        client.ScriptList(labelled);
        var moved = Map("a", "11");
        moved.Metadata.Labels = new Dictionary<string, string> { ["project"] = "crm" };
        client.ScriptWatch((WatchEventType.Modified, moved));
        var informer = new Informer<V1ConfigMap>(client, Fast, NullLogger.Instance);
        informer.Cache.AddIndex("project", m => m.Metadata.Labels?.TryGetValue("project", out var p) == true ? [p] : []);
        using var cts = new CancellationTokenSource();
        var run = informer.RunAsync(cts.Token);

        await Eventually(() => informer.Cache.ByIndex("project", "crm").Count == 1);
        Assert.Empty(informer.Cache.ByIndex("project", "erp"));
        await cts.CancelAsync();
        await run;
    }

    private static V1ConfigMap Managed(V1ConfigMap map)
    {
        map.Metadata.ManagedFields = [new V1ManagedFieldsEntry { Manager = "kubectl", Operation = "Apply" }];
        return map;
    }

    private static (Informer<V1ConfigMap>, ConcurrentQueue<InformerEvent<V1ConfigMap>>, Task, CancellationTokenSource) StartWithHandles(ScriptedResourceClient client)
    {
        var informer = new Informer<V1ConfigMap>(client, Fast, NullLogger.Instance);
        var events = new ConcurrentQueue<InformerEvent<V1ConfigMap>>();
        informer.OnEvent(events.Enqueue);
        var cts = new CancellationTokenSource();
        return (informer, events, informer.RunAsync(cts.Token), cts);
    }

    internal static async Task Eventually(Func<bool> condition)
    {
        var deadline = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(10), "condition not met within 10 s");
            await Task.Delay(10);
        }
    }
}
