using System.Text.Json.Nodes;
using OCore.Api.Git;
using OCore.GitProviders.Http;
using OCore.GitProviders.Text;

namespace OCore.GitProviders.Statuses;

/// <summary>
/// GitLab commit statuses (<c>POST /projects/:id/statuses/:sha</c>, <c>:id</c> being the URL-encoded
/// <c>path_with_namespace</c>) with a project, group or personal access token in <c>PRIVATE-TOKEN</c>.
/// States: pending, running, success, failed, canceled; the description is cut to 255 characters.
/// </summary>
public sealed class GitLabCommitStatusReporter : ICommitStatusReporter
{
    private readonly RestClient _rest;
    private readonly string _token;
    private readonly Uri? _apiBaseUrl;

    /// <param name="httpClient">Shared client; its base address is not used.</param>
    /// <param name="token">Access token with the <c>api</c> scope.</param>
    /// <param name="apiBaseUrl">API root including <c>/api/v4</c> (<c>https://gitlab.example.com/api/v4</c>); by default the repository host's.</param>
    /// <param name="timeProvider">Clock for rate-limit times.</param>
    public GitLabCommitStatusReporter(HttpClient httpClient, string token, Uri? apiBaseUrl = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentException.ThrowIfNullOrWhiteSpace(token);
        _rest = new RestClient(httpClient, "GitLab", timeProvider ?? TimeProvider.System);
        _token = token.Trim();
        _apiBaseUrl = apiBaseUrl;
    }

    public async Task ReportAsync(RepositoryUrl repository, string sha, CommitStatusState state, string context,
        Uri? targetUrl = null, string? description = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(repository);
        ArgumentException.ThrowIfNullOrWhiteSpace(sha);
        ArgumentException.ThrowIfNullOrWhiteSpace(context);

        var body = new JsonObject { ["state"] = StateName(state), ["name"] = context };
        if (targetUrl is not null)
            body["target_url"] = targetUrl.AbsoluteUri;
        if (description is not null)
            body["description"] = TextLimits.Truncate(description, TextLimits.GitLabStatusDescription);

        // The project path goes in one segment, its slashes encoded (group%2Fsub%2Frepo).
        var path = $"/projects/{Uri.EscapeDataString(repository.FullName)}/statuses/{Uri.EscapeDataString(sha)}";
        using var request = RestClient.CreateRequest(HttpMethod.Post, ApiBaseUrls.Combine(_apiBaseUrl ?? ApiBaseUrls.GitLab(repository), path), body);
        request.Headers.Add("PRIVATE-TOKEN", _token);
        request.Headers.Accept.ParseAdd("application/json");
        using var response = await _rest.SendCheckedAsync(request, cancellationToken);
    }

    internal static string StateName(CommitStatusState state) => state switch
    {
        CommitStatusState.Pending => "pending",
        CommitStatusState.Running => "running",
        CommitStatusState.Success => "success",
        CommitStatusState.Failure => "failed",
        CommitStatusState.Canceled => "canceled",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };
}
