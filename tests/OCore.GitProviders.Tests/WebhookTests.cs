using System.Text.Json.Nodes;
using OCore.GitProviders.GitHubApp;
using OCore.GitProviders.Tests.Support;
using OCore.Testing.FakeGitHub;

namespace OCore.GitProviders.Tests;

public sealed class WebhookTests
{
    private static readonly Uri HookUrl = new("https://ocore.example.com/api/webhooks/github/p-123");
    private const string Secret = "s3cret-value";

    [Fact]
    public async Task A_missing_hook_is_created_as_a_json_push_hook_with_the_secret()
    {
        await using var h = await GitHubAppHarness.StartAsync();

        var result = await h.Client.EnsureWebhookAsync(GitHubAppHarness.InstallationId, "acme", "odoo-custom", HookUrl, Secret);

        Assert.Equal(EnsureOutcome.Created, result.Outcome);
        var create = Assert.Single(h.Server.Writes);
        Assert.Equal("POST /repos/acme/odoo-custom/hooks", create.ToString());
        JsonAssert.Equal("""{"name":"web","config":{"url":"https://ocore.example.com/api/webhooks/github/p-123","content_type":"json","secret":"s3cret-value","insecure_ssl":"0"},"events":["push"],"active":true}""",
            create.Body);
        var hook = Assert.Single(h.Repository.Hooks);
        Assert.Equal((result.Id, Secret), (hook.Id, hook.Secret));
    }

    [Fact]
    public async Task A_second_call_finds_the_hook_across_pages_and_writes_nothing()
    {
        await using var h = await GitHubAppHarness.StartAsync();
        h.Server.MaxPageSize = 2;
        AddOtherHooks(h, 3);
        var created = await h.Client.EnsureWebhookAsync(GitHubAppHarness.InstallationId, "acme", "odoo-custom", HookUrl, Secret);
        var writesBefore = h.Server.Writes.Count;

        var second = await h.Client.EnsureWebhookAsync(GitHubAppHarness.InstallationId, "acme", "odoo-custom", HookUrl, Secret);

        Assert.Equal((created.Id, EnsureOutcome.Unchanged), (second.Id, second.Outcome));
        Assert.Equal(writesBefore, h.Server.Writes.Count);
        Assert.Equal(2, h.Server.Requests.Count(r => r.RawTarget == "/repos/acme/odoo-custom/hooks?per_page=100&page=2"));
    }

    [Fact]
    public async Task A_rotated_secret_is_patched_with_the_whole_config()
    {
        await using var h = await GitHubAppHarness.StartAsync();
        var created = await h.Client.EnsureWebhookAsync(GitHubAppHarness.InstallationId, "acme", "odoo-custom", HookUrl, Secret);

        var result = await h.Client.EnsureWebhookAsync(GitHubAppHarness.InstallationId, "acme", "odoo-custom", HookUrl, "rotated", secretChanged: true);

        Assert.Equal((created.Id, EnsureOutcome.Updated), (result.Id, result.Outcome));
        var patch = h.Server.Writes[^1];
        Assert.Equal($"PATCH /repos/acme/odoo-custom/hooks/{created.Id}", patch.ToString());
        JsonAssert.Equal("""{"config":{"url":"https://ocore.example.com/api/webhooks/github/p-123","content_type":"json","secret":"rotated","insecure_ssl":"0"},"events":["push"],"active":true}""",
            patch.Body);
        Assert.Equal("rotated", Assert.Single(h.Repository.Hooks).Secret);
    }

    [Theory]
    [InlineData("form", "0", true, "push")]
    [InlineData("json", "1", true, "push")]
    [InlineData("json", "0", false, "push")]
    [InlineData("json", "0", true, "push,pull_request")]
    [InlineData("json", "0", true, "push", false)]
    public async Task A_drifted_hook_is_patched_and_keeps_a_secret(string contentType, string insecureSsl, bool active, string events, bool hasSecret = true)
    {
        await using var h = await GitHubAppHarness.StartAsync();
        var config = new JsonObject { ["url"] = HookUrl.AbsoluteUri, ["content_type"] = contentType, ["insecure_ssl"] = insecureSsl };
        if (hasSecret)
            config["secret"] = "old";
        h.Repository.Hooks.Add(new FakeHook { Id = 9, Config = config, Active = active, Events = [.. events.Split(',')] });

        var result = await h.Client.EnsureWebhookAsync(GitHubAppHarness.InstallationId, "acme", "odoo-custom", HookUrl, Secret);

        Assert.Equal((9L, EnsureOutcome.Updated), (result.Id, result.Outcome));
        var hook = Assert.Single(h.Repository.Hooks);
        Assert.Equal((Secret, "json", "0", true), (hook.Secret, hook.Config["content_type"]!.GetValue<string>(), hook.Config["insecure_ssl"]!.GetValue<string>(), hook.Active));
        Assert.Equal(["push"], hook.Events);
    }

    [Fact]
    public async Task Duplicate_hooks_for_the_url_are_removed()
    {
        await using var h = await GitHubAppHarness.StartAsync();
        var first = await h.Client.EnsureWebhookAsync(GitHubAppHarness.InstallationId, "acme", "odoo-custom", HookUrl, Secret);
        h.Repository.Hooks.Add(new FakeHook { Id = 5000, Config = new JsonObject { ["url"] = HookUrl.AbsoluteUri, ["content_type"] = "json" } });
        AddOtherHooks(h, 1);

        var result = await h.Client.EnsureWebhookAsync(GitHubAppHarness.InstallationId, "acme", "odoo-custom", HookUrl, Secret);

        Assert.Equal((first.Id, EnsureOutcome.Unchanged), (result.Id, result.Outcome));
        Assert.Equal([5000L], result.RemovedIds);
        Assert.Equal("DELETE /repos/acme/odoo-custom/hooks/5000", h.Server.Writes[^1].ToString());
        Assert.Equal(2, h.Repository.Hooks.Count);
    }

    [Fact]
    public async Task RemoveWebhooks_deletes_only_hooks_for_the_url()
    {
        await using var h = await GitHubAppHarness.StartAsync();
        AddOtherHooks(h, 2);
        var created = await h.Client.EnsureWebhookAsync(GitHubAppHarness.InstallationId, "acme", "odoo-custom", HookUrl, Secret);

        var removed = await h.Client.RemoveWebhooksAsync(GitHubAppHarness.InstallationId, "acme", "odoo-custom", HookUrl);

        Assert.Equal([created.Id], removed);
        Assert.Equal(2, h.Repository.Hooks.Count);
    }

    private static void AddOtherHooks(GitHubAppHarness h, int count)
    {
        for (var i = 0; i < count; i++)
        {
            h.Repository.Hooks.Add(new FakeHook
            {
                Id = h.Server.NextId(),
                Config = new JsonObject { ["url"] = $"https://ci.example.com/hook/{i}", ["content_type"] = "json", ["secret"] = "x", ["insecure_ssl"] = "0" },
            });
        }
    }
}
