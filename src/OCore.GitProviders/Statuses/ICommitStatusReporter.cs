using OCore.Api.Git;

namespace OCore.GitProviders.Statuses;

/// <summary>
/// Reports a deployment's state on a commit with a plain API token (the project's
/// <c>spec.statusReporting.tokenSecretRef</c>), for repositories no GitHub App installation serves.
/// Get one from <see cref="CommitStatusReporterFactory"/>.
/// </summary>
public interface ICommitStatusReporter
{
    /// <summary>Sets the commit status named <paramref name="context"/> on <paramref name="sha"/>; a later report with the same name replaces it.</summary>
    /// <param name="repository">The repository; its owner (GitHub owner, GitLab namespace, Bitbucket workspace) and name address the API.</param>
    /// <param name="sha">The full commit id.</param>
    /// <param name="state">The deployment's state.</param>
    /// <param name="context">The status' name, such as <c>ocore/production</c> (GitHub context, GitLab name, Bitbucket key and name).</param>
    /// <param name="targetUrl">Where the status links to.</param>
    /// <param name="description">Short text; cut to the provider's limit.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <exception cref="RateLimitedException">The provider's rate limit was hit; requeue for its <c>RetryAt</c>.</exception>
    /// <exception cref="GitProviderException">The provider refused the status.</exception>
    Task ReportAsync(RepositoryUrl repository, string sha, CommitStatusState state, string context,
        Uri? targetUrl = null, string? description = null, CancellationToken cancellationToken = default);
}
