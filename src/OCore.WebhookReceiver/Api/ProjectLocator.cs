using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using OCore.Api.Naming;
using OCore.WebhookReceiver.Cluster;

namespace OCore.WebhookReceiver.Api;

/// <summary>
/// Reads the API's <c>{projectId}</c>: either the Project's <c>status.projectId</c> (the id in its webhook URL) or
/// <c>&lt;namespace&gt;.&lt;name&gt;</c>, which also names a Project that does not exist yet (connecting a repository
/// creates it). Namespaces never contain a dot, so the first dot splits the two. Resolving an id only finds a name:
/// reading or writing the Project is still done with the caller's token.
/// </summary>
internal sealed partial class ProjectLocator(ClusterCaches caches, IOptions<ClusterOptions> options)
{
    public ProjectLocation? Find(string projectId)
    {
        var dot = projectId.IndexOf('.', StringComparison.Ordinal);
        if (dot > 0)
        {
            var location = new ProjectLocation(projectId[..dot], projectId[(dot + 1)..]);
            return DnsLabel().IsMatch(location.Namespace) && DnsSubdomain().IsMatch(location.Name) && IsServed(location.Namespace) ? location : null;
        }

        if (!ProjectIds.IsWellFormed(projectId))
            return null;
        var project = caches.Projects.ByIndex(ClusterCaches.ByProjectId, projectId).FirstOrDefault();
        return project is null ? null : new ProjectLocation(project.Metadata.NamespaceProperty, project.Metadata.Name);
    }

    private bool IsServed(string @namespace) =>
        string.IsNullOrEmpty(options.Value.WatchNamespace) || options.Value.WatchNamespace == @namespace;

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$")]
    private static partial Regex DnsLabel();

    [GeneratedRegex("^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$")]
    private static partial Regex DnsSubdomain();
}
