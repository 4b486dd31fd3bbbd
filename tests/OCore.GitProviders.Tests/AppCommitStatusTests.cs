using OCore.GitProviders.GitHubApp;
using OCore.GitProviders.Tests.Support;

namespace OCore.GitProviders.Tests;

public sealed class AppCommitStatusTests
{
    [Fact]
    public async Task Posts_state_target_context_and_a_description_cut_to_140_characters()
    {
        await using var h = await GitHubAppHarness.StartAsync();
        var description = new string('d', 200);

        await h.Client.CreateCommitStatusAsync(GitHubAppHarness.InstallationId, "acme", "odoo-custom", "abc123",
            new NewCommitStatus(GitHubCommitState.Failure, "ocore/production", new Uri("https://ocore.example.com/d/1"), description));

        var request = Assert.Single(h.Server.Writes);
        Assert.Equal("POST /repos/acme/odoo-custom/statuses/abc123", request.ToString());
        JsonAssert.Equal($$"""{"state":"failure","target_url":"https://ocore.example.com/d/1","description":"{{new string('d', 139)}}…","context":"ocore/production"}""",
            request.Body);
    }

    [Theory]
    [InlineData(GitHubCommitState.Pending, "pending")]
    [InlineData(GitHubCommitState.Success, "success")]
    [InlineData(GitHubCommitState.Error, "error")]
    public async Task Sends_GitHubs_state_names(GitHubCommitState state, string expected)
    {
        await using var h = await GitHubAppHarness.StartAsync();

        await h.Client.CreateCommitStatusAsync(GitHubAppHarness.InstallationId, "acme", "odoo-custom", "abc123", new NewCommitStatus(state, "ocore"));

        JsonAssert.Equal($$"""{"state":"{{expected}}","context":"ocore"}""", Assert.Single(h.Server.Writes).Body);
    }
}
