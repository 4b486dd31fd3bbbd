using System.Net;
using OCore.WebhookReceiver.Tests.Support;

namespace OCore.WebhookReceiver.Tests.Endpoints;

public sealed class LoggingTests(ReceiverFactory factory) : IClassFixture<ReceiverFactory>
{
    [Fact]
    public async Task Logs_name_delivery_project_event_and_result_but_never_a_secret_or_signature()
    {
        var client = factory.CreateClient();
        var gitHub = WebhookRequest.GitHub("push", "log-gh-1").Payload("github-push.json").Sign();
        var wrongSignature = WebhookRequest.Signature("guessed-secret", Payloads.Read("github-push.json"));
        factory.Handler.AnswerFor("log-gh-3", _ => throw new InvalidOperationException("kube API unreachable"));

        var answers = new[]
        {
            await gitHub.SendAsync(client),
            await WebhookRequest.GitHub("push", "log-gh-2").Payload("github-push.json").Header("X-Hub-Signature-256", wrongSignature).SendAsync(client),
            await WebhookRequest.GitHub("push", "log-gh-3").Payload("github-push.json").Sign().SendAsync(client),
            await WebhookRequest.GitLab("Push Hook", "log-gl-1").Payload("gitlab-push.json").Sign().SendAsync(client),
            await WebhookRequest.GitLab("Push Hook", "log-gl-2").Payload("gitlab-push.json").Sign("guessed-token-9f2c").SendAsync(client),
            await WebhookRequest.BitbucketCloud("repo:push", "log-bb-1").Payload("bitbucket-cloud-push.json").Sign().SendAsync(client),
            await WebhookRequest.GitHub("push", "log-gh-4", "p-unknown").Payload("github-push.json").Sign().SendAsync(client),
        };

        Assert.Equal(
            [HttpStatusCode.Accepted, HttpStatusCode.Unauthorized, HttpStatusCode.ServiceUnavailable, HttpStatusCode.Accepted, HttpStatusCode.Unauthorized, HttpStatusCode.Accepted, HttpStatusCode.Unauthorized],
            answers.Select(a => a.StatusCode));

        var lines = factory.Logs.Lines;
        var gitHubLine = Assert.Single(lines, line => line.Contains("\"DeliveryId\":\"log-gh-1\"", StringComparison.Ordinal));
        Assert.Contains($"\"ProjectId\":\"{ReceiverFactory.GitHubProject}\"", gitHubLine, StringComparison.Ordinal);
        Assert.Contains("\"EventName\":\"push\"", gitHubLine, StringComparison.Ordinal);
        Assert.Contains("\"StatusCode\":202", gitHubLine, StringComparison.Ordinal);
        Assert.Contains("\"Result\":\"queued\"", gitHubLine, StringComparison.Ordinal);
        Assert.Contains(lines, line => line.Contains("log-gh-3", StringComparison.Ordinal) && line.Contains("kube API unreachable", StringComparison.Ordinal));

        var signed = gitHub.Build().Headers.GetValues("X-Hub-Signature-256").Single();
        string[] forbidden =
        [
            ReceiverFactory.Secret,
            signed,
            signed["sha256=".Length..],
            wrongSignature["sha256=".Length..],
            "guessed-token-9f2c",
            "guessed-secret",
        ];
        foreach (var line in lines)
        {
            foreach (var secret in forbidden)
                Assert.DoesNotContain(secret, line, StringComparison.Ordinal);
        }
    }
}
