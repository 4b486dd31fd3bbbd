using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace OCore.Testing.FakeGitHub;

/// <summary>
/// A loopback stand-in for the parts of GitHub's REST API the App uses. It checks what GitHub checks (App JWT
/// signature and claims, installation tokens and their expiry, which installation may touch which owner, the
/// required headers), keeps deploy keys and hooks with paginated lists, and can be told to answer with rate limits,
/// a 401 for fresh tokens, or a suspended installation.
/// </summary>
public sealed class FakeGitHubServer : IAsyncDisposable
{
    public const string AppId = "12345";

    private readonly Lock _gate = new();
    private readonly RSA _appPublicKey = TestKeys.AppPublicKey();
    private readonly TimeProvider _time;
    private readonly Dictionary<string, FakeToken> _tokens = [];
    private readonly Dictionary<string, FakeRepository> _repositories = new(StringComparer.OrdinalIgnoreCase);
    private readonly Queue<CannedResponse> _canned = new();
    private LoopbackServer _server = null!;
    private long _nextId = 1000;

    private FakeGitHubServer(TimeProvider time) => _time = time;

    public Uri BaseUrl => _server.BaseUrl;

    public IReadOnlyList<RecordedRequest> Requests => _server.Requests;

    /// <summary>Requests that change something (anything but GET).</summary>
    public IReadOnlyList<RecordedRequest> Writes => [.. Requests.Where(r => r.IsWrite && !r.Path.StartsWith("/app/", StringComparison.Ordinal))];

    public Dictionary<long, FakeInstallation> Installations { get; } = [];

    /// <summary>The largest page the fake serves, whatever per_page asks; small values force pagination.</summary>
    public int MaxPageSize { get; set; } = 100;

    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Holds token exchanges back (real time), so concurrent callers overlap.</summary>
    public TimeSpan TokenExchangeDelay { get; set; }

    /// <summary>Every new token is refused with 401 on its first repository call, as a not yet propagated token is.</summary>
    public bool RejectFirstUseOfNewTokens { get; set; }

    /// <summary>Always refuse installation tokens with 401 (a revoked token).</summary>
    public bool RejectAllTokens { get; set; }

    public IReadOnlyList<FakeToken> IssuedTokens
    {
        get
        {
            lock (_gate)
                return [.. _tokens.Values];
        }
    }

    public static async Task<FakeGitHubServer> StartAsync(TimeProvider time)
    {
        var fake = new FakeGitHubServer(time);
        fake._server = await LoopbackServer.StartAsync(fake.HandleAsync);
        return fake;
    }

    public FakeInstallation AddInstallation(long id, string accountLogin, string accountType = "Organization")
    {
        var installation = new FakeInstallation { Id = id, AccountLogin = accountLogin, AccountType = accountType };
        lock (_gate)
            Installations[id] = installation;
        return installation;
    }

    public FakeRepository Repository(string owner, string name)
    {
        lock (_gate)
        {
            var key = $"{owner}/{name}";
            if (!_repositories.TryGetValue(key, out var repository))
                _repositories[key] = repository = new FakeRepository();
            return repository;
        }
    }

    public long NextId()
    {
        lock (_gate)
            return ++_nextId;
    }

    /// <summary>The next request gets this answer instead of being served.</summary>
    public void AnswerNext(int status, string message, params (string Name, string Value)[] headers)
    {
        lock (_gate)
            _canned.Enqueue(new CannedResponse(status, message, headers.ToDictionary(h => h.Name, h => h.Value)));
    }

    public ValueTask DisposeAsync()
    {
        _appPublicKey.Dispose();
        return _server.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context, RecordedRequest request)
    {
        if (TokenExchangeDelay > TimeSpan.Zero && request.Path.EndsWith("/access_tokens", StringComparison.Ordinal))
            await Task.Delay(TokenExchangeDelay);

        (int Status, JsonNode? Body, Dictionary<string, string>? Headers) answer;
        lock (_gate)
            answer = Route(context, request);

        context.Response.StatusCode = answer.Status;
        foreach (var (name, value) in answer.Headers ?? [])
            context.Response.Headers[name] = value;
        if (answer.Body is not null)
        {
            context.Response.ContentType = "application/json; charset=utf-8";
            await context.Response.WriteAsync(answer.Body.ToJsonString());
        }
    }

