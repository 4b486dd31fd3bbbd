using System.Net;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using OCore.DevCluster.Tests.Infrastructure;

namespace OCore.DevCluster.Tests.Client;

/// <summary>JSON merge patch, JSON patch, strategic merge patch and server-side apply.</summary>
public sealed class PatchTests(ClusterFixture cluster) : IClassFixture<ClusterFixture>
{
    private readonly Kubernetes _client = cluster.Client;

    [Fact]
    public async Task Merge_patch_merges_maps_and_null_deletes()
    {
        var ns = await cluster.NewNamespaceAsync("merge");
        await _client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "a" }, Data = new Dictionary<string, string> { ["x"] = "1", ["y"] = "2" } }, ns);
        var patched = await _client.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch("""{"data":{"x":null,"z":"3"}}""", V1Patch.PatchType.MergePatch), "a", ns);
        Assert.Equal(new Dictionary<string, string> { ["y"] = "2", ["z"] = "3" }, patched.Data);
    }

    [Fact]
    public async Task Json_patch_applies_operations_and_a_failing_test_is_Invalid()
    {
        var ns = await cluster.NewNamespaceAsync("jsonpatch");
        await _client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "a" }, Data = new Dictionary<string, string> { ["x"] = "1" } }, ns);
        var patched = await _client.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch("""[{"op":"test","path":"/data/x","value":"1"},{"op":"replace","path":"/data/x","value":"2"},{"op":"add","path":"/data/y","value":"3"}]""", V1Patch.PatchType.JsonPatch), "a", ns);
        Assert.Equal("2", patched.Data["x"]);
        Assert.Equal("3", patched.Data["y"]);
        var (status, body, _) = await cluster.Raw.SendAsync(HttpMethod.Patch, $"/api/v1/namespaces/{ns}/configmaps/a", """[{"op":"test","path":"/data/x","value":"nope"}]""", "application/json-patch+json");
        Assert.Equal((HttpStatusCode)422, status);
        Assert.Equal("Invalid", body!["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task ResourceVersion_inside_a_patch_is_a_precondition()
    {
        var ns = await cluster.NewNamespaceAsync("patchrv");
        await _client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "a" } }, ns);
        var (status, _, _) = await cluster.Raw.SendAsync(HttpMethod.Patch, $"/api/v1/namespaces/{ns}/configmaps/a", """{"metadata":{"resourceVersion":"1"},"data":{"x":"1"}}""", "application/merge-patch+json");
        Assert.Equal(HttpStatusCode.Conflict, status);
    }

    [Fact]
    public async Task Unknown_patch_type_is_UnsupportedMediaType()
    {
        var ns = await cluster.NewNamespaceAsync("ptype");
        await _client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "a" } }, ns);
        var (status, _, _) = await cluster.Raw.SendAsync(HttpMethod.Patch, $"/api/v1/namespaces/{ns}/configmaps/a", "{}", "application/x-unknown");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, status);
    }

    [Fact]
    public async Task Strategic_merge_patch_merges_containers_by_name_and_honours_directives()
    {
        var ns = await cluster.NewNamespaceAsync("smp");
        await _client.AppsV1.CreateNamespacedDeploymentAsync(Deployment("d", ("app", "nginx:1"), ("sidecar", "busybox:1")), ns);
        var patched = await _client.AppsV1.PatchNamespacedDeploymentAsync(new V1Patch(
            """{"spec":{"template":{"spec":{"containers":[{"name":"app","image":"nginx:2"},{"name":"sidecar","$patch":"delete"},{"name":"new","image":"redis:7"}]}}}}""",
            V1Patch.PatchType.StrategicMergePatch), "d", ns);
        var containers = patched.Spec.Template.Spec.Containers;
        Assert.Equal(["app", "new"], containers.Select(c => c.Name));
        Assert.Equal("nginx:2", containers[0].Image);
        Assert.Equal(2, patched.Metadata.Generation);
    }

    [Fact]
    public async Task Strategic_merge_patch_merges_finalizers_as_a_set()
    {
        var ns = await cluster.NewNamespaceAsync("smpfin");
        await _client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "a", Finalizers = ["one"] } }, ns);
        var patched = await _client.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch("""{"metadata":{"finalizers":["two"]}}""", V1Patch.PatchType.StrategicMergePatch), "a", ns);
        Assert.Equal(["one", "two"], patched.Metadata.Finalizers);
        var emptied = await _client.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch("""{"metadata":{"$deleteFromPrimitiveList/finalizers":["one"]}}""", V1Patch.PatchType.StrategicMergePatch), "a", ns);
        Assert.Equal(["two"], emptied.Metadata.Finalizers);
        await _client.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch("""{"metadata":{"finalizers":null}}""", V1Patch.PatchType.MergePatch), "a", ns);
    }

    [Fact]
    public async Task Server_side_apply_creates_updates_and_removes_fields_it_no_longer_applies()
    {
        var ns = await cluster.NewNamespaceAsync("ssa");
        var path = $"/api/v1/namespaces/{ns}/configmaps/a?fieldManager=tester";
        var (created, body, _) = await cluster.Raw.SendAsync(HttpMethod.Patch, path, "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n  x: \"1\"\n  y: \"2\"\n", "application/apply-patch+yaml");
        Assert.Equal(HttpStatusCode.Created, created);
        Assert.Equal("tester", body!["metadata"]!["managedFields"]![0]!["manager"]!.GetValue<string>());
        Assert.Equal("Apply", body["metadata"]!["managedFields"]![0]!["operation"]!.GetValue<string>());

        var (updated, after, _) = await cluster.Raw.SendAsync(HttpMethod.Patch, path, "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n  x: \"1\"\n", "application/apply-patch+yaml");
        Assert.Equal(HttpStatusCode.OK, updated);
        Assert.Equal(new JsonObject { ["x"] = "1" }.ToJsonString(), after!["data"]!.ToJsonString());
    }

    [Fact]
    public async Task Server_side_apply_reports_conflicts_unless_forced()
    {
        var ns = await cluster.NewNamespaceAsync("ssaconf");
        const string first = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n  x: \"1\"\n";
        const string second = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n  x: \"2\"\n";
        await cluster.Raw.SendAsync(HttpMethod.Patch, $"/api/v1/namespaces/{ns}/configmaps/a?fieldManager=one", first, "application/apply-patch+yaml");
        var (conflict, body, _) = await cluster.Raw.SendAsync(HttpMethod.Patch, $"/api/v1/namespaces/{ns}/configmaps/a?fieldManager=two", second, "application/apply-patch+yaml");
        Assert.Equal(HttpStatusCode.Conflict, conflict);
        Assert.Equal("FieldManagerConflict", body!["details"]!["causes"]![0]!["reason"]!.GetValue<string>());
        Assert.Equal(".data.x", body["details"]!["causes"]![0]!["field"]!.GetValue<string>());
        var (forced, after, _) = await cluster.Raw.SendAsync(HttpMethod.Patch, $"/api/v1/namespaces/{ns}/configmaps/a?fieldManager=two&force=true", second, "application/apply-patch+yaml");
        Assert.Equal(HttpStatusCode.OK, forced);
        Assert.Equal("2", after!["data"]!["x"]!.GetValue<string>());
    }

    [Fact]
    public async Task Server_side_apply_requires_a_field_manager()
    {
        var ns = await cluster.NewNamespaceAsync("ssafm");
        var (status, _, _) = await cluster.Raw.SendAsync(HttpMethod.Patch, $"/api/v1/namespaces/{ns}/configmaps/a", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n", "application/apply-patch+yaml");
        Assert.Equal((HttpStatusCode)422, status);
    }

    [Fact]
    public async Task Patch_of_a_missing_object_is_NotFound()
    {
        var ns = await cluster.NewNamespaceAsync("patch404");
        var (status, _, _) = await cluster.Raw.SendAsync(HttpMethod.Patch, $"/api/v1/namespaces/{ns}/configmaps/none", "{}", "application/merge-patch+json");
        Assert.Equal(HttpStatusCode.NotFound, status);
    }

    private static V1Deployment Deployment(string name, params (string Name, string Image)[] containers) => new()
    {
        Metadata = new V1ObjectMeta { Name = name },
        Spec = new V1DeploymentSpec
        {
            Replicas = 1,
            Selector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["app"] = name } },
            Template = new V1PodTemplateSpec
            {
                Metadata = new V1ObjectMeta { Labels = new Dictionary<string, string> { ["app"] = name } },
                Spec = new V1PodSpec { Containers = [.. containers.Select(c => new V1Container { Name = c.Name, Image = c.Image })] },
            },
        },
    };
}
