using System.Net;
using OCore.Api.Git;
using OCore.WebhookReceiver.Push;
using OCore.WebhookReceiver.Tests.Support;

namespace OCore.WebhookReceiver.Tests.Endpoints;

/// <summary>Through HTTP, the push handler receives exactly the changes each provider's payload describes.</summary>
public sealed class ProviderPushTests(ReceiverFactory factory) : IClassFixture<ReceiverFactory>
{
    [Fact]
    public async Task GitHub_push_hands_over_the_branch_update()
    {
        var answer = await WebhookRequest.GitHub("push", "gh-push-1").Payload("github-push.json").Sign().SendAsync(factory.CreateClient());

        Assert.Equal(HttpStatusCode.Accepted, answer.StatusCode);
        var push = Received("gh-push-1", GitProvider.GitHub, "push", "acme/odoo-custom", "jdoe");
        Assert.Equal(
            [new RefChange("refs/heads/main", "main", false, "6113728f27ae82c7b1a177c8d03f9e96e0adf246", "0d1a26e67d8f5eaf1f6ba5c57fc3c7d91ac0fd1c", RefChangeKind.Updated, false)],
            push.Changes);
        Assert.Equal(ReceiverFactory.GitHubProject, factory.Handler.ProjectOf("gh-push-1")!.ProjectId);
    }

    [Fact]
    public async Task GitHub_form_encoded_push_is_verified_over_the_raw_form_body()
    {
        var answer = await WebhookRequest.GitHub("push", "gh-form-1").Payload("github-push.form")
            .ContentType("application/x-www-form-urlencoded").Sign().SendAsync(factory.CreateClient());

        Assert.Equal(HttpStatusCode.Accepted, answer.StatusCode);
        var push = Received("gh-form-1", GitProvider.GitHub, "push", "acme/odoo-custom", "jdoe");
        Assert.Equal(
            [new RefChange("refs/heads/feature/invoice-layout", "feature/invoice-layout", false, "9b2e5f0c1d7a4e3b8c6f2a1d0e9b8c7a6f5e4d3c", "0d1a26e67d8f5eaf1f6ba5c57fc3c7d91ac0fd1c", RefChangeKind.Updated, true)],
            push.Changes);
    }

    [Fact]
    public async Task GitHub_form_body_signed_after_decoding_is_rejected()
    {
        var form = Payloads.Read("github-push.form");
        var decoded = System.Text.Encoding.UTF8.GetBytes(Uri.UnescapeDataString(System.Text.Encoding.UTF8.GetString(form)["payload=".Length..].Replace('+', ' ')));

        var answer = await WebhookRequest.GitHub("push", "gh-form-2").Body(form).ContentType("application/x-www-form-urlencoded")
            .Header("X-Hub-Signature-256", WebhookRequest.Signature(ReceiverFactory.Secret, decoded)).SendAsync(factory.CreateClient());

        Assert.Equal(HttpStatusCode.Unauthorized, answer.StatusCode);
        Assert.Null(factory.Handler.Received("gh-form-2"));
    }

    [Fact]
    public async Task GitHub_branch_deletion_reaches_the_handler_as_a_deleted_change()
    {
        factory.Handler.AnswerFor("gh-delete-1", _ => PushOutcome.Queued([], "environment feature-invoice-layout will be removed"));

        var answer = await WebhookRequest.GitHub("push", "gh-delete-1").Payload("github-branch-delete.json").Sign().SendAsync(factory.CreateClient());

        Assert.Equal(HttpStatusCode.Accepted, answer.StatusCode);
        Assert.Equal("environment feature-invoice-layout will be removed", answer.Message);
        Assert.Equal("[]", answer.Body.GetProperty("deployments").GetRawText());
        var push = Received("gh-delete-1", GitProvider.GitHub, "push", "acme/odoo-custom", "jdoe");
        Assert.Equal(
            [new RefChange("refs/heads/feature/invoice-layout", "feature/invoice-layout", false, "9b2e5f0c1d7a4e3b8c6f2a1d0e9b8c7a6f5e4d3c", null, RefChangeKind.Deleted, false)],
            push.Changes);
    }

