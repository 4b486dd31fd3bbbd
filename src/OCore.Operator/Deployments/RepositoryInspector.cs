using OCore.Api.Git;
using OCore.Git.Modules;
using OCore.Git.Remote;

namespace OCore.Operator.Deployments;

/// <summary>
/// The Prepare step's git work, done by the operator with the deploy key: checks the branch still points at the
/// commit (so a late webhook for an older push never rolls an environment back), fetches the commit and the one
/// deployed before, and computes which Odoo modules to update and install.
/// </summary>
/// <remarks>
/// One fetch of the branch proves where it points and brings the commit; the commits stay in a
/// <see cref="CommitCache"/>, so the one deployed before is usually there already and no checkout is written. With
/// the shared ssh connection of <see cref="RemoteRepository"/>, a push costs one round trip to the Git server.
/// </remarks>
public sealed class RepositoryInspector(RemoteRepository git, CommitCache? cache = null)
{
    private readonly CommitCache _cache = cache ?? CommitCache.Shared;

    public Task<RepositoryInspection> InspectAsync(
        RepositoryUrl repository, DeployKeyCredentials credentials, string branch, string commit, string? previousCommit, bool requireBranchHead,
        CancellationToken cancellationToken)
    {
        // No server has a branch git would not accept as a name (and such a name must not reach a refspec).
        if (requireBranchHead && !GitRefs.IsValidBranchName(branch))
            return Task.FromResult(RepositoryInspection.Stale($"branch '{branch}' no longer exists"));

        var baseCommit = previousCommit is not null && previousCommit != commit ? previousCommit : null;
        return _cache.UseAsync(repository, credentials, async local =>
        {
            if (requireBranchHead)
            {
                var head = await git.FetchBranchTipAsync(repository, credentials, branch, local, baseCommit, cancellationToken);
                if (head is null)
                    return RepositoryInspection.Stale($"branch '{branch}' no longer exists");
                if (!string.Equals(head, commit, StringComparison.OrdinalIgnoreCase))
                    return RepositoryInspection.Stale($"branch '{branch}' has moved on to {head[..12]}; {commit[..12]} is not deployed");
            }
            else
            {
                await git.FetchCommitAsync(repository, credentials, commit, local, baseCommit, cancellationToken);
            }

            try
            {
                var changes = OdooModuleChanges.Compute(local, baseCommit, commit);
                return new RepositoryInspection(null, changes, Describe(changes, baseCommit));
            }
            catch (ArgumentException) when (baseCommit is not null)
            {
                // The deployed commit is gone (a force push): compare with nothing, so every module is installed or updated.
                var changes = OdooModuleChanges.Compute(local, null, commit);
                return new RepositoryInspection(null, changes, $"the deployed commit {baseCommit[..12]} is no longer in the repository; " + Describe(changes, null));
            }
        }, cancellationToken);
    }

    private static string Describe(OdooModuleChanges changes, string? baseCommit)
    {
        var parts = new List<string>();
        if (changes.Update.Count > 0)
            parts.Add($"update {string.Join(", ", changes.Update)}");
        if (changes.Install.Count > 0)
            parts.Add($"install {string.Join(", ", changes.Install)}");
        if (changes.Removed.Count > 0)
            parts.Add($"removed {string.Join(", ", changes.Removed)}");
        if (changes.RequirementsChanged)
            parts.Add("Python requirements changed");
        var since = baseCommit is null ? "first deployment" : $"since {baseCommit[..12]}";
        return parts.Count == 0 ? $"no Odoo module changed ({since})" : $"{string.Join("; ", parts)} ({since})";
    }
}
