using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using OCore.Testing;

namespace OCore.Operator.Tests.Hosting;

/// <summary>The operator's probes and metrics, served by the real host against a test cluster.</summary>
public sealed class OperatorEndpointsTests : IAsyncLifetime
{
    private TestCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await TestCluster.StartAsync();

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task Health_readiness_and_metrics_are_served()
    {
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Operator:Kubeconfig", _cluster.KubeconfigPath);
            builder.UseSetting("Operator:PublicReceiverUrl", "https://hooks.ocore.test");
            builder.UseSetting("Operator:LeaderElection:LeaseNamespace", "default");
        });
        using var client = factory.CreateClient();

        Assert.Equal("ok", await client.GetStringAsync("/healthz"));
        var ready = await Eventually.Until(async () =>
        {
            using var response = await client.GetAsync("/readyz");
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        }, r => r.StatusCode == HttpStatusCode.OK && r.Item2 == "ok: leader", "ready once the caches synced and the Lease is held");
        Assert.Equal("ok: leader", ready.Item2);

        // A reconcile shows in the controller and queue metrics.
        await _cluster.CreateFromYamlAsync("""
            apiVersion: ocore.io/v1alpha1
            kind: Project
            metadata: { name: erp }
            spec:
              repository: { url: "git@github.com:acme/odoo.git" }
              odoo: { version: "18.0" }
            """, await _cluster.CreateNamespaceAsync());
        var metrics = await Eventually.Until(() => client.GetStringAsync("/metrics"),
            text => text.Contains("ocore_reconcile_total{controller=\"project\"", StringComparison.Ordinal), "the project reconcile is counted");
        Assert.Contains("ocore_informer_relists_total{resource=\"projects.v1alpha1.ocore.io\"}", metrics, StringComparison.Ordinal);
        Assert.Contains("ocore_workqueue_queue_duration_seconds_count{controller=\"project\"}", metrics, StringComparison.Ordinal);
        Assert.Contains("ocore_reconcile_duration_seconds_count{controller=\"project\"}", metrics, StringComparison.Ordinal);
    }
}
