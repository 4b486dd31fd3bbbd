using OCore.GitProviders.GitHubApp;
using OCore.GitProviders.Tests.Support;
using OCore.Testing.FakeGitHub;

namespace OCore.GitProviders.Tests;

public sealed class DeployKeyTests
{
    private const string Key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIJOCOREKEY1";
    private const string NewKey = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIJOCOREKEY2";
    private const string Title = "oCore (production)";

    [Fact]
    public async Task A_missing_key_is_created_read_only_after_reading_every_page()
    {
        await using var h = await GitHubAppHarness.StartAsync();
        h.Server.MaxPageSize = 2;
        AddOtherKeys(h, 5);

        var result = await h.Client.EnsureDeployKeyAsync(GitHubAppHarness.InstallationId, "acme", "odoo-custom", Title, $"{Key} ocore@cluster");

        Assert.Equal(EnsureOutcome.Created, result.Outcome);
        Assert.Empty(result.RemovedIds);
        var lists = h.Server.Requests.Where(r => r.Method == "GET").Select(r => r.RawTarget).ToList();
        Assert.Equal(["/repos/acme/odoo-custom/keys?per_page=100", "/repos/acme/odoo-custom/keys?per_page=100&page=2",
            "/repos/acme/odoo-custom/keys?per_page=100&page=3"], lists);
        var create = Assert.Single(h.Server.Writes);
        Assert.Equal("POST /repos/acme/odoo-custom/keys", create.ToString());
        JsonAssert.Equal($$"""{"title":"{{Title}}","key":"{{Key}} ocore@cluster","read_only":true}""", create.Body);
        Assert.StartsWith("token ghs_", create.Header("Authorization"), StringComparison.Ordinal);
        Assert.Equal(new FakeDeployKey(result.Id, Title, Key, true), h.Repository.Keys.Last());
    }

    [Fact]
    public async Task A_second_call_writes_nothing_even_when_the_key_is_on_the_last_page()
    {
        await using var h = await GitHubAppHarness.StartAsync();
        h.Server.MaxPageSize = 2;
        AddOtherKeys(h, 4);
        var first = await h.Client.EnsureDeployKeyAsync(GitHubAppHarness.InstallationId, "acme", "odoo-custom", Title, Key);
        var writesBefore = h.Server.Writes.Count;

        var second = await h.Client.EnsureDeployKeyAsync(GitHubAppHarness.InstallationId, "acme", "odoo-custom", Title, $"{Key} another-comment");

        Assert.Equal(first.Id, second.Id);
        Assert.Equal(EnsureOutcome.Unchanged, second.Outcome);
        Assert.Empty(second.RemovedIds);
        Assert.Equal(writesBefore, h.Server.Writes.Count);
        Assert.Equal(5, h.Repository.Keys.Count);
    }

    [Fact]
    public async Task A_regenerated_key_replaces_the_old_key_with_the_same_title()
    {
        await using var h = await GitHubAppHarness.StartAsync();
        h.Server.MaxPageSize = 2;
        AddOtherKeys(h, 3);
        var old = await h.Client.EnsureDeployKeyAsync(GitHubAppHarness.InstallationId, "acme", "odoo-custom", Title, Key);
        var writesBefore = h.Server.Writes.Count;

        var result = await h.Client.EnsureDeployKeyAsync(GitHubAppHarness.InstallationId, "acme", "odoo-custom", Title, NewKey);

        Assert.Equal(EnsureOutcome.Created, result.Outcome);
        Assert.Equal([old.Id], result.RemovedIds);
        var writes = h.Server.Writes.Skip(writesBefore).Select(w => w.ToString()).ToList();
        Assert.Equal([$"DELETE /repos/acme/odoo-custom/keys/{old.Id}", "POST /repos/acme/odoo-custom/keys"], writes);
        Assert.Equal(4, h.Repository.Keys.Count);
        Assert.Equal(NewKey, Assert.Single(h.Repository.Keys, k => k.Title == Title).Key);
    }

    [Fact]
    public async Task A_writable_copy_of_the_key_is_replaced_by_a_read_only_one()
    {
        await using var h = await GitHubAppHarness.StartAsync();
        h.Repository.Keys.Add(new FakeDeployKey(5, "added by hand", Key, ReadOnly: false));

        var result = await h.Client.EnsureDeployKeyAsync(GitHubAppHarness.InstallationId, "acme", "odoo-custom", Title, Key);

        Assert.Equal([5L], result.RemovedIds);
        Assert.Equal(new FakeDeployKey(result.Id, Title, Key, true), Assert.Single(h.Repository.Keys));
    }

    [Fact]
    public async Task RemoveDeployKeys_deletes_only_keys_with_the_title()
    {
        await using var h = await GitHubAppHarness.StartAsync();
        AddOtherKeys(h, 2);
        var created = await h.Client.EnsureDeployKeyAsync(GitHubAppHarness.InstallationId, "acme", "odoo-custom", Title, Key);

        var removed = await h.Client.RemoveDeployKeysAsync(GitHubAppHarness.InstallationId, "acme", "odoo-custom", Title);

        Assert.Equal([created.Id], removed);
        Assert.Equal(2, h.Repository.Keys.Count);
    }

    [Fact]
    public async Task A_repository_of_another_account_is_not_reachable_with_this_installation()
    {
        await using var h = await GitHubAppHarness.StartAsync();

        var error = await Assert.ThrowsAsync<GitProviderException>(() =>
            h.Client.EnsureDeployKeyAsync(GitHubAppHarness.InstallationId, "someone-else", "repo", Title, Key));

        Assert.Equal(System.Net.HttpStatusCode.NotFound, error.StatusCode);
        Assert.Equal("GitHub answered 404 Not Found to GET /repos/someone-else/repo/keys: Not Found", error.Message);
    }

    private static void AddOtherKeys(GitHubAppHarness h, int count)
    {
        for (var i = 0; i < count; i++)
            h.Repository.Keys.Add(new FakeDeployKey(h.Server.NextId(), $"laptop {i}", $"ssh-rsa AAAAB3NzaC1yc2EOTHER{i}", true));
    }
}
