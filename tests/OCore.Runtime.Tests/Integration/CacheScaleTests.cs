using System.Diagnostics;
using System.Text;
using k8s;
using k8s.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using OCore.Runtime.Controllers;
using OCore.Runtime.Hosting;
using OCore.Runtime.Informers;
using OCore.Runtime.LeaderElection;
using OCore.Runtime.Tests.Support;
using OCore.Testing;
using Xunit.Abstractions;

namespace OCore.Runtime.Tests.Integration;

[Collection(nameof(CacheScaleCollection))]
public sealed class CacheScaleTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Objects = 10_000;
    private TestCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await TestCluster.StartAsync();

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task The_cache_serves_10000_objects_and_reconciling_them_costs_no_api_call()
    {
        var ns = await _cluster.CreateNamespaceAsync("scale");
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, Objects), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
            await _cluster.Client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap
            {
                Metadata = new V1ObjectMeta { Name = $"scale-{i}", Labels = new Dictionary<string, string> { ["scale"] = "yes" } },
                // One object out of line: the reconciler must write it once, which shows its client's calls are counted.
                Data = new Dictionary<string, string> { ["index"] = i == 0 ? "stale" : $"{i}" },
            }, ns, cancellationToken: ct));
        var created = clock.Elapsed;

        // The manager's client serves the informer; the reconciler has a client of its own, so its calls are counted apart.
        var informerRequests = new RequestLog();
        var reconcilerRequests = new RequestLog();
        using var informerClient = Client(informerRequests);
        using var reconcilerClient = Client(reconcilerRequests);
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddSingleton<IKubernetes>(informerClient);
        builder.Services.AddSingleton(new LeaderElectionOptions { Enabled = false });
        builder.Services.AddSingleton(services => ActivatorUtilities.CreateInstance<ControllerManager>(services));
        builder.Services.AddHostedService(services => services.GetRequiredService<ControllerManager>());
        using var host = builder.Build();
        var manager = host.Services.GetRequiredService<ControllerManager>();
        var informer = manager.AddInformer<V1ConfigMap>(new InformerOptions { Namespace = ns, LabelSelector = "scale=yes" });
        var reconciler = new CacheOnlyReconciler(informer, reconcilerClient);
        using var controller = new Controller("scale", reconciler, workers: 4, NullLogger.Instance).For(informer);
        manager.AddController(controller);

        clock.Restart();
        await host.StartAsync();
        await informer.WaitForSyncAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));
        var synced = clock.Elapsed;
        var stale = new ObjectKey(ns, "scale-0");
        await Eventually.Until(() => reconciler.Reconciled.Count == Objects && reconciler.Reconciled.GetValueOrDefault(stale) == 2,
            "every object is reconciled, the stale one again after its update", TimeSpan.FromSeconds(60));
        var reconciled = clock.Elapsed;
        await host.StopAsync();

        output.WriteLine($"created {Objects} ConfigMaps in {created.TotalSeconds:0.0} s; informer synced in {synced.TotalSeconds:0.00} s " +
                         $"({informerRequests.Requests.Count(r => r.IsList)} pages); all reconciled {(reconciled - synced).TotalSeconds:0.00} s later");
        Assert.Equal(Objects, informer.Cache.Count);
        Assert.Equal(Objects / 500, informerRequests.Requests.Count(r => r.IsList));
        Assert.All(reconciler.Reconciled.Where(r => r.Key != stale), r => Assert.Equal(1, r.Value));
        // The only API call of the reconcile path is the one write; 10,000 reads came from the cache.
        var write = Assert.Single(reconcilerRequests.Requests);
        Assert.Equal(("PUT", 200), (write.Method, write.Status));
        Assert.EndsWith("/configmaps/scale-0", write.Uri.AbsolutePath, StringComparison.Ordinal);
    }

    private Kubernetes Client(RequestLog log) =>
        new(KubernetesClientConfiguration.BuildConfigFromConfigFile(new MemoryStream(Encoding.UTF8.GetBytes(_cluster.Server.Kubeconfig))), log);
}
