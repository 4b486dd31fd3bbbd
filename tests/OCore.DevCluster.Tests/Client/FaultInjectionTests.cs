using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;
using OCore.DevCluster.Tests.Infrastructure;

namespace OCore.DevCluster.Tests.Client;

/// <summary>Injected failures, delays and dropped watches, as an operator's fault-tolerance tests use them.</summary>
public sealed class FaultInjectionTests(ClusterFixture cluster) : IClassFixture<ClusterFixture>
{
    private readonly Kubernetes _client = cluster.Client;

    [Fact]
    public async Task Chosen_requests_fail_with_500_a_limited_number_of_times()
    {
        var ns = await cluster.NewNamespaceAsync("f500");
        using var fault = cluster.Server.Faults.FailRequests(r => r.Resource == "configmaps" && r.Verb == "create" && r.Namespace == ns, 500, times: 1);
        var e = await Assert.ThrowsAsync<HttpOperationException>(() => _client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "a" } }, ns));
        Assert.Equal(HttpStatusCode.InternalServerError, e.Response.StatusCode);
        var created = await _client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "a" } }, ns);
        Assert.Equal("a", created.Metadata.Name);
    }

    [Fact]
    public async Task Throttling_answers_429_with_Retry_After()
    {
        var ns = await cluster.NewNamespaceAsync("f429");
        using var fault = cluster.Server.Faults.FailRequests(r => r.Namespace == ns && r.Verb == "list", 429, retryAfter: TimeSpan.FromSeconds(2));
        var (status, body, response) = await cluster.Raw.GetAsync($"/api/v1/namespaces/{ns}/secrets");
        Assert.Equal(HttpStatusCode.TooManyRequests, status);
        Assert.Equal("2", response.Headers.GetValues("Retry-After").Single());
        Assert.Equal("TooManyRequests", body!["reason"]!.GetValue<string>());
        fault.Dispose();
        Assert.Equal(HttpStatusCode.OK, (await cluster.Raw.GetAsync($"/api/v1/namespaces/{ns}/secrets")).Status);
    }

    [Fact]
    public async Task Delays_slow_down_chosen_requests()
    {
        var ns = await cluster.NewNamespaceAsync("fdelay");
        using var fault = cluster.Server.Faults.DelayRequests(r => r.Namespace == ns, TimeSpan.FromMilliseconds(400), times: 1);
        var started = DateTime.UtcNow;
        await _client.CoreV1.ListNamespacedConfigMapAsync(ns);
        Assert.True(DateTime.UtcNow - started >= TimeSpan.FromMilliseconds(350));
    }

    [Fact]
    public async Task Dropped_watches_end_their_streams()
    {
        var ns = await cluster.NewNamespaceAsync("fdrop");
        using var watch = await cluster.Raw.WatchAsync($"/api/v1/namespaces/{ns}/configmaps?watch=true&resourceVersion=0");
        await Eventually.TrueAsync(() => Task.FromResult(cluster.Server.Faults.DropWatches() > 0), "a watch to drop");
        Assert.Null(await watch.NextAsync(TimeSpan.FromSeconds(5)));
    }
}
