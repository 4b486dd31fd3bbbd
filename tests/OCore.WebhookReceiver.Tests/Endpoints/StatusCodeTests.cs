using System.Net;
using OCore.WebhookReceiver.Push;
using OCore.WebhookReceiver.Tests.Support;

namespace OCore.WebhookReceiver.Tests.Endpoints;

/// <summary>Every answer the endpoints give, through the real HTTP pipeline, with its exact status and body.</summary>
public sealed class StatusCodeTests(ReceiverFactory factory) : IClassFixture<ReceiverFactory>
{
    private const string GitHubMismatch =
        "header 'X-Hub-Signature-256' does not match the body signed with the webhook secret of this project, or there is no such project";

    private static readonly Dictionary<string, Case> Cases = new()
    {
        ["202 GitHub push queues a deployment"] = new(
            _ => WebhookRequest.GitHub("push", "gh-202").Payload("github-push.json").Sign(),
            HttpStatusCode.Accepted, "queued", "1 deployment(s) queued", HandlerCalled: true),
        ["200 GitHub ping"] = new(
            _ => WebhookRequest.GitHub("ping", "gh-ping").Payload("github-ping.json").Sign(),
            HttpStatusCode.OK, "ignored", $"ping received: the webhook reaches oCore and its secret matches project '{ReceiverFactory.GitHubProject}'"),
        ["200 Bitbucket Data Center diagnostics:ping"] = new(
            _ => WebhookRequest.BitbucketDataCenter("diagnostics:ping", "bbdc-ping").Payload("bitbucket-dc-ping.json").Sign(),
            HttpStatusCode.OK, "ignored", $"ping received: the webhook reaches oCore and its secret matches project '{ReceiverFactory.BitbucketDataCenterProject}'"),
        ["200 GitHub tag push"] = new(
            _ => WebhookRequest.GitHub("push", "gh-tag").Payload("github-tag-push.json").Sign(),
            HttpStatusCode.OK, "ignored", "no branch changed, only refs/tags/v17.0.1.2; only refs/heads/* deploy"),
        ["200 GitLab Tag Push Hook"] = new(
            _ => WebhookRequest.GitLab("Tag Push Hook", "gl-tag").Payload("gitlab-tag-push.json").Sign(),
            HttpStatusCode.OK, "ignored", "no branch changed, only refs/tags/v17.0.2.0; only refs/heads/* deploy"),
        ["200 GitHub non-push event"] = new(
            _ => WebhookRequest.GitHub("issues", "gh-issues").Body("""{"action":"opened"}""").Sign(),
            HttpStatusCode.OK, "ignored", "event 'issues' is not handled; only push events deploy"),
        ["200 Bitbucket Cloud non-push event"] = new(
            _ => WebhookRequest.BitbucketCloud("pullrequest:created", "bb-pr").Body("""{"pullrequest":{}}""").Sign(),
            HttpStatusCode.OK, "ignored", "event 'pullrequest:created' is not handled; only push events deploy"),
        ["200 unmapped branch"] = new(
            f =>
            {
                f.Handler.AnswerFor("gl-unmapped", _ => PushOutcome.Ignored("branch 'staging' has no mapping"));
                return WebhookRequest.GitLab("Push Hook", "gl-unmapped").Payload("gitlab-push.json").Sign();
            },
            HttpStatusCode.OK, "ignored", "branch 'staging' has no mapping", HandlerCalled: true),
        ["200 duplicate delivery"] = new(
            f =>
            {
                f.Handler.AnswerFor("gh-dup", _ => PushOutcome.Duplicate("deployment odoo-main-0d1a26e already exists"));
                return WebhookRequest.GitHub("push", "gh-dup").Payload("github-push.json").Sign();
            },
            HttpStatusCode.OK, "duplicate", "deployment odoo-main-0d1a26e already exists", HandlerCalled: true),
        ["400 payload field missing"] = new(
            _ => WebhookRequest.GitHub("push", "gh-400-field").Body("""{"before":"6113728f27ae82c7b1a177c8d03f9e96e0adf246"}""").Sign(),
            HttpStatusCode.BadRequest, "bad_request", "payload field 'ref' is missing"),
        ["400 event header missing"] = new(
            _ => WebhookRequest.GitHub("push", "gh-400-event").Without("X-GitHub-Event").Payload("github-push.json").Sign(),
            HttpStatusCode.BadRequest, "bad_request", "header 'X-GitHub-Event' is missing"),
        ["400 signature header twice"] = new(
            _ => WebhookRequest.GitHub("push", "gh-400-sig").Payload("github-push.json")
                .Header("X-Hub-Signature-256", "sha256=" + new string('0', 64), "sha256=" + new string('1', 64)),
            HttpStatusCode.BadRequest, "bad_request", "header 'X-Hub-Signature-256' appears more than once"),
        ["401 signature missing"] = new(
            _ => WebhookRequest.GitHub("push", "gh-401-missing").Payload("github-push.json"),
            HttpStatusCode.Unauthorized, "unauthorized", "header 'X-Hub-Signature-256' is missing; set the secret oCore gave for this project on the webhook"),
        ["401 signature malformed"] = new(
            _ => WebhookRequest.GitHub("push", "gh-401-malformed").Payload("github-push.json").Header("X-Hub-Signature-256", "sha1=abc"),
            HttpStatusCode.Unauthorized, "unauthorized", "header 'X-Hub-Signature-256' is not of the form sha256=<64 hex digits>"),
        ["401 GitHub signature made with another secret"] = new(
            _ => WebhookRequest.GitHub("push", "gh-401-wrong").Payload("github-push.json").Sign("another-secret"),
            HttpStatusCode.Unauthorized, "unauthorized", GitHubMismatch),
        ["401 unknown project"] = new(
            _ => WebhookRequest.GitHub("push", "gh-401-unknown", projectId: "p-does-not-exist").Payload("github-push.json").Sign(),
            HttpStatusCode.Unauthorized, "unauthorized", GitHubMismatch),
        ["401 project of another provider"] = new(
            _ => WebhookRequest.GitHub("push", "gh-401-provider", projectId: ReceiverFactory.GitLabProject).Payload("github-push.json").Sign(),
            HttpStatusCode.Unauthorized, "unauthorized", GitHubMismatch),
        ["401 GitLab wrong token"] = new(
            _ => WebhookRequest.GitLab("Push Hook", "gl-401").Payload("gitlab-push.json").Sign(ReceiverFactory.Secret + " "),
            HttpStatusCode.Unauthorized, "unauthorized", "header 'X-Gitlab-Token' does not match the webhook secret of this project, or there is no such project"),
        ["401 Bitbucket signature made with another secret"] = new(
            _ => WebhookRequest.BitbucketCloud("repo:push", "bb-401").Payload("bitbucket-cloud-push.json").Sign("another-secret"),
            HttpStatusCode.Unauthorized, "unauthorized", "header 'X-Hub-Signature' does not match the body signed with the webhook secret of this project, or there is no such project"),
        ["403 repository of another project"] = new(
            _ => WebhookRequest.GitHub("push", "gh-403").Body(Payloads.Read("github-push.json").Replace("acme/odoo-custom", "mallory/odoo-custom")).Sign(),
            HttpStatusCode.Forbidden, "forbidden", "repository 'mallory/odoo-custom' in the payload is not this project's repository 'acme/odoo-custom'"),
        ["413 body over the cap"] = new(
            _ => WebhookRequest.GitHub("push", "gh-413").Body(new byte[(10 * 1024 * 1024) + 1]).Sign(),
            HttpStatusCode.RequestEntityTooLarge, "payload_too_large", "body is larger than 10485760 bytes"),
        ["415 unsupported content type"] = new(
            _ => WebhookRequest.GitHub("push", "gh-415").Payload("github-push.json").ContentType("text/plain").Sign(),
            HttpStatusCode.UnsupportedMediaType, "unsupported_media_type", "Content-Type 'text/plain' is not supported; send application/json or application/x-www-form-urlencoded"),
        ["415 GitLab form body"] = new(
            _ => WebhookRequest.GitLab("Push Hook", "gl-415").Payload("gitlab-push.json").ContentType("application/x-www-form-urlencoded").Sign(),
            HttpStatusCode.UnsupportedMediaType, "unsupported_media_type", "Content-Type 'application/x-www-form-urlencoded' is not supported; send application/json"),
        ["415 content type missing"] = new(
            _ => WebhookRequest.BitbucketCloud("repo:push", "bb-415").Payload("bitbucket-cloud-push.json").ContentType(null).Sign(),
            HttpStatusCode.UnsupportedMediaType, "unsupported_media_type", "Content-Type is missing; send application/json"),
        ["503 handler failed"] = new(
            f =>
            {
                f.Handler.AnswerFor("gh-503", _ => throw new HttpRequestException("connection refused"));
                return WebhookRequest.GitHub("push", "gh-503").Payload("github-push.json").Sign();
            },
            HttpStatusCode.ServiceUnavailable, "unavailable", "the push was verified but could not be handed on; redeliver it later", HandlerCalled: true),
    };

