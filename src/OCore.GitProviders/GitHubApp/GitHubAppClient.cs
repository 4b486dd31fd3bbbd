using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using OCore.Api.V1Alpha1;
using OCore.GitProviders.GitHubApp.Json;
using OCore.GitProviders.Http;

namespace OCore.GitProviders.GitHubApp;

/// <summary>
/// The GitHub App's REST calls: installation lookup with the App JWT, and repository calls (deploy keys, webhooks,
/// check runs, commit statuses) with the installation's token. Every failure is a <see cref="GitProviderException"/>;
/// rate limits are a <see cref="RateLimitedException"/> to requeue on, a suspended installation an
/// <see cref="InstallationSuspendedException"/>. Nothing sleeps except the one short retry GitHub asks for when a
/// freshly issued token is refused with 401.
/// </summary>
public sealed class GitHubAppClient : IDisposable
{
    /// <summary>GitHub's largest page.</summary>
    private const int PageSize = 100;

    /// <summary>A runaway Link chain must not loop forever (100 pages are 10,000 keys or hooks).</summary>
    private const int MaxPages = 100;

    private static readonly string[] PushEvent = ["push"];

    private readonly GitHubAppOptions _options;
    private readonly GitHubAppJwt _appJwt;
    private readonly RestClient _rest;

    /// <param name="httpClient">Shared client; the base address and default headers are not used.</param>
    /// <param name="options">The App's identity and GitHub's addresses.</param>
    /// <param name="timeProvider">Clock for JWTs, token expiry and rate-limit times; the system clock by default.</param>
    public GitHubAppClient(HttpClient httpClient, GitHubAppOptions options, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        var time = timeProvider ?? TimeProvider.System;
        _options = options;
        _appJwt = new GitHubAppJwt(options.AppId, options.PrivateKeyPem, time);
        _rest = new RestClient(httpClient, GitHubHttp.ProviderName, time);
        Tokens = new InstallationTokenCache(httpClient, options, _appJwt, time);
    }

    /// <summary>The installation tokens this client uses; also usable for <c>git</c> over HTTPS (user <c>x-access-token</c>).</summary>
    public InstallationTokenCache Tokens { get; }

    public GitHubAppOptions Options => _options;

    /// <summary>Looks an installation up with the App JWT: to verify an <c>installation_id</c> from the setup redirect, or to refresh its account.</summary>
    public async Task<InstallationInfo> GetInstallationAsync(long installationId, CancellationToken cancellationToken = default)
    {
        var uri = GitHubHttp.Api(_options.ApiBaseUrl, $"/app/installations/{installationId}");
        using var request = GitHubHttp.Request(HttpMethod.Get, uri, null, $"Bearer {_appJwt.Create()}", _options.UserAgent);
        using var response = await _rest.SendCheckedAsync(request, cancellationToken);
        var answer = await RestClient.ReadJsonAsync<InstallationResponse>(response, cancellationToken);
        if (answer.Account is null)
            throw new GitProviderException($"GitHub returned installation {installationId} without an account", response.StatusCode);

        var type = answer.Account.Type ?? answer.TargetType;
        return new InstallationInfo(
            answer.Id,
            answer.Account.Login,
            string.Equals(type, "User", StringComparison.OrdinalIgnoreCase) ? AccountType.User : AccountType.Organization,
            answer.CreatedAt,
            answer.SuspendedAt,
            answer.RepositorySelection ?? "");
    }

