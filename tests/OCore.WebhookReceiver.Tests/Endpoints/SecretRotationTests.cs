using System.Net;
using System.Text;
using OCore.Api.Git;
using OCore.WebhookReceiver.Projects;
using OCore.WebhookReceiver.Tests.Support;

namespace OCore.WebhookReceiver.Tests.Endpoints;

/// <summary>During a rotation the previous secret keeps working until its grace period ends, then only the new one does.</summary>
public sealed class SecretRotationTests(ReceiverFactory factory) : IClassFixture<ReceiverFactory>
{
    private const string Current = "whsec-new-51c2e0d9";
    private const string Previous = "whsec-old-a83f7b64";
    private static readonly DateTimeOffset GraceEnds = new(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("github", -60, Previous, HttpStatusCode.Accepted)]
    [InlineData("github", -60, Current, HttpStatusCode.Accepted)]
    [InlineData("github", 0, Previous, HttpStatusCode.Unauthorized)]
    [InlineData("github", 60, Previous, HttpStatusCode.Unauthorized)]
    [InlineData("github", 60, Current, HttpStatusCode.Accepted)]
    [InlineData("gitlab", -60, Previous, HttpStatusCode.Accepted)]
    [InlineData("gitlab", 60, Previous, HttpStatusCode.Unauthorized)]
    [InlineData("gitlab", 60, Current, HttpStatusCode.Accepted)]
    [InlineData("bitbucket", -60, Previous, HttpStatusCode.Accepted)]
    [InlineData("bitbucket", 60, Previous, HttpStatusCode.Unauthorized)]
    [InlineData("bitbucket", 60, Current, HttpStatusCode.Accepted)]
    public async Task Previous_secret_is_accepted_only_within_its_grace_period(string provider, int secondsAfterGraceEnds, string secret, HttpStatusCode expected)
    {
        var projectId = $"p-rotating-{provider}";
        var secrets = new[] { new WebhookSecret(Encoding.UTF8.GetBytes(Current), null), new WebhookSecret(Encoding.UTF8.GetBytes(Previous), GraceEnds) };
        var (gitProvider, repository, request) = provider switch
        {
            "github" => (GitProvider.GitHub, "git@github.com:acme/odoo-custom.git", WebhookRequest.GitHub("push", Guid.NewGuid().ToString(), projectId).Payload("github-push.json")),
            "gitlab" => (GitProvider.GitLab, "git@gitlab.com:acme/erp/odoo-custom.git", WebhookRequest.GitLab("Push Hook", Guid.NewGuid().ToString(), projectId).Payload("gitlab-push.json")),
            _ => (GitProvider.Bitbucket, "git@bitbucket.org:acme/odoo-custom.git", WebhookRequest.BitbucketCloud("repo:push", Guid.NewGuid().ToString(), projectId).Payload("bitbucket-cloud-push.json")),
        };
        factory.Projects.Add(ReceiverFactory.NewProject(projectId, gitProvider, repository, secrets));
        factory.Time.Now = GraceEnds.AddSeconds(secondsAfterGraceEnds);

        var answer = await request.Sign(secret).SendAsync(factory.CreateClient());

        Assert.Equal(expected, answer.StatusCode);
    }

    [Fact]
    public async Task Project_whose_only_secret_is_empty_rejects_even_an_empty_signature_key()
    {
        factory.Projects.Add(ReceiverFactory.NewProject("p-empty-secret", GitProvider.GitHub, "git@github.com:acme/odoo-custom.git", new WebhookSecret([], null)));

        var answer = await WebhookRequest.GitHub("push", "rot-empty", "p-empty-secret").Payload("github-push.json").Sign("").SendAsync(factory.CreateClient());

        Assert.Equal(HttpStatusCode.Unauthorized, answer.StatusCode);
    }

    [Fact]
    public async Task GitLab_project_with_an_empty_secret_rejects_an_empty_token()
    {
        factory.Projects.Add(ReceiverFactory.NewProject("p-empty-token", GitProvider.GitLab, "git@gitlab.com:acme/erp/odoo-custom.git", new WebhookSecret([], null)));

        // An empty header counts as missing; a blank-looking token must fail too.
        var empty = await WebhookRequest.GitLab("Push Hook", "rot-empty-token", "p-empty-token").Payload("gitlab-push.json").Sign("").SendAsync(factory.CreateClient());
        var any = await WebhookRequest.GitLab("Push Hook", "rot-any-token", "p-empty-token").Payload("gitlab-push.json").Sign("x").SendAsync(factory.CreateClient());

        Assert.Equal(HttpStatusCode.Unauthorized, empty.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, any.StatusCode);
    }
}