    [Fact]
    public async Task GitLab_push_hook_hands_over_the_branch_update()
    {
        var answer = await WebhookRequest.GitLab("Push Hook", "gl-push-1").Payload("gitlab-push.json")
            .ContentType("application/json; charset=UTF-8").Sign().SendAsync(factory.CreateClient());

        Assert.Equal(HttpStatusCode.Accepted, answer.StatusCode);
        var push = Received("gl-push-1", GitProvider.GitLab, "Push Hook", "acme/erp/odoo-custom", "jdoe");
        Assert.Equal(
            [new RefChange("refs/heads/staging", "staging", false, "95790bf891e76fee5e1747ab589903a6a1f80f22", "da1560886d4f094c3e6c9ef40349f7d38b5d27d7", RefChangeKind.Updated, false)],
            push.Changes);
    }

    [Fact]
    public async Task GitLab_branch_deletion_reaches_the_handler_as_a_deleted_change()
    {
        var answer = await WebhookRequest.GitLab("Push Hook", "gl-delete-1").Payload("gitlab-branch-delete.json").Sign().SendAsync(factory.CreateClient());

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal("nothing to deploy", answer.Message);
        var push = Received("gl-delete-1", GitProvider.GitLab, "Push Hook", "acme/erp/odoo-custom", "jdoe");
        Assert.Equal(
            [new RefChange("refs/heads/feature/pos-receipt", "feature/pos-receipt", false, "a7c3e1f9b2d4c6e8f0a1b3c5d7e9f1a2b4c6d8e0", null, RefChangeKind.Deleted, false)],
            push.Changes);
    }

    [Fact]
    public async Task GitLab_prefers_Idempotency_Key_as_delivery_id()
    {
        var answer = await WebhookRequest.GitLab("Push Hook", "gl-webhook-uuid").Header("Idempotency-Key", "gl-idem-1")
            .Header("X-Gitlab-Event-UUID", "gl-event-uuid").Payload("gitlab-push.json").Sign().SendAsync(factory.CreateClient());

        Assert.Equal(HttpStatusCode.Accepted, answer.StatusCode);
        Assert.Equal("gl-idem-1", answer.Body.GetProperty("deliveryId").GetString());
        Assert.NotNull(factory.Handler.Received("gl-idem-1"));
    }

    [Fact]
    public async Task GitLab_event_uuid_is_not_a_delivery_id()
    {
        var answer = await WebhookRequest.GitLab("Push Hook", "unused").Without("X-Gitlab-Webhook-UUID")
            .Header("X-Gitlab-Event-UUID", "gl-event-uuid-1").Payload("gitlab-push.json").Sign().SendAsync(factory.CreateClient());

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Equal("header 'Idempotency-Key' or 'X-Gitlab-Webhook-UUID' is missing", answer.Message);
        Assert.Null(factory.Handler.Received("gl-event-uuid-1"));
    }

    [Fact]
    public async Task Bitbucket_Cloud_push_hands_over_every_change()
    {
        var answer = await WebhookRequest.BitbucketCloud("repo:push", "bb-push-1").Payload("bitbucket-cloud-push.json").Sign().SendAsync(factory.CreateClient());

        Assert.Equal(HttpStatusCode.Accepted, answer.StatusCode);
        Assert.Equal(
            ["deploy-main", "deploy-feature-pos-receipt-v2"],
            answer.Body.GetProperty("deployments").EnumerateArray().Select(d => d.GetProperty("name").GetString()));
        var push = Received("bb-push-1", GitProvider.Bitbucket, "repo:push", "acme/odoo-custom", "jdoe");
        Assert.Equal(
            [
                new RefChange("refs/heads/main", "main", false, "3f1c0a9e8d7b6c5a4f3e2d1c0b9a8f7e6d5c4b3a", "c0ffee1234567890abcdef1234567890abcdef12", RefChangeKind.Updated, false),
                new RefChange("refs/heads/feature/pos-receipt-v2", "feature/pos-receipt-v2", false, null, "5d4c3b2a19080706f5e4d3c2b1a0998877665544", RefChangeKind.Created, false),
                new RefChange("refs/heads/feature/pos-receipt", "feature/pos-receipt", false, "e1d2c3b4a5968778695a4b3c2d1e0f9a8b7c6d5e", null, RefChangeKind.Deleted, false),
                new RefChange("refs/tags/v17.0.3.0", null, true, null, "c0ffee1234567890abcdef1234567890abcdef12", RefChangeKind.Created, false),
            ],
            push.Changes);
    }

