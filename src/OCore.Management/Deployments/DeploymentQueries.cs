using OCore.Api.V1Alpha1;

namespace OCore.Management.Deployments;

/// <summary>Reading Deployments: a project's, newest first, and one Deployment's changes as they happen.</summary>
public static class DeploymentQueries
{
    public static async Task<IReadOnlyList<Deployment>> ListForProjectAsync(OcoreResources resources, string projectName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resources);
        return (await resources.ListAsync<Deployment>(cancellationToken))
            .Where(d => d.Spec.ProjectRef.Name == projectName)
            .OrderByDescending(d => d.Metadata.CreationTimestamp)
            .ThenBy(d => d.Metadata.Name, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// The Deployment now, then each time it changes, until it is deleted or <paramref name="cancellationToken"/> fires.
    /// A watch that ends or expires (410 Gone) is resumed from a fresh list, so no change is missed for long.
    /// </summary>
    public static async IAsyncEnumerable<Deployment> FollowAsync(OcoreResources resources, string name,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resources);
        while (!cancellationToken.IsCancellationRequested)
        {
            var list = await resources.ListWithVersionAsync<Deployment>(cancellationToken);
            var current = list.Items.FirstOrDefault(d => d.Metadata.Name == name);
            if (current is null)
                yield break;
            yield return current;

            var changes = resources.WatchAsync<Deployment>(list.ResourceVersion, cancellationToken).GetAsyncEnumerator(cancellationToken);
            try
            {
                while (await NextAsync(changes))
                {
                    var (type, deployment) = changes.Current;
                    if (deployment.Metadata.Name != name)
                        continue;
                    if (type == k8s.WatchEventType.Deleted)
                        yield break;
                    yield return deployment;
                }
            }
            finally
            {
                await changes.DisposeAsync();
            }
        }
    }

    /// <summary>The next watch event; false when the watch ended or failed (the caller lists again).</summary>
    private static async Task<bool> NextAsync(IAsyncEnumerator<(k8s.WatchEventType Type, Deployment Object)> changes)
    {
        try
        {
            return await changes.MoveNextAsync();
        }
        catch (Exception failure) when (failure is k8s.Autorest.HttpOperationException or HttpRequestException or IOException or k8s.KubernetesException or OCore.Runtime.Informers.KubernetesApiException)
        {
            return false;
        }
    }
}
