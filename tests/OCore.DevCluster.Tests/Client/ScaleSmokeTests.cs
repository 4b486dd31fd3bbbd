using System.Diagnostics;
using k8s;
using k8s.Models;
using OCore.DevCluster.Tests.Infrastructure;

namespace OCore.DevCluster.Tests.Client;

/// <summary>Guards against pathological slowness: hundreds of writes with the simulated controllers running.</summary>
public sealed class ScaleSmokeTests(ClusterFixture cluster) : IClassFixture<ClusterFixture>
{
    [Fact]
    public async Task Five_hundred_writes_stay_fast()
    {
        var ns = await cluster.NewNamespaceAsync("many");
        var watch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, 500), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
            await cluster.Client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap
            {
                Metadata = new V1ObjectMeta { Name = $"cm-{i}" },
                Data = new Dictionary<string, string> { ["payload"] = new string('x', 1024) },
            }, ns, cancellationToken: ct));
        var list = await cluster.Client.CoreV1.ListNamespacedConfigMapAsync(ns);
        Assert.Equal(500, list.Items.Count);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"500 creates took {watch.Elapsed}");
    }
}
