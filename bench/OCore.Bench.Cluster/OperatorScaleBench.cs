using System.Diagnostics;
using k8s;
using OCore.Api.Naming;
using OCore.Api.V1Alpha1;
using Deployment = OCore.Api.V1Alpha1.Deployment;

namespace OCore.Bench.Cluster;

/// <summary>
/// Figure 3 (operator scale): the operator process starts against a DevCluster already holding the seeded Projects
/// and BranchMappings. Timed: until /readyz (every informer listed and watching), until every Project's status has
/// caught up with its generation, and until the work queues are empty. Then a steady stream of Deployments;
/// reconciles per second come from the operator's own ocore_reconcile_total, memory from its /metrics and /proc.
/// </summary>
internal sealed class OperatorScaleBench(Kubernetes client, string kubeconfig, string outDirectory, BenchOutput output)
{
    private static readonly TimeSpan SyncTimeout = TimeSpan.FromMinutes(6);

    public async Task RunAsync(int projects, int deploymentsPerSecond, TimeSpan streamFor)
    {
        await using var reconciled = new ReconciledWatch<Project>(client, p => p.Status?.ObservedGeneration);
        await using var op = OperatorProcess.Start(kubeconfig, 18290, Path.Combine(outDirectory, "scale-operator.log"));
        var clock = Stopwatch.StartNew();
        while (!await op.IsReadyAsync())
        {
            Timeout(clock, "the operator's caches to sync");
            await Task.Delay(50);
        }

        output.Add("SCALE_READY_S", clock.Elapsed.TotalSeconds);
        while (reconciled.Count < projects)
        {
            Timeout(clock, $"every Project to be reconciled ({reconciled.Count} of {projects})");
            await Task.Delay(100);
        }

        output.Add("SCALE_PROJECTS_RECONCILED_S", clock.Elapsed.TotalSeconds);
        // Mappings follow their projects (every project status change requeues its mappings): wait for their queues to
        // drain. The repository controller is left out: the seeded repositories are unreachable here (no network), so it
        // retries each one every 30 s for as long as the operator runs; its load is reported on its own.
        while (await op.MetricAsync("ocore_workqueue_depth", "controller=\"project\"") + await op.MetricAsync("ocore_workqueue_depth", "controller=\"branchmapping\"") > 0)
        {
            Timeout(clock, "the work queues to drain");
            await Task.Delay(200);
        }

        var settled = clock.Elapsed.TotalSeconds;
        var initialReconciles = await op.MetricAsync("ocore_reconcile_total");
        output.Add("SCALE_SETTLED_S", settled);
        output.Add("SCALE_INITIAL_RECONCILES", initialReconciles);
        output.Add("SCALE_INITIAL_RECONCILES_PER_S", initialReconciles / settled);
        output.Add("SCALE_PROJECT_RECONCILES", await op.MetricAsync("ocore_reconcile_total", "controller=\"project\""));
        output.Add("SCALE_MAPPING_RECONCILES", await op.MetricAsync("ocore_reconcile_total", "controller=\"branchmapping\""));
        output.Add("SCALE_REPOSITORY_RECONCILES", await op.MetricAsync("ocore_reconcile_total", "controller=\"repository\""));
        output.Add("SCALE_RECONCILE_ERRORS", await op.MetricAsync("ocore_reconcile_total", "result=\"error\""));
        await Task.Delay(TimeSpan.FromSeconds(5));
        await RecordMemoryAsync(op, "SYNCED");

        if (streamFor <= TimeSpan.Zero)
            return;

        // A stream of Deployments, as pushes to random projects would create them.
        var before = await op.MetricAsync("ocore_reconcile_total");
        var beforeDeployments = await op.MetricAsync("ocore_reconcile_total", "controller=\"deployment\"");
        var random = new Random(11);
        var created = 0;
        var stream = Stopwatch.StartNew();
        while (stream.Elapsed < streamFor)
        {
            var due = (int)(stream.Elapsed.TotalSeconds * deploymentsPerSecond);
            for (; created < due; created++)
                await CreateDeploymentAsync(random.Next(projects), created);
            await Task.Delay(20);
        }

        while (await op.MetricAsync("ocore_workqueue_depth", "controller=\"deployment\"") > 0 && stream.Elapsed < streamFor * 2)
            await Task.Delay(200);
        var streamSeconds = stream.Elapsed.TotalSeconds;
        output.Add("SCALE_STREAM_DEPLOYMENTS", created);
        output.Add("SCALE_STREAM_S", streamSeconds);
        output.Add("SCALE_STREAM_RECONCILES_PER_S", (await op.MetricAsync("ocore_reconcile_total") - before) / streamSeconds);
        output.Add("SCALE_STREAM_DEPLOYMENT_RECONCILES", await op.MetricAsync("ocore_reconcile_total", "controller=\"deployment\"") - beforeDeployments);
        await Task.Delay(TimeSpan.FromSeconds(5));
        await RecordMemoryAsync(op, "STREAM");
    }

    private async Task CreateDeploymentAsync(int project, int sequence)
    {
        var ns = Seeder.Namespace(project);
        var name = Seeder.ProjectName(project);
        var commit = Convert.ToHexStringLower(System.Security.Cryptography.SHA1.HashData(BitConverter.GetBytes(sequence)));
        var deployment = new Deployment
        {
            Metadata = new k8s.Models.V1ObjectMeta
            {
                Name = ObjectNames.ForDeployment(name, "production", commit),
                NamespaceProperty = ns,
                Labels = new Dictionary<string, string> { [Labels.Project] = name, [Labels.Environment] = "production", [Labels.Branch] = "main" },
            },
            Spec = new DeploymentSpec
            {
                ProjectRef = new LocalObjectReference { Name = name },
                EnvironmentRef = new LocalObjectReference { Name = "production" },
                Branch = "main",
                Commit = commit,
                Trigger = new DeploymentTrigger { Source = TriggerSource.Webhook },
            },
        };
        await client.CustomObjects.CreateNamespacedCustomObjectAsync(deployment, "ocore.io", "v1alpha1", ns, "deployments");
    }

    private async Task RecordMemoryAsync(OperatorProcess op, string phase)
    {
        output.Add($"SCALE_{phase}_RSS_MIB", op.Process.ResidentBytes() / 1048576.0);
        output.Add($"SCALE_{phase}_WORKING_SET_MIB", await op.MetricAsync("process_working_set_bytes") / 1048576.0);
        output.Add($"SCALE_{phase}_GC_HEAP_MIB", await op.MetricAsync("dotnet_total_memory_bytes") / 1048576.0);
    }

    private static void Timeout(Stopwatch clock, string what)
    {
        if (clock.Elapsed > SyncTimeout)
            throw new TimeoutException($"gave up waiting for {what} after {SyncTimeout.TotalMinutes} minutes");
    }
}
