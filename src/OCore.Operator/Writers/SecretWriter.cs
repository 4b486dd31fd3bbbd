using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace OCore.Operator.Writers;

/// <summary>Creates or replaces Secrets oCore owns. A create that finds the Secret already there is a conflict to retry.</summary>
public sealed class SecretWriter(IKubernetes kubernetes)
{
    public Task<V1Secret> CreateAsync(V1Secret secret, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(secret);
        return kubernetes.CoreV1.CreateNamespacedSecretAsync(secret, secret.Metadata.NamespaceProperty, cancellationToken: cancellationToken);
    }

    /// <summary>Replaces the Secret guarded by the resourceVersion it was read at.</summary>
    public Task<V1Secret> ReplaceAsync(V1Secret secret, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(secret);
        return kubernetes.CoreV1.ReplaceNamespacedSecretAsync(secret, secret.Metadata.Name, secret.Metadata.NamespaceProperty, cancellationToken: cancellationToken);
    }

    public async Task<V1Secret?> ReadAsync(string @namespace, string name, CancellationToken cancellationToken)
    {
        try
        {
            return await kubernetes.CoreV1.ReadNamespacedSecretAsync(name, @namespace, cancellationToken: cancellationToken);
        }
        catch (HttpOperationException error) when (error.Response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }
}
