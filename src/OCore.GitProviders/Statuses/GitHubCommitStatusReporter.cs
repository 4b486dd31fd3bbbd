using OCore.Api.Git;
using OCore.GitProviders.GitHubApp;
using OCore.GitProviders.Http;

namespace OCore.GitProviders.Statuses;

/// <summary>
/// GitHub commit statuses with a personal or fine-grained token (<c>POST /repos/{owner}/{repo}/statuses/{sha}</c>,
/// Commit statuses: write). Running maps to pending and Canceled to error; the description is cut to 140 characters.
/// </summary>
public sealed class GitHubCommitStatusReporter : ICommitStatusReporter
{
    private readonly RestClient _rest;
    private readonly string _token;
    private readonly Uri? _apiBaseUrl;
    private readonly string _userAgent;

    /// <param name="httpClient">Shared client; its base address is not used.</param>
    /// <param name="token">API token allowed to write commit statuses.</param>
    /// <param name="apiBaseUrl">API root; by default <c>https://api.github.com</c> for github.com, <c>https://host/api/v3</c> otherwise.</param>
    /// <param name="timeProvider">Clock for rate-limit times.</param>
    /// <param name="userAgent">GitHub rejects requests without a User-Agent.</param>
    public GitHubCommitStatusReporter(HttpClient httpClient, string token, Uri? apiBaseUrl = null, TimeProvider? timeProvider = null,
        string userAgent = "oCore")
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentException.ThrowIfNullOrWhiteSpace(token);
        _rest = new RestClient(httpClient, GitHubHttp.ProviderName, timeProvider ?? TimeProvider.System);
        _token = token.Trim();
        _apiBaseUrl = apiBaseUrl;
        _userAgent = userAgent;
    }

    public async Task ReportAsync(RepositoryUrl repository, string sha, CommitStatusState state, string context,
        Uri? targetUrl = null, string? description = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(repository);
        ArgumentException.ThrowIfNullOrWhiteSpace(sha);
        var status = new NewCommitStatus(ToGitHub(state), context, targetUrl, description);
        var uri = GitHubHttp.Api(_apiBaseUrl ?? ApiBaseUrls.GitHub(repository),
            $"{GitHubHttp.Repo(repository.Owner, repository.Name)}/statuses/{Uri.EscapeDataString(sha)}");
        using var request = GitHubHttp.Request(HttpMethod.Post, uri, GitHubWire.CommitStatusBody(status), $"Bearer {_token}", _userAgent);
        using var response = await _rest.SendCheckedAsync(request, cancellationToken);
    }

    internal static GitHubCommitState ToGitHub(CommitStatusState state) => state switch
    {
        CommitStatusState.Pending or CommitStatusState.Running => GitHubCommitState.Pending,
        CommitStatusState.Success => GitHubCommitState.Success,
        CommitStatusState.Failure => GitHubCommitState.Failure,
        CommitStatusState.Canceled => GitHubCommitState.Error,
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };
}
