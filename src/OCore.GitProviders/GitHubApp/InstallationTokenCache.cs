using System.Collections.Concurrent;
using OCore.GitProviders.GitHubApp.Json;
using OCore.GitProviders.Http;

namespace OCore.GitProviders.GitHubApp;

/// <summary>
/// Installation access tokens, exchanged with the App JWT (<c>POST /app/installations/{id}/access_tokens</c>) and
/// reused until 5 minutes before they expire. Thread-safe; at most one exchange runs per installation at a time,
/// so concurrent reconcilers share one token.
/// </summary>
public sealed class InstallationTokenCache
{
    /// <summary>Tokens are renewed this long before <c>expires_at</c>, so no call starts with a token about to lapse.</summary>
    public static readonly TimeSpan RefreshBeforeExpiry = TimeSpan.FromMinutes(5);

    private readonly GitHubAppOptions _options;
    private readonly GitHubAppJwt _appJwt;
    private readonly RestClient _rest;
    private readonly ConcurrentDictionary<long, InstallationToken> _tokens = new();
    private readonly ConcurrentDictionary<long, SemaphoreSlim> _exchanges = new();

    public InstallationTokenCache(HttpClient httpClient, GitHubAppOptions options, GitHubAppJwt appJwt, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(appJwt);
        _options = options;
        _appJwt = appJwt;
        _rest = new RestClient(httpClient, GitHubHttp.ProviderName, timeProvider ?? TimeProvider.System);
    }

    /// <summary>A token for <paramref name="installationId"/> valid for at least 5 more minutes.</summary>
    /// <exception cref="InstallationSuspendedException">The installation is suspended.</exception>
    /// <exception cref="RateLimitedException">GitHub's rate limit was hit; retry at its <c>RetryAt</c>.</exception>
    /// <exception cref="GitProviderException">GitHub refused the exchange (unknown installation, bad key, …).</exception>
    public async Task<InstallationToken> GetTokenAsync(long installationId, CancellationToken cancellationToken = default)
    {
        if (TryGetFresh(installationId, out var token))
            return token;

        var exchange = _exchanges.GetOrAdd(installationId, _ => new SemaphoreSlim(1, 1));
        await exchange.WaitAsync(cancellationToken);
        try
        {
            // Another caller may have exchanged while this one waited.
            if (TryGetFresh(installationId, out token))
                return token;
            token = await ExchangeAsync(installationId, cancellationToken);
            _tokens[installationId] = token;
            return token;
        }
        finally
        {
            exchange.Release();
        }
    }

    /// <summary>Forgets the cached token, so the next call exchanges a new one (after a revocation, say).</summary>
    public void Invalidate(long installationId) => _tokens.TryRemove(installationId, out _);

    /// <summary>Forgets <paramref name="token"/> only if it is still the cached one, so a newer token survives.</summary>
    internal void Invalidate(long installationId, InstallationToken token) =>
        _tokens.TryRemove(KeyValuePair.Create(installationId, token));

    private bool TryGetFresh(long installationId, out InstallationToken token)
    {
        if (_tokens.TryGetValue(installationId, out var cached) && _rest.Time.GetUtcNow() < cached.ExpiresAt - RefreshBeforeExpiry)
        {
            token = cached;
            return true;
        }

        token = null!;
        return false;
    }

    private async Task<InstallationToken> ExchangeAsync(long installationId, CancellationToken cancellationToken)
    {
        var uri = GitHubHttp.Api(_options.ApiBaseUrl, $"/app/installations/{installationId}/access_tokens");
        using var request = GitHubHttp.Request(HttpMethod.Post, uri, null, $"Bearer {_appJwt.Create()}", _options.UserAgent);
        using var response = await _rest.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
            throw await GitHubHttp.InstallationErrorAsync(_rest, response, installationId, cancellationToken);

        var answer = await RestClient.ReadJsonAsync<AccessTokenResponse>(response, cancellationToken);
        if (string.IsNullOrEmpty(answer.Token))
            throw new GitProviderException($"GitHub returned no token for installation {installationId}", response.StatusCode);
        return new InstallationToken(answer.Token, answer.ExpiresAt);
    }
}