    /// <summary>
    /// Makes <paramref name="publicKey"/> a read-only deploy key of the repository. Nothing is written when it
    /// already is one. Keys with the same <paramref name="title"/> but other key material (a regenerated key
    /// replaces the old one) and a writable copy of the same key are deleted first. <paramref name="publicKey"/> is an
    /// OpenSSH public key (<c>ssh-ed25519 AAAA… comment</c>); its comment is ignored when comparing.
    /// </summary>
    public async Task<EnsureResult> EnsureDeployKeyAsync(long installationId, string owner, string repo, string title,
        string publicKey, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        var wanted = KeyMaterial(publicKey)
            ?? throw new ArgumentException("the deploy key must be an OpenSSH public key ('type base64 [comment]')", nameof(publicKey));
        var path = $"{GitHubHttp.Repo(owner, repo)}/keys";

        var keys = await ListAsync<DeployKeyResponse>(installationId, path, cancellationToken);
        var keep = keys.FirstOrDefault(k => k.ReadOnly && KeyMaterial(k.Key) == wanted);
        var stale = keys.Where(k => k != keep && (k.Title == title || KeyMaterial(k.Key) == wanted)).ToList();

        // Deleted before creating: GitHub refuses a second copy of the same key in one repository.
        foreach (var key in stale)
            await DeleteAsync(installationId, $"{path}/{key.Id}", cancellationToken);
        var removed = stale.Select(k => k.Id).ToList();
        if (keep is not null)
            return new EnsureResult(keep.Id, EnsureOutcome.Unchanged, removed);

        var body = new JsonObject { ["title"] = title, ["key"] = publicKey.Trim(), ["read_only"] = true };
        using var response = await SendAsync(installationId, HttpMethod.Post, path, body, cancellationToken);
        var created = await RestClient.ReadJsonAsync<DeployKeyResponse>(response, cancellationToken);
        return new EnsureResult(created.Id, EnsureOutcome.Created, removed);
    }

    /// <summary>Deletes the repository's deploy keys titled <paramref name="title"/> (cleanup when a project goes away).</summary>
    /// <returns>The ids of the deleted keys.</returns>
    public async Task<IReadOnlyList<long>> RemoveDeployKeysAsync(long installationId, string owner, string repo, string title,
        CancellationToken cancellationToken = default)
    {
        var path = $"{GitHubHttp.Repo(owner, repo)}/keys";
        var keys = await ListAsync<DeployKeyResponse>(installationId, path, cancellationToken);
        var removed = new List<long>();
        foreach (var key in keys.Where(k => k.Title == title))
        {
            await DeleteAsync(installationId, $"{path}/{key.Id}", cancellationToken);
            removed.Add(key.Id);
        }

        return removed;
    }

    /// <summary>
    /// Makes sure exactly one repository webhook delivers <c>push</c> events as JSON to <paramref name="url"/>,
    /// signed with <paramref name="secret"/>. A missing hook is created; an existing one is patched (always
    /// resending the secret, which GitHub drops from a PATCH without it) when it drifted, has no secret, or
    /// <paramref name="secretChanged"/> is set. GitHub never shows a hook's secret, so only the caller knows when it
    /// rotated it. Further hooks with the same URL are deleted.
    /// </summary>
    public async Task<EnsureResult> EnsureWebhookAsync(long installationId, string owner, string repo, Uri url, string secret,
        bool secretChanged = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentException.ThrowIfNullOrEmpty(secret);
        var path = $"{GitHubHttp.Repo(owner, repo)}/hooks";

        var hooks = await ListAsync<HookResponse>(installationId, path, cancellationToken);
        var same = hooks.Where(h => SameUrl(ConfigValue(h, "url"), url)).ToList();
        var removed = new List<long>();
        foreach (var duplicate in same.Skip(1))
        {
            await DeleteAsync(installationId, $"{path}/{duplicate.Id}", cancellationToken);
            removed.Add(duplicate.Id);
        }

        var config = new JsonObject
        {
            ["url"] = url.AbsoluteUri,
            ["content_type"] = "json",
            ["secret"] = secret,
            ["insecure_ssl"] = "0",
        };
        if (same.FirstOrDefault() is not { } hook)
        {
            var create = new JsonObject { ["name"] = "web", ["config"] = config, ["events"] = new JsonArray("push"), ["active"] = true };
            using var response = await SendAsync(installationId, HttpMethod.Post, path, create, cancellationToken);
            var created = await RestClient.ReadJsonAsync<HookResponse>(response, cancellationToken);
            return new EnsureResult(created.Id, EnsureOutcome.Created, removed);
        }

        if (!secretChanged && IsAsWanted(hook))
            return new EnsureResult(hook.Id, EnsureOutcome.Unchanged, removed);

        var update = new JsonObject { ["config"] = config, ["events"] = new JsonArray("push"), ["active"] = true };
        using (await SendAsync(installationId, HttpMethod.Patch, $"{path}/{hook.Id}", update, cancellationToken))
            return new EnsureResult(hook.Id, EnsureOutcome.Updated, removed);
    }

