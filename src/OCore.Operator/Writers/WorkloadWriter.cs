using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace OCore.Operator.Writers;

/// <summary>
/// Creates or updates the built-in objects of an environment and a pipeline. Each write says what it wants and
/// keeps what others own (status, other fields defaulted by the server); creates that race are retried by the caller.
/// </summary>
public sealed class WorkloadWriter(IKubernetes kubernetes)
{
    public async Task CreateIfMissingAsync(V1Job job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        await IgnoreConflict(() => kubernetes.BatchV1.CreateNamespacedJobAsync(job, job.Metadata.NamespaceProperty, cancellationToken: cancellationToken));
    }

    public async Task CreateIfMissingAsync(V1PersistentVolumeClaim claim, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        // A claim's spec is immutable once bound: only ever created.
        await IgnoreConflict(() => kubernetes.CoreV1.CreateNamespacedPersistentVolumeClaimAsync(claim, claim.Metadata.NamespaceProperty, cancellationToken: cancellationToken));
    }

    public async Task ApplyAsync(V1ConfigMap configMap, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(configMap);
        var ns = configMap.Metadata.NamespaceProperty;
        var existing = await ReadAsync(() => kubernetes.CoreV1.ReadNamespacedConfigMapAsync(configMap.Metadata.Name, ns, cancellationToken: cancellationToken));
        if (existing is null)
        {
            await kubernetes.CoreV1.CreateNamespacedConfigMapAsync(configMap, ns, cancellationToken: cancellationToken);
            return;
        }

        configMap.Metadata.ResourceVersion = existing.Metadata.ResourceVersion;
        await kubernetes.CoreV1.ReplaceNamespacedConfigMapAsync(configMap, configMap.Metadata.Name, ns, cancellationToken: cancellationToken);
    }

    public async Task ApplyAsync(V1Service service, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(service);
        var ns = service.Metadata.NamespaceProperty;
        var existing = await ReadAsync(() => kubernetes.CoreV1.ReadNamespacedServiceAsync(service.Metadata.Name, ns, cancellationToken: cancellationToken));
        if (existing is null)
        {
            await kubernetes.CoreV1.CreateNamespacedServiceAsync(service, ns, cancellationToken: cancellationToken);
            return;
        }

        // The cluster IP is allocated once and immutable: keep it.
        service.Spec.ClusterIP = existing.Spec.ClusterIP;
        service.Spec.ClusterIPs = existing.Spec.ClusterIPs;
        service.Metadata.ResourceVersion = existing.Metadata.ResourceVersion;
        await kubernetes.CoreV1.ReplaceNamespacedServiceAsync(service, service.Metadata.Name, ns, cancellationToken: cancellationToken);
    }

    public async Task ApplyAsync(V1Ingress ingress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ingress);
        var ns = ingress.Metadata.NamespaceProperty;
        var existing = await ReadAsync(() => kubernetes.NetworkingV1.ReadNamespacedIngressAsync(ingress.Metadata.Name, ns, cancellationToken: cancellationToken));
        if (existing is null)
        {
            await kubernetes.NetworkingV1.CreateNamespacedIngressAsync(ingress, ns, cancellationToken: cancellationToken);
            return;
        }

        ingress.Metadata.ResourceVersion = existing.Metadata.ResourceVersion;
        await kubernetes.NetworkingV1.ReplaceNamespacedIngressAsync(ingress, ingress.Metadata.Name, ns, cancellationToken: cancellationToken);
    }

    /// <summary>Creates the workload, or replaces its spec (a new image starts a rollout); returns the stored object.</summary>
    public async Task<V1Deployment> ApplyAsync(V1Deployment deployment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        var ns = deployment.Metadata.NamespaceProperty;
        var existing = await ReadAsync(() => kubernetes.AppsV1.ReadNamespacedDeploymentAsync(deployment.Metadata.Name, ns, cancellationToken: cancellationToken));
        if (existing is null)
            return await kubernetes.AppsV1.CreateNamespacedDeploymentAsync(deployment, ns, cancellationToken: cancellationToken);

        deployment.Metadata.ResourceVersion = existing.Metadata.ResourceVersion;
        return await kubernetes.AppsV1.ReplaceNamespacedDeploymentAsync(deployment, deployment.Metadata.Name, ns, cancellationToken: cancellationToken);
    }

    /// <summary>Sets a workload's replicas (the cron workload is scaled to zero during a module update); missing workloads are skipped.</summary>
    public async Task ScaleAsync(string @namespace, string name, int replicas, CancellationToken cancellationToken)
    {
        var patch = new V1Patch(KubernetesJson.Serialize(new { spec = new { replicas } }), V1Patch.PatchType.MergePatch);
        try
        {
            await kubernetes.AppsV1.PatchNamespacedDeploymentAsync(patch, name, @namespace, cancellationToken: cancellationToken);
        }
        catch (HttpOperationException error) when (error.Response.StatusCode == HttpStatusCode.NotFound)
        {
            // Nothing to scale before the first rollout.
        }
    }

    /// <summary>Deletes a Job and its pods (a superseded or retired pipeline's work).</summary>
    public async Task DeleteJobAsync(string @namespace, string name, CancellationToken cancellationToken)
    {
        try
        {
            await kubernetes.BatchV1.DeleteNamespacedJobAsync(name, @namespace, propagationPolicy: "Background", cancellationToken: cancellationToken);
        }
        catch (HttpOperationException error) when (error.Response.StatusCode == HttpStatusCode.NotFound)
        {
            // Already gone.
        }
    }

    private static async Task<T?> ReadAsync<T>(Func<Task<T>> read)
        where T : class
    {
        try
        {
            return await read();
        }
        catch (HttpOperationException error) when (error.Response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    private static async Task IgnoreConflict<T>(Func<Task<T>> create)
    {
        try
        {
            await create();
        }
        catch (HttpOperationException error) when (error.Response.StatusCode == HttpStatusCode.Conflict)
        {
            // Already there: creation is idempotent.
        }
    }
}