    private (int, JsonNode?, Dictionary<string, string>?) Route(HttpContext context, RecordedRequest request)
    {
        if (request.Header("Accept") != "application/vnd.github+json" || request.Header("X-GitHub-Api-Version") != "2022-11-28")
            return Error(400, "fake GitHub: Accept and X-GitHub-Api-Version headers are required");
        if (string.IsNullOrEmpty(request.Header("User-Agent")))
            return Error(403, "Request forbidden by administrative rules. Please make sure your request has a User-Agent header");
        if (request.Body.Length > 0 && request.Header("Content-Type")?.StartsWith("application/json", StringComparison.Ordinal) != true)
            return Error(415, "fake GitHub: bodies must be JSON");
        if (_canned.TryDequeue(out var canned))
            return (canned.Status, new JsonObject { ["message"] = canned.Message }, new Dictionary<string, string>(canned.Headers));

        var segments = request.Path.Trim('/').Split('/');
        if (segments is ["app", "installations", var id, ..])
            return RouteApp(request, long.Parse(id, CultureInfo.InvariantCulture), segments.Length == 4 ? segments[3] : null);
        if (segments is ["repos", var owner, var name, var resource, ..])
            return RouteRepository(context, request, owner, name, resource, segments.Length == 5 ? segments[4] : null);
        return Error(404, "Not Found");
    }

    private (int, JsonNode?, Dictionary<string, string>?) RouteApp(RecordedRequest request, long installationId, string? action)
    {
        var authorization = request.Header("Authorization") ?? "";
        if (!authorization.StartsWith("Bearer ", StringComparison.Ordinal))
            return Error(401, "A JSON web token could not be decoded");
        var problem = JwtVerifier.Check(authorization["Bearer ".Length..], _appPublicKey, AppId, _time.GetUtcNow());
        if (problem is not null)
            return Error(401, $"fake GitHub: bad JWT: {problem}");
        if (!Installations.TryGetValue(installationId, out var installation))
            return Error(404, "Not Found");

        switch (request.Method, action)
        {
            case ("GET", null):
                return (200, new JsonObject
                {
                    ["id"] = installation.Id,
                    ["account"] = new JsonObject { ["login"] = installation.AccountLogin, ["id"] = 9000 + installation.Id, ["type"] = installation.AccountType },
                    ["target_type"] = installation.AccountType,
                    ["repository_selection"] = installation.RepositorySelection,
                    ["created_at"] = installation.CreatedAt.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
                    ["suspended_at"] = installation.SuspendedAt?.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
                    ["permissions"] = new JsonObject { ["checks"] = "write", ["statuses"] = "write" },
                }, null);
            case ("POST", "access_tokens"):
                if (installation.SuspendedAt is not null)
                    return Error(403, "This installation has been suspended");
                var token = new FakeToken
                {
                    Value = $"ghs_{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(18))}",
                    InstallationId = installationId,
                    ExpiresAt = _time.GetUtcNow() + TokenLifetime,
                };
                _tokens[token.Value] = token;
                return (201, new JsonObject
                {
                    ["token"] = token.Value,
                    ["expires_at"] = token.ExpiresAt.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
                    ["repository_selection"] = installation.RepositorySelection,
                }, null);
            default:
                return Error(404, "Not Found");
        }
    }

    private (int, JsonNode?, Dictionary<string, string>?) RouteRepository(
        HttpContext context, RecordedRequest request, string owner, string name, string resource, string? item)
    {
        var authorization = request.Header("Authorization") ?? "";
        var value = authorization.StartsWith("token ", StringComparison.Ordinal) ? authorization[6..]
            : authorization.StartsWith("Bearer ", StringComparison.Ordinal) ? authorization[7..] : "";
        if (RejectAllTokens || !_tokens.TryGetValue(value, out var token) || token.ExpiresAt <= _time.GetUtcNow())
            return Error(401, "Bad credentials");
        if (RejectFirstUseOfNewTokens && !token.Used)
        {
            token.Used = true;
            return Error(401, "Bad credentials");
        }

        token.Used = true;
        var installation = Installations[token.InstallationId];
        if (installation.SuspendedAt is not null)
            return Error(403, "This installation has been suspended");
        if (!string.Equals(installation.AccountLogin, owner, StringComparison.OrdinalIgnoreCase))
            return Error(404, "Not Found");

        var repository = Repository(owner, name);
        _ = long.TryParse(item, CultureInfo.InvariantCulture, out var id); // a key, hook or check run id; statuses take a sha
        return (request.Method, resource, item) switch
        {
            ("GET", "keys", null) => Page(context, [.. repository.Keys.Select(KeyJson)]),
            ("POST", "keys", null) => CreateKey(repository, request.Json),
            ("DELETE", "keys", not null) => repository.Keys.RemoveAll(k => k.Id == id) > 0 ? (204, null, null) : Error(404, "Not Found"),
            ("GET", "hooks", null) => Page(context, [.. repository.Hooks.Select(HookJson)]),
            ("POST", "hooks", null) => CreateHook(repository, request.Json),
            ("PATCH", "hooks", not null) => UpdateHook(repository, id, request.Json),
            ("DELETE", "hooks", not null) => repository.Hooks.RemoveAll(h => h.Id == id) > 0 ? (204, null, null) : Error(404, "Not Found"),
            ("POST", "check-runs", null) => CheckRun(201, NextId(), owner, name),
            ("PATCH", "check-runs", not null) => CheckRun(200, id, owner, name),
            ("POST", "statuses", not null) => (201, new JsonObject { ["id"] = NextId(), ["state"] = request.Json["state"]?.DeepClone() }, null),
            _ => Error(404, "Not Found"),
        };
    }