    /// <summary>Deletes the repository webhooks that deliver to <paramref name="url"/>.</summary>
    /// <returns>The ids of the deleted hooks.</returns>
    public async Task<IReadOnlyList<long>> RemoveWebhooksAsync(long installationId, string owner, string repo, Uri url,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(url);
        var path = $"{GitHubHttp.Repo(owner, repo)}/hooks";
        var hooks = await ListAsync<HookResponse>(installationId, path, cancellationToken);
        var removed = new List<long>();
        foreach (var hook in hooks.Where(h => SameUrl(ConfigValue(h, "url"), url)))
        {
            await DeleteAsync(installationId, $"{path}/{hook.Id}", cancellationToken);
            removed.Add(hook.Id);
        }

        return removed;
    }

    /// <summary>Creates a check run on a commit (needs the App's Checks: write permission).</summary>
    public async Task<CheckRun> CreateCheckRunAsync(long installationId, string owner, string repo, NewCheckRun checkRun,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(checkRun);
        var body = GitHubWire.CheckRunBody(checkRun);
        using var response = await SendAsync(installationId, HttpMethod.Post, $"{GitHubHttp.Repo(owner, repo)}/check-runs", body, cancellationToken);
        return ToCheckRun(await RestClient.ReadJsonAsync<CheckRunResponse>(response, cancellationToken));
    }

    /// <summary>Updates a check run created by this App.</summary>
    public async Task<CheckRun> UpdateCheckRunAsync(long installationId, string owner, string repo, long checkRunId, CheckRunUpdate update,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(update);
        var body = GitHubWire.CheckRunBody(update);
        var path = $"{GitHubHttp.Repo(owner, repo)}/check-runs/{checkRunId}";
        using var response = await SendAsync(installationId, HttpMethod.Patch, path, body, cancellationToken);
        return ToCheckRun(await RestClient.ReadJsonAsync<CheckRunResponse>(response, cancellationToken));
    }

