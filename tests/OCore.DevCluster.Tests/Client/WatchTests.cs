using System.Net;
using k8s;
using k8s.Models;
using OCore.DevCluster.Tests.Infrastructure;

namespace OCore.DevCluster.Tests.Client;

/// <summary>Watch semantics: initial events, resume, selectors, bookmarks, sendInitialEvents and 410 Gone.</summary>
public sealed class WatchTests(ClusterFixture cluster) : IClassFixture<ClusterFixture>
{
    private readonly Kubernetes _client = cluster.Client;

    [Fact]
    public async Task Typed_client_watch_resumes_after_a_list_without_missing_events()
    {
        var ns = await cluster.NewNamespaceAsync("resume");
        await _client.CoreV1.CreateNamespacedConfigMapAsync(Cm("before"), ns);
        var list = await _client.CoreV1.ListNamespacedConfigMapAsync(ns);
        await _client.CoreV1.CreateNamespacedConfigMapAsync(Cm("between"), ns);

        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var seen = new List<(WatchEventType, string)>();
        var afterTask = Task.Run(async () =>
        {
            await Task.Delay(200);
            await _client.CoreV1.CreateNamespacedConfigMapAsync(Cm("after"), ns);
            await _client.CoreV1.DeleteNamespacedConfigMapAsync("before", ns);
        });
        await foreach (var (type, item) in _client.CoreV1.WatchListNamespacedConfigMapAsync(ns, resourceVersion: list.Metadata.ResourceVersion, cancellationToken: cts.Token))
        {
            seen.Add((type, item.Metadata.Name));
            if (seen.Count == 3)
            {
                break;
            }
        }
        await afterTask;
        Assert.Equal([(WatchEventType.Added, "between"), (WatchEventType.Added, "after"), (WatchEventType.Deleted, "before")], seen);
    }

