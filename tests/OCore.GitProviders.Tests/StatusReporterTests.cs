using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;
using OCore.Api.Git;
using OCore.GitProviders.Statuses;
using OCore.GitProviders.Tests.Support;
using OCore.Testing.FakeGitHub;

namespace OCore.GitProviders.Tests;

public sealed class StatusReporterTests : IAsyncLifetime
{
    private const string Sha = "0123456789abcdef0123456789abcdef01234567";
    private static readonly Uri Target = new("https://ocore.example.com/deployments/d-1");

    private readonly HttpClient _http = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
    private LoopbackServer _server = null!;
    private Func<HttpContext, Task> _answer = Created;

    public async Task InitializeAsync() => _server = await LoopbackServer.StartAsync((context, _) => _answer(context));

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task GitHub_posts_the_status_with_a_bearer_token_and_maps_running_to_pending()
    {
        var reporter = CommitStatusReporterFactory.Create(GitProvider.GitHub, _http, "ghp_token", _server.BaseUrl, _time);

        await reporter.ReportAsync(RepositoryUrl.Parse("git@github.com:acme/odoo-custom.git"), Sha, CommitStatusState.Running,
            "ocore/production", Target, new string('d', 150));

        var request = Assert.Single(_server.Requests);
        Assert.IsType<GitHubCommitStatusReporter>(reporter);
        Assert.Equal($"POST /repos/acme/odoo-custom/statuses/{Sha}", request.ToString());
        Assert.Equal("Bearer ghp_token", request.Header("Authorization"));
        Assert.Equal("application/vnd.github+json", request.Header("Accept"));
        Assert.Equal("2022-11-28", request.Header("X-GitHub-Api-Version"));
        Assert.Equal("oCore", request.Header("User-Agent"));
        JsonAssert.Equal($$"""{"state":"pending","target_url":"{{Target}}","description":"{{new string('d', 139)}}…","context":"ocore/production"}""", request.Body);
    }

    [Theory]
    [InlineData(CommitStatusState.Pending, "pending")]
    [InlineData(CommitStatusState.Success, "success")]
    [InlineData(CommitStatusState.Failure, "failure")]
    [InlineData(CommitStatusState.Canceled, "error")]
    public async Task GitHub_state_names(CommitStatusState state, string expected)
    {
        var reporter = new GitHubCommitStatusReporter(_http, "t", _server.BaseUrl, _time);

        await reporter.ReportAsync(RepositoryUrl.Parse("https://github.com/acme/app"), Sha, state, "ocore");

        JsonAssert.Equal($$"""{"state":"{{expected}}","context":"ocore"}""", Assert.Single(_server.Requests).Body);
    }

    [Fact]
    public async Task GitLab_posts_to_the_url_encoded_project_path_with_PRIVATE_TOKEN()
    {
        var apiRoot = new Uri(_server.BaseUrl, "/api/v4");
        var reporter = CommitStatusReporterFactory.Create(GitProvider.GitLab, _http, "glpat-token", apiRoot, _time);

        await reporter.ReportAsync(RepositoryUrl.Parse("git@gitlab.example.com:group/sub/odoo.git"), Sha, CommitStatusState.Failure,
            "ocore/staging", Target, new string('d', 300));

        var request = Assert.Single(_server.Requests);
        Assert.IsType<GitLabCommitStatusReporter>(reporter);
        Assert.Equal($"POST /api/v4/projects/group%2Fsub%2Fodoo/statuses/{Sha}", request.ToString());
        Assert.Equal("glpat-token", request.Header("PRIVATE-TOKEN"));
        Assert.Null(request.Header("Authorization"));
        JsonAssert.Equal($$"""{"state":"failed","name":"ocore/staging","target_url":"{{Target}}","description":"{{new string('d', 254)}}…"}""", request.Body);
    }

    [Theory]
    [InlineData(CommitStatusState.Pending, "pending")]
    [InlineData(CommitStatusState.Running, "running")]
    [InlineData(CommitStatusState.Success, "success")]
    [InlineData(CommitStatusState.Failure, "failed")]
    [InlineData(CommitStatusState.Canceled, "canceled")]
    public async Task GitLab_state_names(CommitStatusState state, string expected)
    {
        var reporter = new GitLabCommitStatusReporter(_http, "t", _server.BaseUrl, _time);

        await reporter.ReportAsync(RepositoryUrl.Parse("https://gitlab.com/acme/app.git"), Sha, state, "ocore");

        JsonAssert.Equal($$"""{"state":"{{expected}}","name":"ocore"}""", Assert.Single(_server.Requests).Body);
    }

