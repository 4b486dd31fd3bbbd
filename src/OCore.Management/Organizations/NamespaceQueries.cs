using System.Net;
using k8s;
using k8s.Autorest;

namespace OCore.Management.Organizations;

/// <summary>oCore organizations are namespaces.</summary>
public static class NamespaceQueries
{
    /// <summary>The namespaces the caller may list, by name; null when their roles do not allow listing namespaces.</summary>
    public static async Task<IReadOnlyList<string>?> ListVisibleAsync(IKubernetes client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        try
        {
            return (await client.CoreV1.ListNamespaceAsync(cancellationToken: cancellationToken)).Items
                .Select(n => n.Metadata.Name).Order(StringComparer.Ordinal).ToList();
        }
        catch (HttpOperationException error) when (error.Response.StatusCode == HttpStatusCode.Forbidden)
        {
            return null;
        }
    }
}
