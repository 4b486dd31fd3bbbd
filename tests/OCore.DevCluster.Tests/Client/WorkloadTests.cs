using k8s;
using k8s.Models;
using OCore.DevCluster.Tests.Infrastructure;
using OCore.DevCluster.Workloads;

namespace OCore.DevCluster.Tests.Client;

/// <summary>Simulated Deployments, ReplicaSets, Pods and Jobs.</summary>
public sealed class WorkloadTests(ClusterFixture cluster) : IClassFixture<ClusterFixture>
{
    private readonly Kubernetes _client = cluster.Client;

    [Fact]
    public async Task Deployment_rolls_out_ready_pods_and_reports_status()
    {
        var ns = await cluster.NewNamespaceAsync("deploy");
        await _client.AppsV1.CreateNamespacedDeploymentAsync(Deployment("web", "nginx:1", replicas: 2), ns);
        var done = await Eventually.GetAsync(() => _client.AppsV1.ReadNamespacedDeploymentAsync("web", ns),
            d => d.Status?.AvailableReplicas == 2 && d.Status.Conditions?.Any(c => c.Reason == "NewReplicaSetAvailable") == true, "deployment available");
        Assert.Equal(1, done.Status.ObservedGeneration);
        Assert.Equal(2, done.Status.UpdatedReplicas);
        Assert.Equal(2, done.Status.ReadyReplicas);
        Assert.Contains(done.Status.Conditions, c => c.Type == "Available" && c.Status == "True");
        var pods = await _client.CoreV1.ListNamespacedPodAsync(ns, labelSelector: "app=web");
        Assert.Equal(2, pods.Items.Count);
        Assert.All(pods.Items, p => Assert.Equal("Running", p.Status.Phase));
        Assert.All(pods.Items, p => Assert.Contains(p.Status.Conditions, c => c.Type == "Ready" && c.Status == "True"));
        var rs = Assert.Single((await _client.AppsV1.ListNamespacedReplicaSetAsync(ns)).Items);
        Assert.Equal("1", rs.Metadata.Annotations["deployment.kubernetes.io/revision"]);
        Assert.Equal(done.Metadata.Uid, rs.Metadata.OwnerReferences.Single().Uid);
    }

    [Fact]
    public async Task Template_change_creates_a_new_ReplicaSet_and_scales_the_old_one_down()
    {
        var ns = await cluster.NewNamespaceAsync("rollout");
        await _client.AppsV1.CreateNamespacedDeploymentAsync(Deployment("web", "nginx:1", replicas: 1), ns);
        await Eventually.GetAsync(() => _client.AppsV1.ReadNamespacedDeploymentAsync("web", ns), d => d.Status?.AvailableReplicas == 1, "first rollout");
        await _client.AppsV1.PatchNamespacedDeploymentAsync(new V1Patch("""{"spec":{"template":{"spec":{"containers":[{"name":"app","image":"nginx:2"}]}}}}""", V1Patch.PatchType.StrategicMergePatch), "web", ns);
        var done = await Eventually.GetAsync(() => _client.AppsV1.ReadNamespacedDeploymentAsync("web", ns),
            d => d.Status?.ObservedGeneration == 2 && d.Status.UpdatedReplicas == 1 && d.Status.Replicas == 1 && d.Status.AvailableReplicas == 1, "second rollout");
        Assert.Equal("2", done.Metadata.Annotations["deployment.kubernetes.io/revision"]);
        var sets = (await _client.AppsV1.ListNamespacedReplicaSetAsync(ns)).Items;
        Assert.Equal(2, sets.Count);
        Assert.Contains(sets, s => s.Spec.Replicas == 0);
        var pod = Assert.Single((await _client.CoreV1.ListNamespacedPodAsync(ns)).Items);
        Assert.Equal("nginx:2", pod.Spec.Containers[0].Image);
    }