    [Fact]
    public async Task Watch_without_resourceVersion_starts_with_synthetic_ADDED_events()
    {
        var ns = await cluster.NewNamespaceAsync("initial");
        await _client.CoreV1.CreateNamespacedConfigMapAsync(Cm("a"), ns);
        await _client.CoreV1.CreateNamespacedConfigMapAsync(Cm("b"), ns);
        using var watch = await cluster.Raw.WatchAsync($"/api/v1/namespaces/{ns}/configmaps?watch=true");
        Assert.Equal("application/json", watch.Response.Content.Headers.ContentType!.MediaType);
        var first = await watch.NextAsync();
        var second = await watch.NextAsync();
        Assert.Equal("ADDED", first!["type"]!.GetValue<string>());
        Assert.Equal("ConfigMap", first["object"]!["kind"]!.GetValue<string>());
        Assert.Equal(["a", "b"], new[] { first, second! }.Select(e => e["object"]!["metadata"]!["name"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Deleted_event_carries_the_last_state_with_the_deletion_resourceVersion()
    {
        var ns = await cluster.NewNamespaceAsync("delev");
        var created = await _client.CoreV1.CreateNamespacedConfigMapAsync(Cm("a"), ns);
        using var watch = await cluster.Raw.WatchAsync($"/api/v1/namespaces/{ns}/configmaps?watch=1&resourceVersion={created.Metadata.ResourceVersion}");
        await _client.CoreV1.DeleteNamespacedConfigMapAsync("a", ns);
        var deleted = await watch.NextChangeAsync();
        Assert.Equal("DELETED", deleted!["type"]!.GetValue<string>());
        Assert.True(long.Parse(deleted["object"]!["metadata"]!["resourceVersion"]!.GetValue<string>()) > long.Parse(created.Metadata.ResourceVersion));
        Assert.Equal("v", deleted["object"]!["data"]!["k"]!.GetValue<string>());
    }

    [Fact]
    public async Task Objects_moving_into_and_out_of_a_label_selector_appear_as_ADDED_and_DELETED()
    {
        var ns = await cluster.NewNamespaceAsync("selwatch");
        var created = await _client.CoreV1.CreateNamespacedConfigMapAsync(Cm("a"), ns);
        using var watch = await cluster.Raw.WatchAsync($"/api/v1/namespaces/{ns}/configmaps?watch=true&labelSelector=team%3Dblue&resourceVersion={created.Metadata.ResourceVersion}");
        await _client.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch("""{"metadata":{"labels":{"team":"blue"}}}""", V1Patch.PatchType.MergePatch), "a", ns);
        await _client.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch("""{"data":{"k":"w"}}""", V1Patch.PatchType.MergePatch), "a", ns);
        await _client.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch("""{"metadata":{"labels":{"team":"red"}}}""", V1Patch.PatchType.MergePatch), "a", ns);
        Assert.Equal("ADDED", (await watch.NextChangeAsync())!["type"]!.GetValue<string>());
        Assert.Equal("MODIFIED", (await watch.NextChangeAsync())!["type"]!.GetValue<string>());
        Assert.Equal("DELETED", (await watch.NextChangeAsync())!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Bookmarks_are_sent_when_allowed()
    {
        var ns = await cluster.NewNamespaceAsync("bookmark");
        var created = await _client.CoreV1.CreateNamespacedConfigMapAsync(Cm("a"), ns);
        using var watch = await cluster.Raw.WatchAsync($"/api/v1/namespaces/{ns}/configmaps?watch=true&allowWatchBookmarks=true&resourceVersion={created.Metadata.ResourceVersion}");
        var bookmark = await watch.NextAsync(TimeSpan.FromSeconds(5));
        Assert.Equal("BOOKMARK", bookmark!["type"]!.GetValue<string>());
        Assert.Equal("ConfigMap", bookmark["object"]!["kind"]!.GetValue<string>());
        Assert.True(long.Parse(bookmark["object"]!["metadata"]!["resourceVersion"]!.GetValue<string>()) >= long.Parse(created.Metadata.ResourceVersion));
    }

    [Fact]
    public async Task SendInitialEvents_ends_the_initial_list_with_an_annotated_bookmark()
    {
        var ns = await cluster.NewNamespaceAsync("sie");
        await _client.CoreV1.CreateNamespacedConfigMapAsync(Cm("a"), ns);
        using var watch = await cluster.Raw.WatchAsync($"/api/v1/namespaces/{ns}/configmaps?watch=true&sendInitialEvents=true&resourceVersionMatch=NotOlderThan&allowWatchBookmarks=true");
        Assert.Equal("ADDED", (await watch.NextAsync())!["type"]!.GetValue<string>());
        var end = await watch.NextAsync();
        Assert.Equal("BOOKMARK", end!["type"]!.GetValue<string>());
        Assert.Equal("true", end["object"]!["metadata"]!["annotations"]!["k8s.io/initial-events-end"]!.GetValue<string>());
    }

    [Fact]
    public async Task SendInitialEvents_without_NotOlderThan_is_rejected_with_422()
    {
        var ns = await cluster.NewNamespaceAsync("sie422");
        var (status, body, _) = await cluster.Raw.GetAsync($"/api/v1/namespaces/{ns}/configmaps?watch=true&sendInitialEvents=true&allowWatchBookmarks=true");
        Assert.Equal((HttpStatusCode)422, status);
        Assert.Equal("Invalid", body!["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task Resuming_from_compacted_history_gets_an_Expired_410_error_event()
    {
        var ns = await cluster.NewNamespaceAsync("gone");
        var created = await _client.CoreV1.CreateNamespacedConfigMapAsync(Cm("a"), ns);
        await _client.CoreV1.CreateNamespacedConfigMapAsync(Cm("b"), ns);
        cluster.Server.Faults.CompactHistory();
        using var watch = await cluster.Raw.WatchAsync($"/api/v1/namespaces/{ns}/configmaps?watch=true&resourceVersion={created.Metadata.ResourceVersion}");
        Assert.Equal(HttpStatusCode.OK, watch.Response.StatusCode);
        var error = await watch.NextAsync();
        Assert.Equal("ERROR", error!["type"]!.GetValue<string>());
        Assert.Equal(410, error["object"]!["code"]!.GetValue<int>());
        Assert.Equal("Expired", error["object"]!["reason"]!.GetValue<string>());
        Assert.Null(await watch.NextAsync());
    }

    [Fact]
    public async Task Watch_closes_after_timeoutSeconds()
    {
        var ns = await cluster.NewNamespaceAsync("timeout");
        using var watch = await cluster.Raw.WatchAsync($"/api/v1/namespaces/{ns}/configmaps?watch=true&timeoutSeconds=1");
        Assert.Null(await watch.NextAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task Field_selector_on_metadata_name_filters_a_watch()
    {
        var ns = await cluster.NewNamespaceAsync("fsw");
        await _client.CoreV1.CreateNamespacedConfigMapAsync(Cm("a"), ns);
        await _client.CoreV1.CreateNamespacedConfigMapAsync(Cm("b"), ns);
        using var watch = await cluster.Raw.WatchAsync($"/api/v1/namespaces/{ns}/configmaps?watch=true&fieldSelector=metadata.name%3Db");
        Assert.Equal("b", (await watch.NextAsync())!["object"]!["metadata"]!["name"]!.GetValue<string>());
        await _client.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch("""{"data":{"k":"1"}}""", V1Patch.PatchType.MergePatch), "a", ns);
        await _client.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch("""{"data":{"k":"2"}}""", V1Patch.PatchType.MergePatch), "b", ns);
        var next = await watch.NextChangeAsync();
        Assert.Equal("b", next!["object"]!["metadata"]!["name"]!.GetValue<string>());
    }

    private static V1ConfigMap Cm(string name) => new()
    {
        Metadata = new V1ObjectMeta { Name = name },
        Data = new Dictionary<string, string> { ["k"] = "v" },
    };
}
