using System.Net;
using OCore.GitProviders.GitHubApp;
using OCore.GitProviders.Tests.Support;

namespace OCore.GitProviders.Tests;

public sealed class RateLimitTests
{
    [Fact]
    public async Task A_403_with_no_remaining_requests_retries_at_the_reset_time()
    {
        await using var h = await GitHubAppHarness.StartAsync();
        await h.Client.Tokens.GetTokenAsync(GitHubAppHarness.InstallationId);
        var reset = GitHubAppHarness.Start + TimeSpan.FromMinutes(17);
        h.Server.AnswerNext(403, "API rate limit exceeded for installation ID 42.",
            ("x-ratelimit-remaining", "0"), ("x-ratelimit-reset", reset.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture)));

        var error = await Assert.ThrowsAsync<RateLimitedException>(() => Status(h));

        Assert.Equal(reset, error.RetryAt);
        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
        Assert.Equal(2, h.Server.Requests.Count); // the exchange and one refused call: no retry inside the request
    }

    [Fact]
    public async Task A_429_retries_after_retry_after_seconds_even_with_a_reset_header()
    {
        await using var h = await GitHubAppHarness.StartAsync();
        await h.Client.Tokens.GetTokenAsync(GitHubAppHarness.InstallationId);
        h.Server.AnswerNext(429, "You have exceeded a secondary rate limit.", ("retry-after", "30"), ("x-ratelimit-reset", "1"));

        var error = await Assert.ThrowsAsync<RateLimitedException>(() => Status(h));

        Assert.Equal(GitHubAppHarness.Start + TimeSpan.FromSeconds(30), error.RetryAt);
        Assert.Equal(HttpStatusCode.TooManyRequests, error.StatusCode);
    }

    [Fact]
    public async Task A_secondary_limit_without_timing_headers_waits_a_minute()
    {
        await using var h = await GitHubAppHarness.StartAsync();
        await h.Client.Tokens.GetTokenAsync(GitHubAppHarness.InstallationId);
        h.Server.AnswerNext(403, "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.");

        var error = await Assert.ThrowsAsync<RateLimitedException>(() => Status(h));

        Assert.Equal(GitHubAppHarness.Start + TimeSpan.FromMinutes(1), error.RetryAt);
    }

    [Fact]
    public async Task A_rate_limited_token_exchange_is_reported_the_same_way()
    {
        await using var h = await GitHubAppHarness.StartAsync();
        h.Server.AnswerNext(429, "slow down", ("retry-after", "120"));

        var error = await Assert.ThrowsAsync<RateLimitedException>(() => h.Client.Tokens.GetTokenAsync(GitHubAppHarness.InstallationId));

        Assert.Equal(GitHubAppHarness.Start + TimeSpan.FromMinutes(2), error.RetryAt);
        Assert.Contains("POST /app/installations/42/access_tokens", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_403_for_missing_permissions_is_not_a_rate_limit()
    {
        await using var h = await GitHubAppHarness.StartAsync();
        var token = await h.Client.Tokens.GetTokenAsync(GitHubAppHarness.InstallationId);
        h.Server.AnswerNext(403, "Resource not accessible by integration", ("x-ratelimit-remaining", "4999"));

        var error = await Assert.ThrowsAsync<GitProviderException>(() => Status(h));

        Assert.IsNotType<RateLimitedException>(error);
        Assert.IsNotType<InstallationSuspendedException>(error);
        Assert.Equal("GitHub answered 403 Forbidden to POST /repos/acme/odoo-custom/statuses/abc: Resource not accessible by integration", error.Message);
        Assert.DoesNotContain(token.Value, error.ToString(), StringComparison.Ordinal);
    }

    private static Task Status(GitHubAppHarness h) => h.Client.CreateCommitStatusAsync(GitHubAppHarness.InstallationId, "acme", "odoo-custom", "abc",
        new NewCommitStatus(GitHubCommitState.Pending, "ocore"));
}