    [Fact]
    public async Task Bitbucket_Data_Center_refs_changed_hands_over_every_change()
    {
        var answer = await WebhookRequest.BitbucketDataCenter("repo:refs_changed", "bbdc-push-1").Payload("bitbucket-dc-refs-changed.json")
            .ContentType("application/json; charset=utf-8").Sign().SendAsync(factory.CreateClient());

        Assert.Equal(HttpStatusCode.Accepted, answer.StatusCode);
        var push = Received("bbdc-push-1", GitProvider.Bitbucket, "repo:refs_changed", "ERP/odoo-custom", "jdoe");
        Assert.Equal(
            [
                new RefChange("refs/heads/develop", "develop", false, null, "178864a7d521b6f5e720b386b2c2b0ef8563e0dc", RefChangeKind.Created, false),
                new RefChange("refs/heads/main", "main", false, "ecddabb624f6f5ba43816f5926e580a5f680a932", "178864a7d521b6f5e720b386b2c2b0ef8563e0dc", RefChangeKind.Updated, false),
                new RefChange("refs/heads/release/17.0", "release/17.0", false, "a1b2c3d4e5f60718293a4b5c6d7e8f9012345678", null, RefChangeKind.Deleted, false),
                new RefChange("refs/tags/v17.0.3.0", null, true, null, "178864a7d521b6f5e720b386b2c2b0ef8563e0dc", RefChangeKind.Created, false),
            ],
            push.Changes);
    }

    [Theory]
    [InlineData("ssh://git@bitbucket.acme.example:7999/erp/odoo-custom.git", HttpStatusCode.Accepted)]
    [InlineData("https://bitbucket.acme.example/bitbucket/scm/ERP/odoo-custom.git", HttpStatusCode.Accepted)]
    [InlineData("https://bitbucket.acme.example/scm/erp/odoo-website.git", HttpStatusCode.Forbidden)]
    [InlineData("https://bitbucket.acme.example/scm/hr/odoo-custom.git", HttpStatusCode.Forbidden)]
    public async Task Bitbucket_Data_Center_repository_is_compared_by_project_key_and_slug(string repository, HttpStatusCode expected)
    {
        var projectId = "p-bbdc-" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(repository)))[..8];
        factory.Projects.Add(ReceiverFactory.NewProject(projectId, GitProvider.Bitbucket, repository));

        var answer = await WebhookRequest.BitbucketDataCenter("repo:refs_changed", "bbdc-" + projectId, projectId)
            .Payload("bitbucket-dc-refs-changed.json").Sign().SendAsync(factory.CreateClient());

        Assert.Equal(expected, answer.StatusCode);
    }

    [Fact]
    public async Task Repository_comparison_ignores_case()
    {
        var answer = await WebhookRequest.GitHub("push", "gh-case-1")
            .Body(Payloads.Read("github-push.json").Replace("acme/odoo-custom", "ACME/Odoo-Custom")).Sign().SendAsync(factory.CreateClient());

        Assert.Equal(HttpStatusCode.Accepted, answer.StatusCode);
    }

    private PushEvent Received(string deliveryId, GitProvider provider, string eventName, string repository, string pusher)
    {
        var push = factory.Handler.Received(deliveryId);
        Assert.NotNull(push);
        Assert.Equal(provider, push.Provider);
        Assert.Equal(deliveryId, push.DeliveryId);
        Assert.Equal(eventName, push.EventName);
        Assert.Equal(repository, push.RepositoryFullName);
        Assert.Equal(pusher, push.Pusher);
        return push;
    }
}
