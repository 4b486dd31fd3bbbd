using OCore.Api.V1Alpha1;

namespace OCore.Api.GitHubApp;

/// <summary>
/// The spec's multi-installation routing: among the organization's active installations (verified, not unlinked,
/// not suspended), the one whose account login equals the repository owner, case-insensitively; otherwise the
/// first available one, the oldest linked. Derived at run time, nothing stored per project.
/// </summary>
public static class InstallationRouter
{
    public static bool IsActive(GitHubInstallation installation)
    {
        ArgumentNullException.ThrowIfNull(installation);
        return installation.Status?.Verified == true
            && installation.Spec.Unlinked != true
            && installation.Status.Suspended != true
            && installation.Metadata.DeletionTimestamp is null;
    }

    /// <summary>The route for a repository owned by <paramref name="owner"/>, or null when no installation is active.</summary>
    public static InstallationRoute? Route(string owner, IEnumerable<GitHubInstallation> installations)
    {
        ArgumentNullException.ThrowIfNull(owner);
        var active = installations.Where(IsActive)
            .OrderBy(i => i.Metadata.CreationTimestamp ?? DateTime.MaxValue)
            .ThenBy(i => i.Metadata.Name, StringComparer.Ordinal)
            .ToList();
        var match = active.FirstOrDefault(i => string.Equals(i.Status!.AccountLogin, owner, StringComparison.OrdinalIgnoreCase));
        if (match is not null)
            return new InstallationRoute(match, InstallationMatch.Owner);
        return active.Count > 0 ? new InstallationRoute(active[0], InstallationMatch.Fallback) : null;
    }
}
