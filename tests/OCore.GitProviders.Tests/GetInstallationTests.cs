using System.Net;
using OCore.Api.V1Alpha1;
using OCore.GitProviders.GitHubApp;
using OCore.GitProviders.Tests.Support;
using OCore.Testing.FakeGitHub;

namespace OCore.GitProviders.Tests;

public sealed class GetInstallationTests
{
    [Fact]
    public async Task Returns_the_account_with_the_app_jwt()
    {
        await using var h = await GitHubAppHarness.StartAsync();

        var installation = await h.Client.GetInstallationAsync(GitHubAppHarness.InstallationId);

        Assert.Equal(new InstallationInfo(42, "acme", AccountType.Organization,
            DateTimeOffset.Parse("2026-01-15T10:30:00Z", System.Globalization.CultureInfo.InvariantCulture), null, "selected"), installation);
        Assert.False(installation.IsSuspended);
        var request = Assert.Single(h.Server.Requests);
        Assert.Equal("GET /app/installations/42", request.ToString());
        Assert.StartsWith("Bearer ", request.Header("Authorization"), StringComparison.Ordinal);
        Assert.Equal("application/vnd.github+json", request.Header("Accept"));
        Assert.Equal("2022-11-28", request.Header("X-GitHub-Api-Version"));
    }

    [Fact]
    public async Task Reports_user_accounts_and_suspension()
    {
        await using var h = await GitHubAppHarness.StartAsync();
        h.Server.AddInstallation(7, "devuser", "User").SuspendedAt = GitHubAppHarness.Start;

        var installation = await h.Client.GetInstallationAsync(7);

        Assert.Equal("devuser", installation.AccountLogin);
        Assert.Equal(AccountType.User, installation.AccountType);
        Assert.Equal(GitHubAppHarness.Start, installation.SuspendedAt);
        Assert.True(installation.IsSuspended);
    }

    [Fact]
    public async Task An_unknown_installation_is_a_404()
    {
        await using var h = await GitHubAppHarness.StartAsync();

        var error = await Assert.ThrowsAsync<GitProviderException>(() => h.Client.GetInstallationAsync(5));

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task A_jwt_signed_with_another_key_is_refused()
    {
        await using var h = await GitHubAppHarness.StartAsync();
        var options = GitHubAppHarness.Options(h.Server.BaseUrl) with { PrivateKeyPem = TestKeys.OtherKey.ExportRSAPrivateKeyPem() };
        using var client = new GitHubAppClient(h.Http, options, h.Time);

        var error = await Assert.ThrowsAsync<GitProviderException>(() => client.GetInstallationAsync(GitHubAppHarness.InstallationId));

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Contains("signature", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("eyJ", error.ToString(), StringComparison.Ordinal); // no JWT in the message
    }
}