    [Fact]
    public async Task Image_pull_failure_keeps_pods_pending_and_exceeds_the_progress_deadline()
    {
        var ns = await cluster.NewNamespaceAsync("pullfail");
        cluster.Server.Workloads.FailImagePull("nginx:missing");
        var deployment = Deployment("web", "nginx:missing", replicas: 1);
        deployment.Spec.ProgressDeadlineSeconds = 1;
        await _client.AppsV1.CreateNamespacedDeploymentAsync(deployment, ns);
        var stuck = await Eventually.GetAsync(() => _client.AppsV1.ReadNamespacedDeploymentAsync("web", ns),
            d => d.Status?.Conditions?.Any(c => c.Type == "Progressing" && c.Reason == "ProgressDeadlineExceeded") == true, "progress deadline exceeded");
        Assert.Equal(0, stuck.Status.AvailableReplicas ?? 0);
        var pods = await Eventually.GetAsync(async () => (await _client.CoreV1.ListNamespacedPodAsync(ns)).Items,
            p => p.Count == 1 && p[0].Status?.ContainerStatuses?.Count == 1, "pod with container status");
        Assert.Equal("Pending", pods[0].Status.Phase);
        Assert.Contains(pods[0].Status.ContainerStatuses[0].State.Waiting.Reason, new[] { "ErrImagePull", "ImagePullBackOff" });
        var warnings = await Eventually.GetAsync(async () => (await _client.CoreV1.ListNamespacedEventAsync(ns, fieldSelector: $"involvedObject.name={pods[0].Metadata.Name}")).Items,
            e => e.Any(x => x.Type == "Warning"), "a pull failure event");
        Assert.Contains(warnings, e => e.Reason == "Failed" && e.Message.Contains("nginx:missing", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Job_pods_succeed_after_a_delay_and_expose_scripted_logs()
    {
        var ns = await cluster.NewNamespaceAsync("job");
        var job = Job("migrate", new Dictionary<string, string> { ["devcluster.ocore.io/log"] = "migrated 3 tables\n", ["devcluster.ocore.io/run-seconds"] = "0.3" });
        await _client.BatchV1.CreateNamespacedJobAsync(job, ns);
        var done = await Eventually.GetAsync(() => _client.BatchV1.ReadNamespacedJobAsync("migrate", ns),
            j => j.Status?.Conditions?.Any(c => c.Type == "Complete" && c.Status == "True") == true, "job complete");
        Assert.Equal(1, done.Status.Succeeded);
        Assert.NotNull(done.Status.CompletionTime);
        var pod = Assert.Single((await _client.CoreV1.ListNamespacedPodAsync(ns, labelSelector: "job-name=migrate")).Items);
        Assert.Equal("Succeeded", pod.Status.Phase);
        using var log = await _client.CoreV1.ReadNamespacedPodLogAsync(pod.Metadata.Name, ns);
        using var reader = new StreamReader(log);
        Assert.Equal("migrated 3 tables\n", await reader.ReadToEndAsync());
    }

    [Fact]
    public async Task Scripted_job_failure_exhausts_the_backoff_limit()
    {
        var ns = await cluster.NewNamespaceAsync("jobfail");
        cluster.Server.Workloads.ScriptJobs("broken", new JobScript(Succeed: false, Log: "boom", RunTime: TimeSpan.FromMilliseconds(100), ExitCode: 3));
        var job = Job("broken-1", null);
        job.Spec.BackoffLimit = 1;
        await _client.BatchV1.CreateNamespacedJobAsync(job, ns);
        var failed = await Eventually.GetAsync(() => _client.BatchV1.ReadNamespacedJobAsync("broken-1", ns),
            j => j.Status?.Conditions?.Any(c => c.Type == "Failed" && c.Status == "True") == true, "job failed");
        Assert.Equal(2, failed.Status.Failed);
        Assert.Equal("BackoffLimitExceeded", failed.Status.Conditions.First(c => c.Type == "Failed").Reason);
        var pods = (await _client.CoreV1.ListNamespacedPodAsync(ns)).Items;
        Assert.All(pods, p => Assert.Equal(3, p.Status.ContainerStatuses[0].State.Terminated.ExitCode));

        // The script's log is what the pods' log subresource returns.
        using var log = await _client.CoreV1.ReadNamespacedPodLogAsync(pods[0].Metadata.Name, ns);
        Assert.Equal("boom", await new StreamReader(log).ReadToEndAsync());
    }

    [Fact]
    public async Task PersistentVolumeClaims_are_bound_with_the_requested_capacity()
    {
        var ns = await cluster.NewNamespaceAsync("pvc");
        await _client.CoreV1.CreateNamespacedPersistentVolumeClaimAsync(new V1PersistentVolumeClaim
        {
            Metadata = new V1ObjectMeta { Name = "data" },
            Spec = new V1PersistentVolumeClaimSpec
            {
                AccessModes = ["ReadWriteOnce"],
                Resources = new V1VolumeResourceRequirements { Requests = new Dictionary<string, ResourceQuantity> { ["storage"] = new ResourceQuantity("5Gi") } },
            },
        }, ns);
        var bound = await Eventually.GetAsync(() => _client.CoreV1.ReadNamespacedPersistentVolumeClaimAsync("data", ns), c => c.Status?.Phase == "Bound", "claim bound");
        Assert.Equal("5Gi", bound.Status.Capacity["storage"].ToString());
        Assert.StartsWith("pvc-", bound.Spec.VolumeName, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Namespaces_get_a_default_ServiceAccount()
    {
        var ns = await cluster.NewNamespaceAsync("defsa");
        var sa = await Eventually.GetAsync(async () => (await _client.CoreV1.ListNamespacedServiceAccountAsync(ns)).Items, i => i.Count == 1, "default service account");
        Assert.Equal("default", sa[0].Metadata.Name);
    }

    private static V1Deployment Deployment(string name, string image, int replicas) => new()
    {
        Metadata = new V1ObjectMeta { Name = name },
        Spec = new V1DeploymentSpec
        {
            Replicas = replicas,
            Selector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["app"] = name } },
            Template = new V1PodTemplateSpec
            {
                Metadata = new V1ObjectMeta { Labels = new Dictionary<string, string> { ["app"] = name } },
                Spec = new V1PodSpec { Containers = [new V1Container { Name = "app", Image = image }] },
            },
        },
    };

    private static V1Job Job(string name, Dictionary<string, string>? annotations) => new()
    {
        Metadata = new V1ObjectMeta { Name = name },
        Spec = new V1JobSpec
        {
            Template = new V1PodTemplateSpec
            {
                Metadata = new V1ObjectMeta { Annotations = annotations },
                Spec = new V1PodSpec { RestartPolicy = "Never", Containers = [new V1Container { Name = "main", Image = "busybox:1" }] },
            },
        },
    };
}