    public static TheoryData<string> CaseNames => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task Answers_with_the_status_and_message_that_say_what_happened(string name)
    {
        var expected = Cases[name];
        var request = expected.Arrange(factory);

        var answer = await request.SendAsync(factory.CreateClient());

        Assert.Equal(expected.StatusCode, answer.StatusCode);
        Assert.Equal(expected.Status, answer.Status);
        Assert.Equal(expected.Message, answer.Message);
        Assert.Equal("application/json", answer.Response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(expected.HandlerCalled, factory.Handler.Received(request.DeliveryId) is not null);
    }

    [Fact]
    public async Task Accepted_answer_names_the_deployments_queued()
    {
        var answer = await WebhookRequest.GitHub("push", "gh-202-body").Payload("github-push.json").Sign().SendAsync(factory.CreateClient());

        Assert.Equal(HttpStatusCode.Accepted, answer.StatusCode);
        Assert.Equal(
            """{"status":"queued","message":"1 deployment(s) queued","event":"push","deliveryId":"gh-202-body","deployments":[{"name":"deploy-main","environment":"main","branch":"main","commit":"0d1a26e67d8f5eaf1f6ba5c57fc3c7d91ac0fd1c"}]}""",
            answer.Body.GetRawText());
    }

    [Fact]
    public async Task Unknown_project_gets_the_same_answer_as_a_wrong_signature()
    {
        var client = factory.CreateClient();

        var unknown = await client.SendAsync(WebhookRequest.GitHub("push", "gh-same-1", projectId: "p-unknown").Payload("github-push.json").Sign().Build());
        var wrong = await client.SendAsync(WebhookRequest.GitHub("push", "gh-same-2").Payload("github-push.json").Sign("wrong").Build());

        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Equal(wrong.StatusCode, unknown.StatusCode);
        Assert.Equal(await wrong.Content.ReadAsStringAsync(), await unknown.Content.ReadAsStringAsync());
        Assert.Equal(
            wrong.Headers.Select(h => h.Key).Order(StringComparer.Ordinal),
            unknown.Headers.Select(h => h.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Health_probe_answers()
    {
        var response = await factory.CreateClient().GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    public sealed record Case(
        Func<ReceiverFactory, WebhookRequest> Arrange, HttpStatusCode StatusCode, string Status, string Message, bool HandlerCalled = false);
}
