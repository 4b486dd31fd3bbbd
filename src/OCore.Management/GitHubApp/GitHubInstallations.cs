using OCore.Api.V1Alpha1;

namespace OCore.Management.GitHubApp;

/// <summary>The organization's GitHub App installations (the spec's "Viewing Installations" and "Removing an Installation").</summary>
public static class GitHubInstallations
{
    /// <summary>All installations linked to the namespace, oldest first (the order the fallback uses).</summary>
    public static async Task<IReadOnlyList<GitHubInstallation>> ListAsync(OcoreResources resources, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resources);
        return (await resources.ListAsync<GitHubInstallation>(cancellationToken))
            .OrderBy(i => i.Metadata.CreationTimestamp).ThenBy(i => i.Metadata.Name, StringComparer.Ordinal).ToList();
    }

    /// <summary>Active: linked, not suspended. What the spec's installations listing shows.</summary>
    public static bool IsActive(GitHubInstallation installation)
    {
        ArgumentNullException.ThrowIfNull(installation);
        return installation.Spec.Unlinked != true && installation.Status?.Suspended != true;
    }

    /// <summary>unlinked, suspended, active, pending, or the Ready reason of a failed verification.</summary>
    public static string State(GitHubInstallation installation)
    {
        ArgumentNullException.ThrowIfNull(installation);
        return installation.Spec.Unlinked == true ? "unlinked"
            : installation.Status?.Suspended == true ? "suspended"
            : Conditions.Find(installation.Status?.Conditions, ConditionTypes.Ready) is { } ready
                ? (ready.Status == ConditionStatus.True ? "active" : ready.Reason)
                : "pending";
    }

    /// <summary>
    /// The soft delete: <c>spec.unlinked: true</c>. The record stays and routing skips it; deploy keys and manual
    /// webhooks keep working. Idempotent.
    /// </summary>
    public static async Task<GitHubInstallation> UnlinkAsync(OcoreResources resources, long installationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resources);
        var installation = (await resources.ListAsync<GitHubInstallation>(cancellationToken)).FirstOrDefault(i => i.Spec.InstallationId == installationId)
            ?? throw new ResourceNotFoundException("GitHubInstallation", $"with installation id {installationId}", resources.Namespace);
        if (installation.Spec.Unlinked == true)
            return installation;
        return await resources.MergePatchAsync<GitHubInstallation>(installation.Metadata.Name, new { spec = new { unlinked = true } }, cancellationToken);
    }
}
