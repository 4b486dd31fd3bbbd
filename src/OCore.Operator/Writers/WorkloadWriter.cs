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

    public Task<V1ConfigMap> ApplyAsync(V1ConfigMap configMap, CancellationToken cancellationToken) =>
        CreateOrReplaceAsync(configMap,
            (name, ns) => kubernetes.CoreV1.ReadNamespacedConfigMapAsync(name, ns, cancellationToken: cancellationToken),
            (obj, ns) => kubernetes.CoreV1.CreateNamespacedConfigMapAsync(obj, ns, cancellationToken: cancellationToken),
            (obj, name, ns) => kubernetes.CoreV1.ReplaceNamespacedConfigMapAsync(obj, name, ns, cancellationToken: cancellationToken));

    public Task<V1Service> ApplyAsync(V1Service service, CancellationToken cancellationToken) =>
        CreateOrReplaceAsync(service,
            (name, ns) => kubernetes.CoreV1.ReadNamespacedServiceAsync(name, ns, cancellationToken: cancellationToken),
            (obj, ns) => kubernetes.CoreV1.CreateNamespacedServiceAsync(obj, ns, cancellationToken: cancellationToken),
            (obj, name, ns) => kubernetes.CoreV1.ReplaceNamespacedServiceAsync(obj, name, ns, cancellationToken: cancellationToken),
            (existing, desired) =>
            {
                // The cluster IP is allocated once and immutable: keep it.
                desired.Spec.ClusterIP = existing.Spec.ClusterIP;
                desired.Spec.ClusterIPs = existing.Spec.ClusterIPs;
            });

    public Task<V1Ingress> ApplyAsync(V1Ingress ingress, CancellationToken cancellationToken) =>
        CreateOrReplaceAsync(ingress,
            (name, ns) => kubernetes.NetworkingV1.ReadNamespacedIngressAsync(name, ns, cancellationToken: cancellationToken),
            (obj, ns) => kubernetes.NetworkingV1.CreateNamespacedIngressAsync(obj, ns, cancellationToken: cancellationToken),
            (obj, name, ns) => kubernetes.NetworkingV1.ReplaceNamespacedIngressAsync(obj, name, ns, cancellationToken: cancellationToken));

    /// <summary>Creates the workload, or replaces its spec (a new image starts a rollout); returns the stored object.</summary>
    public Task<V1Deployment> ApplyAsync(V1Deployment deployment, CancellationToken cancellationToken) =>
        CreateOrReplaceAsync(deployment,
            (name, ns) => kubernetes.AppsV1.ReadNamespacedDeploymentAsync(name, ns, cancellationToken: cancellationToken),
            (obj, ns) => kubernetes.AppsV1.CreateNamespacedDeploymentAsync(obj, ns, cancellationToken: cancellationToken),
            (obj, name, ns) => kubernetes.AppsV1.ReplaceNamespacedDeploymentAsync(obj, name, ns, cancellationToken: cancellationToken));

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

    /// <summary>
    /// Creates <paramref name="desired"/>, or replaces what is stored under its name with it (at the stored
    /// resourceVersion, so a concurrent write is a conflict, not a lost update); <paramref name="keep"/> copies what the
    /// server owns from the stored object first. Returns the stored object.
    /// </summary>
    private static async Task<T> CreateOrReplaceAsync<T>(T desired, Func<string, string, Task<T>> read, Func<T, string, Task<T>> create,
        Func<T, string, string, Task<T>> replace, Action<T, T>? keep = null)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        ArgumentNullException.ThrowIfNull(desired);
        var (name, ns) = (desired.Metadata.Name, desired.Metadata.NamespaceProperty);
        var existing = await ReadAsync(() => read(name, ns));
        if (existing is null)
            return await create(desired, ns);

        keep?.Invoke(existing, desired);
        desired.Metadata.ResourceVersion = existing.Metadata.ResourceVersion;
        return await replace(desired, name, ns);
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
