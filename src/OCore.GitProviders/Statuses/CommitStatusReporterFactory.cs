using OCore.Api.Git;

namespace OCore.GitProviders.Statuses;

/// <summary>Picks the <see cref="ICommitStatusReporter"/> for a repository's provider.</summary>
public static class CommitStatusReporterFactory
{
    /// <param name="provider">The repository's provider.</param>
    /// <param name="httpClient">Shared client.</param>
    /// <param name="token">The provider API token from <c>spec.statusReporting.tokenSecretRef</c>.</param>
    /// <param name="apiBaseUrl">
    /// API root for self-hosted servers (GitHub Enterprise <c>https://host/api/v3</c>, GitLab <c>https://host/api/v4</c>);
    /// by default derived from the repository's host (Bitbucket: Bitbucket Cloud).
    /// </param>
    /// <param name="timeProvider">Clock for rate-limit times.</param>
    public static ICommitStatusReporter Create(GitProvider provider, HttpClient httpClient, string token, Uri? apiBaseUrl = null,
        TimeProvider? timeProvider = null) => provider switch
        {
            GitProvider.GitHub => new GitHubCommitStatusReporter(httpClient, token, apiBaseUrl, timeProvider),
            GitProvider.GitLab => new GitLabCommitStatusReporter(httpClient, token, apiBaseUrl, timeProvider),
            GitProvider.Bitbucket => new BitbucketCommitStatusReporter(httpClient, token, apiBaseUrl, timeProvider),
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "no commit status reporter for this provider"),
        };
}
