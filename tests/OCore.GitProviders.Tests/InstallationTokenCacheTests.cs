using System.Net;
using OCore.GitProviders.GitHubApp;
using OCore.GitProviders.Tests.Support;

namespace OCore.GitProviders.Tests;

public sealed class InstallationTokenCacheTests
{
    [Fact]
    public async Task A_token_is_exchanged_with_the_app_jwt_and_reused_until_five_minutes_before_expiry()
    {
        await using var h = await GitHubAppHarness.StartAsync();

        var first = await h.Client.Tokens.GetTokenAsync(GitHubAppHarness.InstallationId);

        var exchange = Assert.Single(h.Server.Requests);
        Assert.Equal("POST /app/installations/42/access_tokens", exchange.ToString());
        Assert.StartsWith("Bearer ey", exchange.Header("Authorization"), StringComparison.Ordinal);
        Assert.Equal(GitHubAppHarness.Start + TimeSpan.FromHours(1), first.ExpiresAt);

        h.Time.Advance(TimeSpan.FromMinutes(54) + TimeSpan.FromSeconds(59));
        Assert.Same(first, await h.Client.Tokens.GetTokenAsync(GitHubAppHarness.InstallationId));
        Assert.Single(h.Server.Requests);

        h.Time.Advance(TimeSpan.FromSeconds(2)); // now inside the last five minutes
        var second = await h.Client.Tokens.GetTokenAsync(GitHubAppHarness.InstallationId);

        Assert.NotEqual(first.Value, second.Value);
        Assert.Equal(2, h.Server.Requests.Count);
        Assert.Equal(h.Time.GetUtcNow() + TimeSpan.FromHours(1), second.ExpiresAt);
    }

    [Fact]
    public async Task Concurrent_callers_share_one_exchange_and_installations_get_their_own_tokens()
    {
        await using var h = await GitHubAppHarness.StartAsync();
        h.Server.AddInstallation(77, "acme-client-a");
        h.Server.TokenExchangeDelay = TimeSpan.FromMilliseconds(200);

        var tokens = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => h.Client.Tokens.GetTokenAsync(GitHubAppHarness.InstallationId)));
        var other = await h.Client.Tokens.GetTokenAsync(77);

        Assert.Single(tokens.Select(t => t.Value).Distinct());
        Assert.Equal(2, h.Server.IssuedTokens.Count);
        Assert.Equal(77, h.Server.IssuedTokens.Single(t => t.Value == other.Value).InstallationId);
    }

    [Fact]
    public async Task A_suspended_installation_is_a_typed_error()
    {
        await using var h = await GitHubAppHarness.StartAsync();
        h.Server.Installations[GitHubAppHarness.InstallationId].SuspendedAt = GitHubAppHarness.Start;

        var error = await Assert.ThrowsAsync<InstallationSuspendedException>(() => h.Client.Tokens.GetTokenAsync(GitHubAppHarness.InstallationId));

        Assert.Equal(GitHubAppHarness.InstallationId, error.InstallationId);
        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
        Assert.Equal("This installation has been suspended", error.ProviderMessage);
    }

    [Fact]
    public async Task A_repository_call_of_an_installation_suspended_since_its_token_was_issued_is_a_typed_error()
    {
        await using var h = await GitHubAppHarness.StartAsync();
        await h.Client.Tokens.GetTokenAsync(GitHubAppHarness.InstallationId);
        h.Server.Installations[GitHubAppHarness.InstallationId].SuspendedAt = GitHubAppHarness.Start;

        await Assert.ThrowsAsync<InstallationSuspendedException>(() => h.Client.CreateCommitStatusAsync(
            GitHubAppHarness.InstallationId, GitHubAppHarness.Owner, GitHubAppHarness.Repo, "abc",
            new NewCommitStatus(GitHubCommitState.Pending, "ocore")));
    }

    [Fact]
    public async Task An_unknown_installation_is_a_404_provider_error()
    {
        await using var h = await GitHubAppHarness.StartAsync();

        var error = await Assert.ThrowsAsync<GitProviderException>(() => h.Client.Tokens.GetTokenAsync(999));

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Equal("GitHub answered 404 Not Found to POST /app/installations/999/access_tokens: Not Found", error.Message);
    }

    [Fact]
    public async Task A_fresh_token_refused_once_with_401_is_retried_after_a_short_wait()
    {
        await using var h = await GitHubAppHarness.StartAsync();
        h.Server.RejectFirstUseOfNewTokens = true;

        var call = h.Client.CreateCommitStatusAsync(GitHubAppHarness.InstallationId, GitHubAppHarness.Owner, GitHubAppHarness.Repo, "abc",
            new NewCommitStatus(GitHubCommitState.Pending, "ocore"));
        var waited = await ClockDriver.AdvanceUntilDoneAsync(h.Time, call, TimeSpan.FromMilliseconds(100));
        await call;

        Assert.InRange(waited, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)); // the retry waited for the fake clock

        var statusCalls = h.Server.Requests.Where(r => r.Path.Contains("/statuses/", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, statusCalls.Count);
        Assert.Equal(statusCalls[0].Header("Authorization"), statusCalls[1].Header("Authorization"));
        Assert.Single(h.Server.IssuedTokens);
    }

    [Fact]
    public async Task A_token_refused_twice_fails_and_is_replaced_on_the_next_call()
    {
        await using var h = await GitHubAppHarness.StartAsync();
        var first = await h.Client.Tokens.GetTokenAsync(GitHubAppHarness.InstallationId);
        h.Server.RejectAllTokens = true;

        var call = h.Client.CreateCommitStatusAsync(GitHubAppHarness.InstallationId, GitHubAppHarness.Owner, GitHubAppHarness.Repo, "abc",
            new NewCommitStatus(GitHubCommitState.Pending, "ocore"));
        await ClockDriver.AdvanceUntilDoneAsync(h.Time, call, TimeSpan.FromMilliseconds(100));
        var error = await Assert.ThrowsAsync<GitProviderException>(() => call);

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.DoesNotContain(first.Value, error.ToString(), StringComparison.Ordinal);
        var second = await h.Client.Tokens.GetTokenAsync(GitHubAppHarness.InstallationId);
        Assert.NotEqual(first.Value, second.Value);
    }

    [Fact]
    public void Tokens_and_options_do_not_print_their_secrets()
    {
        var token = new InstallationToken("ghs_secretvalue", GitHubAppHarness.Start);
        var options = GitHubAppHarness.Options(new Uri("https://api.github.com"));

        Assert.DoesNotContain("ghs_secretvalue", token.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("PRIVATE KEY", options.ToString(), StringComparison.Ordinal);
    }
}
