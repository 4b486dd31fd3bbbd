using k8s;
using k8s.Models;
using OCore.DevCluster.Tests.Infrastructure;

namespace OCore.DevCluster.Tests.Client;

/// <summary>events.k8s.io/v1 and core/v1 Events share one storage, as in kube-apiserver.</summary>
public sealed class EventsTests(ClusterFixture cluster) : IClassFixture<ClusterFixture>
{
    private readonly Kubernetes _client = cluster.Client;

    [Fact]
    public async Task Events_written_through_events_v1_are_visible_as_core_v1_events()
    {
        var ns = await cluster.NewNamespaceAsync("events");
        var created = await _client.EventsV1.CreateNamespacedEventAsync(new Eventsv1Event
        {
            Metadata = new V1ObjectMeta { Name = "e1" },
            EventTime = DateTime.UtcNow,
            Regarding = new V1ObjectReference { Kind = "ConfigMap", Name = "settings", NamespaceProperty = ns },
            Reason = "Synced",
            Note = "all good",
            Type = "Normal",
            Action = "Sync",
            ReportingController = "ocore.io/operator",
            ReportingInstance = "operator-0",
        }, ns);
        Assert.Equal("all good", created.Note);

        var core = await _client.CoreV1.ReadNamespacedEventAsync("e1", ns);
        Assert.Equal("all good", core.Message);
        Assert.Equal("settings", core.InvolvedObject.Name);
        Assert.Equal("ocore.io/operator", core.ReportingComponent);

        var bySelector = await _client.CoreV1.ListNamespacedEventAsync(ns, fieldSelector: "involvedObject.name=settings");
        Assert.Single(bySelector.Items);

        var patched = await _client.EventsV1.PatchNamespacedEventAsync(new V1Patch("""{"series":{"count":2,"lastObservedTime":"2025-01-01T00:00:00.000000Z"}}""", V1Patch.PatchType.MergePatch), "e1", ns);
        Assert.Equal(2, patched.Series.Count);
        Assert.Equal("settings", patched.Regarding.Name);
        var listed = await _client.EventsV1.ListNamespacedEventAsync(ns);
        Assert.Equal("all good", Assert.Single(listed.Items).Note);
    }
}
