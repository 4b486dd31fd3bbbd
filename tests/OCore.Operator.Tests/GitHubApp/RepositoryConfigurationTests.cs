using OCore.Api.V1Alpha1;
using OCore.Operator.GitHubApp;
using OCore.Testing;

namespace OCore.Operator.Tests.GitHubApp;

/// <summary>The deploy key and webhook the App keeps on the repository: once, updated after a regeneration or rotation, removed on deletion.</summary>
public sealed class RepositoryConfigurationTests : IAsyncLifetime
{
    private AppOperator _app = null!;

    public async Task InitializeAsync()
    {
        _app = await AppOperator.StartAsync(setUp: gitHub => gitHub.AddInstallation(2001, "acme"));
        await _app.CreateInstallationAsync("acme", 2001);
        await _app.Resources.CreateProjectAsync("erp", "git@github.com:acme/odoo.git");
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Key_and_webhook_are_installed_once_updated_after_regeneration_and_rotation_and_removed_on_deletion()
    {
        var project = await _app.InstalledByAppAsync("erp");
        Assert.Contains(GitHubAppProjectStep.Finalizer, project.Metadata.Finalizers);
        var repository = _app.GitHub.Repository("acme", "odoo");
        var hookId = Assert.Single(repository.Hooks).Id;
        var oldKeyId = Assert.Single(repository.Keys).Id;

        // Nothing changes on GitHub while nothing changes here.
        var writes = _app.GitHub.Writes.Count;
        await _app.Resources.AnnotateAsync("projects", "erp", "example.com/unrelated", "1");
        await Task.Delay(1000);
        Assert.Equal(writes, _app.GitHub.Writes.Count);

        // A regenerated key replaces the old one on GitHub.
        await _app.Resources.AnnotateAsync("projects", "erp", Annotations.RegenerateDeployKey, "1");
        var regenerated = await _app.ProjectUntilAsync("erp", p => p.Status?.HandledRegenerateDeployKey == "1"
            && AppOperator.Condition(p, ConditionTypes.DeployKeyReady)?.Reason == "InstalledByGitHubApp", "the new key is installed");
        await Eventually.Until(() => repository.Keys.Count == 1 && repository.Keys[0].Id != oldKeyId, "the new key replaces the old one");
        Assert.Equal(string.Join(' ', regenerated.Status!.DeployKey!.PublicKey!.Split(' ').Take(2)), repository.Keys[0].Key);
        Assert.Contains(_app.GitHub.Writes, r => r.Method == "DELETE" && r.Path == $"/repos/acme/odoo/keys/{oldKeyId}");

        // A rotated webhook secret is sent to the same hook.
        await _app.Resources.AnnotateAsync("projects", "erp", Annotations.ReconfigureWebhook, "rotate-1");
        await _app.ProjectUntilAsync("erp", p => p.Status?.HandledReconfigureWebhook == "rotate-1", "the secret is rotated");
        var secret = await _app.WebhookSecretAsync("erp");
        await Eventually.Until(() => repository.Hooks.Count == 1 && repository.Hooks[0].Secret == secret, "GitHub gets the new secret");
        Assert.Equal(hookId, repository.Hooks[0].Id);
        Assert.Contains(_app.GitHub.Writes, r => r.Method == "PATCH" && r.Path == $"/repos/acme/odoo/hooks/{hookId}");

        // Deleting the project removes both from GitHub, then the project goes.
        await _app.Resources.DeleteAsync("projects", "erp");
        await Eventually.Until(() => _app.Resources.GetAsync<Project>("projects", "erp"), p => p is null, "the project is deleted");
        Assert.Empty(repository.Keys);
        Assert.Empty(repository.Hooks);
    }

    [Fact]
    public async Task A_rate_limited_configuration_is_retried_at_the_time_GitHub_gives()
    {
        await _app.InstalledByAppAsync("erp");
        _app.GitHub.AnswerNext(429, "You have exceeded a secondary rate limit", ("Retry-After", "3"));
        await _app.Resources.AnnotateAsync("projects", "erp", Annotations.RegenerateDeployKey, "1");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var repository = _app.GitHub.Repository("acme", "odoo");
        var oldKey = repository.Keys[0].Key;
        await _app.ProjectUntilAsync("erp", p => p.Status?.HandledRegenerateDeployKey == "1", "the key is regenerated");
        await Eventually.Until(() => repository.Keys.Count == 1 && repository.Keys[0].Key != oldKey, "the new key reaches GitHub after the rate limit");
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(2.5), $"retried after {clock.Elapsed}, before GitHub's Retry-After of 3 s");
    }
}
