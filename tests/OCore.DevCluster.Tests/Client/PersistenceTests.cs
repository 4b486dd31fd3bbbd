using k8s;
using k8s.Models;
using OCore.DevCluster.Tests.Infrastructure;

namespace OCore.DevCluster.Tests.Client;

/// <summary>--data-dir: a restarted DevCluster keeps its objects and its resourceVersion counter.</summary>
public sealed class PersistenceTests : IDisposable
{
    private readonly string _dataDir = Directory.CreateTempSubdirectory("devcluster-data-").FullName;

    [Fact]
    public async Task Restart_keeps_objects_crds_credentials_and_growing_resourceVersions()
    {
        string lastVersion;
        string ca;
        string token;
        await using (var first = await DevClusterServer.StartAsync(new DevClusterOptions { DataDirectory = _dataDir }))
        {
            using var client = ClusterFixture.CreateClient(first.Kubeconfig);
            await client.ApiextensionsV1.CreateCustomResourceDefinitionAsync(TestCrds.Widget());
            var cm = await client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "kept" }, Data = new Dictionary<string, string> { ["a"] = "b" } }, "default");
            lastVersion = cm.Metadata.ResourceVersion;
            ca = first.CaCertificatePem;
            token = first.AdminToken;
        }

        await using var second = await DevClusterServer.StartAsync(new DevClusterOptions { DataDirectory = _dataDir });
        using var again = ClusterFixture.CreateClient(second.KubeconfigFor(second.AdminToken));
        var kept = await again.CoreV1.ReadNamespacedConfigMapAsync("kept", "default");
        Assert.Equal("b", kept.Data["a"]);
        Assert.Equal(lastVersion, kept.Metadata.ResourceVersion);
        var next = await again.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "new" } }, "default");
        Assert.True(long.Parse(next.Metadata.ResourceVersion) > long.Parse(lastVersion));
        Assert.Equal(ca, second.CaCertificatePem);
        Assert.Equal(token, second.AdminToken);
        var widgets = await again.CustomObjects.ListNamespacedCustomObjectAsync<System.Text.Json.Nodes.JsonObject>("example.com", "v1", "default", "widgets");
        Assert.Equal("WidgetList", widgets["kind"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_torn_last_journal_line_loses_nothing_acknowledged()
    {
        await using (var first = await DevClusterServer.StartAsync(new DevClusterOptions { DataDirectory = _dataDir }))
        {
            using var client = ClusterFixture.CreateClient(first.Kubeconfig);
            await client.CoreV1.CreateNamespacedSecretAsync(new V1Secret { Metadata = new V1ObjectMeta { Name = "acked" } }, "default");
        }
        await File.AppendAllTextAsync(Path.Combine(_dataDir, "journal.jsonl"), "{\"rv\":999999,\"op\":\"put\",\"gr\":\"secrets\",\"obj\":{\"metad");

        await using var second = await DevClusterServer.StartAsync(new DevClusterOptions { DataDirectory = _dataDir });
        using var again = ClusterFixture.CreateClient(second.Kubeconfig);
        var secret = await again.CoreV1.ReadNamespacedSecretAsync("acked", "default");
        Assert.Equal("acked", secret.Metadata.Name);
        var next = await again.CoreV1.CreateNamespacedSecretAsync(new V1Secret { Metadata = new V1ObjectMeta { Name = "after" } }, "default");
        Assert.True(long.Parse(next.Metadata.ResourceVersion) < 999999);
    }

    [Fact]
    public async Task Watch_resuming_from_before_a_restart_gets_410()
    {
        string version;
        await using (var first = await DevClusterServer.StartAsync(new DevClusterOptions { DataDirectory = _dataDir }))
        {
            using var client = ClusterFixture.CreateClient(first.Kubeconfig);
            version = (await client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "a" } }, "default")).Metadata.ResourceVersion;
            await client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "b" } }, "default");
        }
        await using var second = await DevClusterServer.StartAsync(new DevClusterOptions { DataDirectory = _dataDir });
        using var raw = new RawApi(second.BaseUrl, second.CaCertificatePem, second.AdminToken);
        using var watch = await raw.WatchAsync($"/api/v1/namespaces/default/configmaps?watch=true&resourceVersion={version}");
        Assert.Equal(410, (await watch.NextAsync())!["object"]!["code"]!.GetValue<int>());
    }

    public void Dispose() => Directory.Delete(_dataDir, recursive: true);
}
