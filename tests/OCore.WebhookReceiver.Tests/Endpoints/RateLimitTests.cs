using System.Net;
using OCore.WebhookReceiver.Tests.Support;

namespace OCore.WebhookReceiver.Tests.Endpoints;

public sealed class RateLimitTests(RateLimitTests.TwoPerHourFactory factory) : IClassFixture<RateLimitTests.TwoPerHourFactory>
{
    [Fact]
    public async Task Project_over_its_rate_gets_429_with_Retry_After()
    {
        var client = factory.CreateClient();

        // Deliveries that fail verification take no token: strangers cannot use up a project's budget.
        for (var i = 0; i < 3; i++)
        {
            var rejected = await WebhookRequest.GitHub("push", $"rl-bad-{i}").Payload("github-push.json").Sign("wrong").SendAsync(client);
            Assert.Equal(HttpStatusCode.Unauthorized, rejected.StatusCode);
        }

        var first = await WebhookRequest.GitHub("push", "rl-1").Payload("github-push.json").Sign().SendAsync(client);
        var second = await WebhookRequest.GitHub("ping", "rl-2").Payload("github-ping.json").Sign().SendAsync(client);
        var third = await WebhookRequest.GitHub("push", "rl-3").Payload("github-push.json").Sign().SendAsync(client);
        var otherProject = await WebhookRequest.GitLab("Push Hook", "rl-4").Payload("gitlab-push.json").Sign().SendAsync(client);

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.Equal("rate_limited", third.Status);
        Assert.Equal($"project '{ReceiverFactory.GitHubProject}' sent more deliveries than its rate limit allows; retry later", third.Message);
        Assert.Equal("3600", Assert.Single(third.Response.Headers.GetValues("Retry-After")));
        Assert.Null(factory.Handler.Received("rl-3"));
        Assert.Equal(HttpStatusCode.Accepted, otherProject.StatusCode);
    }

    public sealed class TwoPerHourFactory : ReceiverFactory
    {
        public TwoPerHourFactory()
            : base(new Dictionary<string, string?>
            {
                ["Webhooks:RateLimit:BurstLimit"] = "2",
                ["Webhooks:RateLimit:TokensPerPeriod"] = "1",
                ["Webhooks:RateLimit:ReplenishmentPeriod"] = "01:00:00",
            })
        {
        }
    }
}