    [Fact]
    public async Task Bitbucket_posts_a_build_status_with_a_bearer_token()
    {
        var reporter = CommitStatusReporterFactory.Create(GitProvider.Bitbucket, _http, "bb-token", _server.BaseUrl, _time);

        await reporter.ReportAsync(RepositoryUrl.Parse("git@bitbucket.org:acme-ws/odoo.git"), Sha, CommitStatusState.Success,
            "ocore/production", Target, "Deployed");

        var request = Assert.Single(_server.Requests);
        Assert.IsType<BitbucketCommitStatusReporter>(reporter);
        Assert.Equal($"POST /2.0/repositories/acme-ws/odoo/commit/{Sha}/statuses/build", request.ToString());
        Assert.Equal("Bearer bb-token", request.Header("Authorization"));
        JsonAssert.Equal($$"""{"key":"ocore/production","state":"SUCCESSFUL","url":"{{Target}}","name":"ocore/production","description":"Deployed"}""", request.Body);
    }

    [Theory]
    [InlineData(CommitStatusState.Pending, "INPROGRESS")]
    [InlineData(CommitStatusState.Running, "INPROGRESS")]
    [InlineData(CommitStatusState.Success, "SUCCESSFUL")]
    [InlineData(CommitStatusState.Failure, "FAILED")]
    [InlineData(CommitStatusState.Canceled, "STOPPED")]
    public async Task Bitbucket_state_names_and_a_commit_link_when_no_url_is_given(CommitStatusState state, string expected)
    {
        var reporter = new BitbucketCommitStatusReporter(_http, "t", _server.BaseUrl, _time);

        await reporter.ReportAsync(RepositoryUrl.Parse("https://bitbucket.org/ws/app.git"), Sha, state, "ocore");

        JsonAssert.Equal($$"""{"key":"ocore","state":"{{expected}}","url":"https://bitbucket.org/ws/app/commits/{{Sha}}","name":"ocore"}""",
            Assert.Single(_server.Requests).Body);
    }

    [Fact]
    public void Bitbucket_keys_stay_short_stable_and_distinct()
    {
        var longA = "ocore/" + new string('a', 60) + "/production";
        var longB = "ocore/" + new string('a', 60) + "/staging";

        Assert.Equal(BitbucketCommitStatusReporter.MaxKeyLength, BitbucketCommitStatusReporter.Key(longA).Length);
        Assert.Equal(BitbucketCommitStatusReporter.Key(longA), BitbucketCommitStatusReporter.Key(longA));
        Assert.NotEqual(BitbucketCommitStatusReporter.Key(longA), BitbucketCommitStatusReporter.Key(longB));
    }

    [Fact]
    public async Task A_429_is_a_rate_limit_with_the_retry_after_time()
    {
        _answer = async context =>
        {
            context.Response.StatusCode = 429;
            context.Response.Headers.RetryAfter = "45";
            await context.Response.WriteAsync("""{"message":"429 Too Many Requests"}""");
        };
        var reporter = new GitLabCommitStatusReporter(_http, "glpat-secret", _server.BaseUrl, _time);

        var error = await Assert.ThrowsAsync<RateLimitedException>(() =>
            reporter.ReportAsync(RepositoryUrl.Parse("https://gitlab.com/acme/app"), Sha, CommitStatusState.Running, "ocore"));

        Assert.Equal(_time.GetUtcNow() + TimeSpan.FromSeconds(45), error.RetryAt);
    }

    [Fact]
    public async Task A_refusal_carries_the_providers_message_but_never_the_token()
    {
        _answer = async context =>
        {
            context.Response.StatusCode = 400;
            await context.Response.WriteAsync("""{"type":"error","error":{"message":"Invalid state"}}""");
        };
        var reporter = new BitbucketCommitStatusReporter(_http, "bb-secret-token", _server.BaseUrl, _time);

        var error = await Assert.ThrowsAsync<GitProviderException>(() =>
            reporter.ReportAsync(RepositoryUrl.Parse("https://bitbucket.org/ws/app"), Sha, CommitStatusState.Running, "ocore"));

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal($"Bitbucket answered 400 Bad Request to POST /2.0/repositories/ws/app/commit/{Sha}/statuses/build: Invalid state", error.Message);
        Assert.DoesNotContain("bb-secret-token", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Default_api_roots_follow_the_repository_host()
    {
        Assert.Equal("https://api.github.com/", ApiBaseUrls.GitHub(RepositoryUrl.Parse("git@github.com:a/b.git")).AbsoluteUri);
        Assert.Equal("https://ghe.example.com/api/v3", ApiBaseUrls.GitHub(RepositoryUrl.Parse("git@ghe.example.com:a/b.git")).AbsoluteUri);
        Assert.Equal("https://gitlab.example.com/api/v4", ApiBaseUrls.GitLab(RepositoryUrl.Parse("ssh://git@gitlab.example.com:2222/g/b.git")).AbsoluteUri);
        Assert.Equal("https://gitlab.example.com:8443/api/v4", ApiBaseUrls.GitLab(RepositoryUrl.Parse("https://gitlab.example.com:8443/g/b.git")).AbsoluteUri);
    }

    private static async Task Created(HttpContext context)
    {
        context.Response.StatusCode = 201;
        await context.Response.WriteAsync("{}");
    }
}
