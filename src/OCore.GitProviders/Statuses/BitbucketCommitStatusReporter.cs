using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using OCore.Api.Git;
using OCore.GitProviders.Http;
using OCore.GitProviders.Text;

namespace OCore.GitProviders.Statuses;

/// <summary>
/// Bitbucket Cloud build statuses (<c>POST /2.0/repositories/{workspace}/{repo}/commit/{sha}/statuses/build</c>)
/// with a repository or workspace access token as Bearer. States: INPROGRESS, SUCCESSFUL, FAILED, STOPPED.
/// A status with the same key replaces the previous one.
/// </summary>
public sealed class BitbucketCommitStatusReporter : ICommitStatusReporter
{
    /// <summary>Bitbucket keys are short identifiers; longer contexts are shortened to a stable hash-suffixed key.</summary>
    internal const int MaxKeyLength = 40;

    private readonly RestClient _rest;
    private readonly string _token;
    private readonly Uri _apiBaseUrl;

    /// <param name="httpClient">Shared client; its base address is not used.</param>
    /// <param name="token">Access token allowed to write repositories.</param>
    /// <param name="apiBaseUrl">API root without <c>/2.0</c>; <c>https://api.bitbucket.org</c> by default.</param>
    /// <param name="timeProvider">Clock for rate-limit times.</param>
    public BitbucketCommitStatusReporter(HttpClient httpClient, string token, Uri? apiBaseUrl = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentException.ThrowIfNullOrWhiteSpace(token);
        _rest = new RestClient(httpClient, "Bitbucket", timeProvider ?? TimeProvider.System);
        _token = token.Trim();
        _apiBaseUrl = apiBaseUrl ?? ApiBaseUrls.Bitbucket();
    }

    /// <remarks>Bitbucket requires a URL; without <paramref name="targetUrl"/> the status links to the commit's page.</remarks>
    public async Task ReportAsync(RepositoryUrl repository, string sha, CommitStatusState state, string context,
        Uri? targetUrl = null, string? description = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(repository);
        ArgumentException.ThrowIfNullOrWhiteSpace(sha);
        ArgumentException.ThrowIfNullOrWhiteSpace(context);

        var workspace = Uri.EscapeDataString(repository.Owner);
        var slug = Uri.EscapeDataString(repository.Name);
        var commit = Uri.EscapeDataString(sha);
        var body = new JsonObject
        {
            ["key"] = Key(context),
            ["state"] = StateName(state),
            ["url"] = (targetUrl ?? new Uri($"https://bitbucket.org/{workspace}/{slug}/commits/{commit}")).AbsoluteUri,
            ["name"] = TextLimits.Truncate(context, TextLimits.GitLabStatusDescription),
        };
        if (description is not null)
            body["description"] = TextLimits.Truncate(description, TextLimits.GitLabStatusDescription);

        var uri = ApiBaseUrls.Combine(_apiBaseUrl, $"/2.0/repositories/{workspace}/{slug}/commit/{commit}/statuses/build");
        using var request = RestClient.CreateRequest(HttpMethod.Post, uri, body);
        request.Headers.TryAddWithoutValidation("Authorization", $"Bearer {_token}");
        request.Headers.Accept.ParseAdd("application/json");
        using var response = await _rest.SendCheckedAsync(request, cancellationToken);
    }

    internal static string StateName(CommitStatusState state) => state switch
    {
        CommitStatusState.Pending or CommitStatusState.Running => "INPROGRESS",
        CommitStatusState.Success => "SUCCESSFUL",
        CommitStatusState.Failure => "FAILED",
        CommitStatusState.Canceled => "STOPPED",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };

    /// <summary>The context itself when short enough, else its first characters and a hash, so it stays unique and stable.</summary>
    internal static string Key(string context)
    {
        if (context.Length <= MaxKeyLength)
            return context;
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(context)))[..12];
        return $"{context[..(MaxKeyLength - hash.Length - 1)]}-{hash}";
    }
}
