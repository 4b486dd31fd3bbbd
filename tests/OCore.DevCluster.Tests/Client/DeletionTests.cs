using System.Net;
using System.Text.Json.Nodes;
using k8s;
using k8s.Autorest;
using k8s.Models;
using OCore.DevCluster.Tests.Infrastructure;

namespace OCore.DevCluster.Tests.Client;

/// <summary>Finalizers, deletionTimestamp, ownerReference garbage collection and namespace deletion.</summary>
public sealed class DeletionTests(ClusterFixture cluster) : IClassFixture<ClusterFixture>
{
    private readonly Kubernetes _client = cluster.Client;

    [Fact]
    public async Task Finalizers_hold_deletion_until_removed()
    {
        var ns = await cluster.NewNamespaceAsync("fin");
        await _client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "a", Finalizers = ["example.com/hold"] } }, ns);

        var (status, body, _) = await cluster.Raw.SendAsync(HttpMethod.Delete, $"/api/v1/namespaces/{ns}/configmaps/a");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("ConfigMap", body!["kind"]!.GetValue<string>());
        Assert.NotNull(body["metadata"]!["deletionTimestamp"]);
        Assert.Equal(0, body["metadata"]!["deletionGracePeriodSeconds"]!.GetValue<int>());

        var again = await cluster.Raw.SendAsync(HttpMethod.Delete, $"/api/v1/namespaces/{ns}/configmaps/a");
        Assert.Equal(body["metadata"]!["resourceVersion"]!.GetValue<string>(), again.Body!["metadata"]!["resourceVersion"]!.GetValue<string>());

        var e = await Assert.ThrowsAsync<HttpOperationException>(() => _client.CoreV1.PatchNamespacedConfigMapAsync(
            new V1Patch("""{"metadata":{"finalizers":["example.com/hold","example.com/new"]}}""", V1Patch.PatchType.MergePatch), "a", ns));
        Assert.Equal((HttpStatusCode)422, e.Response.StatusCode);

        await _client.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch("""{"metadata":{"finalizers":null}}""", V1Patch.PatchType.MergePatch), "a", ns);
        var gone = await cluster.Raw.GetAsync($"/api/v1/namespaces/{ns}/configmaps/a");
        Assert.Equal(HttpStatusCode.NotFound, gone.Status);
    }

    [Fact]
    public async Task Deleting_a_custom_resource_with_finalizers_bumps_generation()
    {
        var ns = await cluster.NewNamespaceAsync("crfin");
        await EnsureWidgetCrd();
        await _client.CustomObjects.CreateNamespacedCustomObjectAsync<JsonObject>(new JsonObject
        {
            ["apiVersion"] = "example.com/v1",
            ["kind"] = "Widget",
            ["metadata"] = new JsonObject { ["name"] = "w", ["finalizers"] = new JsonArray("example.com/f") },
            ["spec"] = new JsonObject { ["size"] = 1 },
        }, "example.com", "v1", ns, "widgets");
        var (_, deleting, _) = await cluster.Raw.SendAsync(HttpMethod.Delete, $"/apis/example.com/v1/namespaces/{ns}/widgets/w");
        Assert.Equal(2, deleting!["metadata"]!["generation"]!.GetValue<long>());
    }

    [Fact]
    public async Task Background_deletion_collects_dependents()
    {
        var ns = await cluster.NewNamespaceAsync("gcbg");
        var owner = await _client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "owner" } }, ns);
        await _client.CoreV1.CreateNamespacedSecretAsync(Dependent("child", owner, block: false), ns);
        await _client.CoreV1.DeleteNamespacedConfigMapAsync("owner", ns, propagationPolicy: "Background");
        await Eventually.TrueAsync(async () => (await _client.CoreV1.ListNamespacedSecretAsync(ns)).Items.Count == 0, "dependent secret to be collected");
    }

    [Fact]
    public async Task Foreground_deletion_waits_for_dependents()
    {
        var ns = await cluster.NewNamespaceAsync("gcfg");
        var owner = await _client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "owner" } }, ns);
        var child = Dependent("child", owner, block: true);
        child.Metadata.Finalizers = ["example.com/slow"];
        await _client.CoreV1.CreateNamespacedSecretAsync(child, ns);

        await _client.CoreV1.DeleteNamespacedConfigMapAsync("owner", ns, propagationPolicy: "Foreground");
        var waiting = await _client.CoreV1.ReadNamespacedConfigMapAsync("owner", ns);
        Assert.Contains("foregroundDeletion", waiting.Metadata.Finalizers);
        await Eventually.TrueAsync(async () => (await _client.CoreV1.ReadNamespacedSecretAsync("child", ns)).Metadata.DeletionTimestamp is not null, "child marked for deletion");
        Assert.NotNull(await _client.CoreV1.ReadNamespacedConfigMapAsync("owner", ns));

        await _client.CoreV1.PatchNamespacedSecretAsync(new V1Patch("""{"metadata":{"finalizers":null}}""", V1Patch.PatchType.MergePatch), "child", ns);
        await Eventually.TrueAsync(async () => (await _client.CoreV1.ListNamespacedConfigMapAsync(ns)).Items.Count == 0, "owner removed after its dependents");
    }

    [Fact]
    public async Task Orphan_deletion_keeps_dependents_and_drops_the_owner_reference()
    {
        var ns = await cluster.NewNamespaceAsync("gcorphan");
        var owner = await _client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "owner" } }, ns);
        await _client.CoreV1.CreateNamespacedSecretAsync(Dependent("child", owner, block: false), ns);
        await _client.CoreV1.DeleteNamespacedConfigMapAsync("owner", ns, propagationPolicy: "Orphan");
        await Eventually.TrueAsync(async () => (await _client.CoreV1.ListNamespacedConfigMapAsync(ns)).Items.Count == 0, "owner removed");
        var child = await _client.CoreV1.ReadNamespacedSecretAsync("child", ns);
        Assert.Null(child.Metadata.OwnerReferences);
    }

    [Fact]
    public async Task Deleting_a_namespace_removes_its_content_then_the_namespace()
    {
        var ns = await cluster.NewNamespaceAsync("nsdel");
        await _client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "a", Finalizers = ["example.com/hold"] } }, ns);
        await _client.CoreV1.DeleteNamespaceAsync(ns);
        var terminating = await _client.CoreV1.ReadNamespaceAsync(ns);
        Assert.Equal("Terminating", terminating.Status.Phase);
        var e = await Assert.ThrowsAsync<HttpOperationException>(() => _client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "b" } }, ns));
        Assert.Equal(HttpStatusCode.Forbidden, e.Response.StatusCode);

        await Eventually.TrueAsync(async () => (await _client.CoreV1.ReadNamespacedConfigMapAsync("a", ns)).Metadata.DeletionTimestamp is not null, "content marked for deletion");
        await _client.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch("""{"metadata":{"finalizers":null}}""", V1Patch.PatchType.MergePatch), "a", ns);
        await Eventually.TrueAsync(async () => (await _client.CoreV1.ListNamespaceAsync()).Items.All(n => n.Metadata.Name != ns), "namespace removed");
    }

    private async Task EnsureWidgetCrd()
    {
        if ((await _client.ApiextensionsV1.ListCustomResourceDefinitionAsync()).Items.Count == 0)
        {
            await _client.ApiextensionsV1.CreateCustomResourceDefinitionAsync(TestCrds.Widget());
        }
    }

    private static V1Secret Dependent(string name, V1ConfigMap owner, bool block) => new()
    {
        Metadata = new V1ObjectMeta
        {
            Name = name,
            OwnerReferences = [new V1OwnerReference { ApiVersion = "v1", Kind = "ConfigMap", Name = owner.Metadata.Name, Uid = owner.Metadata.Uid, BlockOwnerDeletion = block }],
        },
    };
}
