using System.Net;
using System.Text.Json.Nodes;
using k8s;
using k8s.Autorest;
using k8s.Models;
using OCore.DevCluster.Tests.Infrastructure;

namespace OCore.DevCluster.Tests.Client;

/// <summary>Validation of built-in kinds: names, labels, required pod template parts, selectors and immutable fields.</summary>
public sealed class BuiltInValidationTests(ClusterFixture cluster) : IClassFixture<ClusterFixture>
{
    private readonly Kubernetes _client = cluster.Client;

    [Fact]
    public async Task Service_names_must_be_dns_labels()
    {
        var ns = await cluster.NewNamespaceAsync("svcname");
        var service = new V1Service
        {
            Metadata = new V1ObjectMeta { Name = new string('a', 64) },
            Spec = new V1ServiceSpec { Ports = [new V1ServicePort { Port = 80 }] },
        };
        Assert.Equal(["metadata.name"], await InvalidFields(() => _client.CoreV1.CreateNamespacedServiceAsync(service, ns)));
        service.Metadata.Name = "ok";
        Assert.Equal("ok", (await _client.CoreV1.CreateNamespacedServiceAsync(service, ns)).Metadata.Name);
    }

    [Fact]
    public async Task Label_values_are_validated()
    {
        var ns = await cluster.NewNamespaceAsync("labels");
        var cm = new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "a", Labels = new Dictionary<string, string> { ["app"] = "not valid!" } } };
        Assert.Equal(["metadata.labels"], await InvalidFields(() => _client.CoreV1.CreateNamespacedConfigMapAsync(cm, ns)));
    }

    [Fact]
    public async Task Deployment_selector_must_match_template_labels_and_containers_need_images()
    {
        var ns = await cluster.NewNamespaceAsync("deployval");
        var deployment = new V1Deployment
        {
            Metadata = new V1ObjectMeta { Name = "d" },
            Spec = new V1DeploymentSpec
            {
                Selector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["app"] = "a" } },
                Template = new V1PodTemplateSpec
                {
                    Metadata = new V1ObjectMeta { Labels = new Dictionary<string, string> { ["app"] = "b" } },
                    Spec = new V1PodSpec { Containers = [new V1Container { Name = "c" }] },
                },
            },
        };
        var fields = await InvalidFields(() => _client.AppsV1.CreateNamespacedDeploymentAsync(deployment, ns));
        Assert.Equal(["spec.template.metadata.labels", "spec.template.spec.containers[0].image"], fields);
    }

    [Fact]
    public async Task Job_template_is_immutable()
    {
        var ns = await cluster.NewNamespaceAsync("jobimm");
        var job = new V1Job
        {
            Metadata = new V1ObjectMeta { Name = "j" },
            Spec = new V1JobSpec
            {
                Template = new V1PodTemplateSpec
                {
                    Metadata = new V1ObjectMeta { Annotations = new Dictionary<string, string> { ["devcluster.ocore.io/run-seconds"] = "60" } },
                    Spec = new V1PodSpec { RestartPolicy = "Never", Containers = [new V1Container { Name = "c", Image = "busybox:1" }] },
                },
            },
        };
        await _client.BatchV1.CreateNamespacedJobAsync(job, ns);
        var patch = new V1Patch("""{"spec":{"template":{"spec":{"containers":[{"name":"c","image":"busybox:2"}]}}}}""", V1Patch.PatchType.StrategicMergePatch);
        var e = await Assert.ThrowsAsync<HttpOperationException>(() => _client.BatchV1.PatchNamespacedJobAsync(patch, "j", ns));
        Assert.Equal((HttpStatusCode)422, e.Response.StatusCode);
        Assert.Contains("field is immutable", JsonNode.Parse(e.Response.Content)!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Immutable_ConfigMaps_reject_data_changes()
    {
        var ns = await cluster.NewNamespaceAsync("cmimm");
        await _client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "a" }, Immutable = true, Data = new Dictionary<string, string> { ["k"] = "1" } }, ns);
        var patch = new V1Patch("""{"data":{"k":"2"}}""", V1Patch.PatchType.MergePatch);
        Assert.Equal(["data"], await InvalidFields(() => _client.CoreV1.PatchNamespacedConfigMapAsync(patch, "a", ns)));
        var labelled = await _client.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch("""{"metadata":{"labels":{"x":"y"}}}""", V1Patch.PatchType.MergePatch), "a", ns);
        Assert.Equal("y", labelled.Metadata.Labels["x"]);
    }

    [Fact]
    public async Task Pods_need_containers()
    {
        var ns = await cluster.NewNamespaceAsync("podval");
        Assert.Equal(["spec.containers"], await InvalidFields(() => _client.CoreV1.CreateNamespacedPodAsync(new V1Pod { Metadata = new V1ObjectMeta { Name = "p" }, Spec = new V1PodSpec { Containers = [] } }, ns)));
    }

    private static async Task<List<string>> InvalidFields(Func<Task> call)
    {
        var e = await Assert.ThrowsAsync<HttpOperationException>(call);
        Assert.Equal((HttpStatusCode)422, e.Response.StatusCode);
        var status = JsonNode.Parse(e.Response.Content)!;
        return [.. status["details"]!["causes"]!.AsArray().Select(c => c!["field"]!.GetValue<string>())];
    }
}