    private (int, JsonNode?, Dictionary<string, string>?) CreateKey(FakeRepository repository, JsonObject body)
    {
        var title = body["title"]?.GetValue<string>();
        var key = body["key"]?.GetValue<string>();
        if (string.IsNullOrEmpty(title) || string.IsNullOrEmpty(key))
            return Error(422, "Validation Failed");
        var material = string.Join(' ', key.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(2));
        if (repository.Keys.Any(k => k.Key == material))
            return (422, new JsonObject { ["message"] = "Validation Failed", ["errors"] = new JsonArray(new JsonObject { ["message"] = "key is already in use" }) }, null);

        var created = new FakeDeployKey(NextId(), title, material, body["read_only"]?.GetValue<bool>() ?? false);
        repository.Keys.Add(created);
        return (201, KeyJson(created), null);
    }

    private (int, JsonNode?, Dictionary<string, string>?) CreateHook(FakeRepository repository, JsonObject body)
    {
        if (body["name"]?.GetValue<string>() != "web" || body["config"]?["url"] is null)
            return Error(422, "Validation Failed");
        var hook = new FakeHook
        {
            Id = NextId(),
            Config = body["config"]!.DeepClone().AsObject(),
            Events = body["events"] is JsonArray events ? [.. events.Select(e => e!.GetValue<string>())] : ["push"],
            Active = body["active"]?.GetValue<bool>() ?? true,
        };
        repository.Hooks.Add(hook);
        return (201, HookJson(hook), null);
    }

    /// <summary>Like GitHub, a PATCH with <c>config</c> replaces the whole config: a secret not resent is dropped.</summary>
    private (int, JsonNode?, Dictionary<string, string>?) UpdateHook(FakeRepository repository, long id, JsonObject body)
    {
        var hook = repository.Hooks.FirstOrDefault(h => h.Id == id);
        if (hook is null)
            return Error(404, "Not Found");
        if (body["config"] is JsonObject config)
            hook.Config = config.DeepClone().AsObject();
        if (body["events"] is JsonArray events)
            hook.Events = [.. events.Select(e => e!.GetValue<string>())];
        if (body["active"] is { } active)
            hook.Active = active.GetValue<bool>();
        return (200, HookJson(hook), null);
    }

    private (int, JsonNode?, Dictionary<string, string>?) CheckRun(int status, long id, string owner, string name) =>
        (status, new JsonObject { ["id"] = id, ["html_url"] = $"https://github.com/{owner}/{name}/runs/{id}" }, null);

    private (int, JsonNode?, Dictionary<string, string>?) Page(HttpContext context, List<JsonNode> items)
    {
        var perPage = int.TryParse(context.Request.Query["per_page"], CultureInfo.InvariantCulture, out var p) ? p : 30;
        var page = int.TryParse(context.Request.Query["page"], CultureInfo.InvariantCulture, out var n) ? n : 1;
        var size = Math.Min(perPage, MaxPageSize);
        var lastPage = Math.Max(1, (items.Count + size - 1) / size);
        var headers = new Dictionary<string, string>();
        if (page < lastPage)
        {
            var root = $"{BaseUrl.AbsoluteUri.TrimEnd('/')}{context.Request.Path}?per_page={perPage}";
            headers["Link"] = $"<{root}&page={page + 1}>; rel=\"next\", <{root}&page={lastPage}>; rel=\"last\"";
        }

        return (200, new JsonArray([.. items.Skip((page - 1) * size).Take(size)]), headers);
    }

    private static JsonNode KeyJson(FakeDeployKey key) => new JsonObject
    {
        ["id"] = key.Id,
        ["key"] = key.Key,
        ["title"] = key.Title,
        ["read_only"] = key.ReadOnly,
        ["verified"] = true,
        ["url"] = $"https://api.github.com/keys/{key.Id}",
    };

    /// <summary>GitHub never shows a hook's secret, only asterisks when one is set.</summary>
    private static JsonNode HookJson(FakeHook hook)
    {
        var config = hook.Config.DeepClone().AsObject();
        if (config.ContainsKey("secret"))
            config["secret"] = "********";
        return new JsonObject
        {
            ["id"] = hook.Id,
            ["type"] = "Repository",
            ["name"] = "web",
            ["active"] = hook.Active,
            ["events"] = new JsonArray([.. hook.Events.Select(e => (JsonNode)e)]),
            ["config"] = config,
        };
    }

    private static (int, JsonNode?, Dictionary<string, string>?) Error(int status, string message) =>
        (status, new JsonObject { ["message"] = message, ["documentation_url"] = "https://docs.github.com/rest" }, null);
}