    /// <summary>Sets a commit status (needs the App's Commit statuses: write permission). The description is cut to 140 characters.</summary>
    public async Task CreateCommitStatusAsync(long installationId, string owner, string repo, string sha, NewCommitStatus status,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sha);
        ArgumentNullException.ThrowIfNull(status);
        var path = $"{GitHubHttp.Repo(owner, repo)}/statuses/{Uri.EscapeDataString(sha)}";
        using var response = await SendAsync(installationId, HttpMethod.Post, path, GitHubWire.CommitStatusBody(status), cancellationToken);
    }

    public void Dispose() => _appJwt.Dispose();

    private Task<HttpResponseMessage> SendAsync(long installationId, HttpMethod method, string path, JsonNode? body,
        CancellationToken cancellationToken) =>
        SendAsync(installationId, method, GitHubHttp.Api(_options.ApiBaseUrl, path), body, cancellationToken);

    /// <summary>A call with the installation token; the successful answer is the caller's to dispose.</summary>
    private async Task<HttpResponseMessage> SendAsync(long installationId, HttpMethod method, Uri uri, JsonNode? body,
        CancellationToken cancellationToken)
    {
        var token = await Tokens.GetTokenAsync(installationId, cancellationToken);
        var response = await SendWithTokenAsync(token, method, uri, body, cancellationToken);
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            // GitHub can refuse a token it issued a moment ago until the token has propagated: retry once, shortly.
            response.Dispose();
            await Task.Delay(_options.FreshTokenRetryDelay, _rest.Time, cancellationToken);
            response = await SendWithTokenAsync(token, method, uri, body, cancellationToken);
            if (response.StatusCode == HttpStatusCode.Unauthorized)
                Tokens.Invalidate(installationId, token); // revoked: the next call exchanges a new one
        }

        if (response.IsSuccessStatusCode)
            return response;
        using (response)
            throw await GitHubHttp.InstallationErrorAsync(_rest, response, installationId, cancellationToken);
    }

    private async Task<HttpResponseMessage> SendWithTokenAsync(InstallationToken token, HttpMethod method, Uri uri, JsonNode? body,
        CancellationToken cancellationToken)
    {
        // A JsonNode has one parent; the retry needs its own copy of the body.
        using var request = GitHubHttp.Request(method, uri, body?.DeepClone(), $"token {token.Value}", _options.UserAgent);
        return await _rest.SendAsync(request, cancellationToken);
    }

    private async Task DeleteAsync(long installationId, string path, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await SendAsync(installationId, HttpMethod.Delete, path, null, cancellationToken);
        }
        catch (GitProviderException e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            // Already gone: what deleting wanted.
        }
    }

    /// <summary>All items of a list endpoint, following the <c>Link: rel="next"</c> pages.</summary>
    private async Task<List<T>> ListAsync<T>(long installationId, string path, CancellationToken cancellationToken)
    {
        var items = new List<T>();
        Uri? next = GitHubHttp.Api(_options.ApiBaseUrl, $"{path}?per_page={PageSize}");
        for (var page = 0; next is not null; page++)
        {
            if (page == MaxPages)
                throw new GitProviderException($"GitHub listed more than {MaxPages} pages at {path}; giving up");
            // The token must never be sent to another host, whatever a Link header says.
            if (Uri.Compare(next, _options.ApiBaseUrl, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) != 0)
                throw new GitProviderException($"GitHub's next-page link for {path} leaves the API host; refusing to follow it");

            using var response = await SendAsync(installationId, HttpMethod.Get, next, null, cancellationToken);
            items.AddRange(await RestClient.ReadJsonAsync<List<T>>(response, cancellationToken));
            next = LinkHeader.Next(response);
        }

        return items;
    }

    /// <summary>The comparable part of an OpenSSH public key: type and base64 blob, without the comment.</summary>
    private static string? KeyMaterial(string? publicKey)
    {
        var parts = publicKey?.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return parts is { Length: >= 2 } ? $"{parts[0]} {parts[1]}" : null;
    }

    private static string? ConfigValue(HookResponse hook, string name) =>
        hook.Config is not null && hook.Config.TryGetValue(name, out var value) && value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined)
            ? value.ToString()
            : null;

    private static bool SameUrl(string? configured, Uri url) =>
        configured is not null && Uri.TryCreate(configured, UriKind.Absolute, out var parsed) && parsed.AbsoluteUri == url.AbsoluteUri;

    /// <summary>Whether a hook already looks like <see cref="EnsureWebhookAsync"/> wants it; GitHub masks a set secret as asterisks.</summary>
    private static bool IsAsWanted(HookResponse hook) =>
        hook.Active
        && hook.Events is not null && hook.Events.Order(StringComparer.Ordinal).SequenceEqual(PushEvent)
        && ConfigValue(hook, "content_type") == "json"
        && ConfigValue(hook, "insecure_ssl") == "0"
        && !string.IsNullOrEmpty(ConfigValue(hook, "secret"));

    private static CheckRun ToCheckRun(CheckRunResponse answer) =>
        new(answer.Id, Uri.TryCreate(answer.HtmlUrl, UriKind.Absolute, out var url) ? url : null);
}
