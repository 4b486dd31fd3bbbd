using OCore.Api.Git;
using OCore.Git.Remote;
using OCore.Git.Tests.Support;
using OCore.Testing;

namespace OCore.Git.Tests.Remote;

[Collection(SshServerCollection.Name)]
public sealed class AccessErrorTests(SshServerFixture server)
{
    [Fact]
    public async Task A_key_missing_from_authorized_keys_is_rejected_with_the_fix()
    {
        var url = server.UrlFor(server.CreateBareRepository());

        var error = await Assert.ThrowsAsync<GitAccessException>(() => new RemoteRepository().ListHeadsAsync(url, server.RejectedKey));

        Assert.Equal(GitAccessErrorKind.KeyRejected, error.Kind);
        Assert.Contains("status.deployKey.publicKey", error.Message, StringComparison.Ordinal);
        Assert.Contains("ocore.io/regenerate-deploy-key annotation", error.Message, StringComparison.Ordinal);
        AssertNoKeyMaterial(error);
    }

    [Fact]
    public async Task A_server_key_that_differs_from_known_hosts_is_an_unknown_host_key()
    {
        var url = server.UrlFor(server.CreateBareRepository());
        var credentials = new DeployKeyCredentials(server.AcceptedPrivateKey, server.WrongKnownHosts);

        var error = await Assert.ThrowsAsync<GitAccessException>(() => new RemoteRepository().ListHeadsAsync(url, credentials));

        Assert.Equal(GitAccessErrorKind.UnknownHostKey, error.Kind);
        Assert.Contains("spec.repository.knownHosts", error.Message, StringComparison.Ordinal);
        Assert.Contains($"ssh-keyscan -p {server.Port} 127.0.0.1", error.Message, StringComparison.Ordinal);
        Assert.Contains("Git said: WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED!", error.Message, StringComparison.Ordinal);
        AssertNoKeyMaterial(error);
    }

    [Fact]
    public async Task A_server_missing_from_known_hosts_is_an_unknown_host_key()
    {
        var url = server.UrlFor(server.CreateBareRepository());
        var credentials = new DeployKeyCredentials(server.AcceptedPrivateKey, "");

        var error = await Assert.ThrowsAsync<GitAccessException>(() => new RemoteRepository().ListHeadsAsync(url, credentials));

        Assert.Equal(GitAccessErrorKind.UnknownHostKey, error.Kind);
    }

    [Fact]
    public async Task A_wrong_repository_path_is_not_found()
    {
        var url = server.UrlFor(Path.Combine(server.Root, "repos", "missing", "odoo.git"));

        var error = await Assert.ThrowsAsync<GitAccessException>(() => new RemoteRepository().ListHeadsAsync(url, server.AcceptedKey));

        Assert.Equal(GitAccessErrorKind.RepositoryNotFound, error.Kind);
        Assert.Contains("spec.repository.url", error.Message, StringComparison.Ordinal);
        AssertNoKeyMaterial(error);
    }

    [Fact]
    public async Task A_closed_port_is_unreachable()
    {
        var url = server.UrlFor(server.CreateBareRepository(), port: SshServerFixture.FreePort());

        var error = await Assert.ThrowsAsync<GitAccessException>(() => new RemoteRepository().ListHeadsAsync(url, server.AcceptedKey));

        Assert.Equal(GitAccessErrorKind.Unreachable, error.Kind);
        Assert.Contains("Connection refused", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_host_name_that_does_not_resolve_is_unreachable()
    {
        // .invalid never resolves (RFC 6761); a resolver that does not answer at all ends in the timeout, also Unreachable.
        var url = RepositoryUrl.Parse("git@git.ocore-tests.invalid:acme/odoo.git");

        var error = await Assert.ThrowsAsync<GitAccessException>(() =>
            new RemoteRepository(TimeSpan.FromSeconds(10)).ListHeadsAsync(url, server.AcceptedKey));

        Assert.Equal(GitAccessErrorKind.Unreachable, error.Kind);
    }

    private void AssertNoKeyMaterial(GitAccessException error)
    {
        foreach (var line in server.AcceptedPrivateKey.Split('\n').Concat(KeyLines(server.RejectedKey)))
        {
            if (line.Length > 0 && !line.StartsWith("-----", StringComparison.Ordinal))
                Assert.DoesNotContain(line, error.Message, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("PRIVATE KEY", error.Message, StringComparison.Ordinal);
    }

    private static string[] KeyLines(DeployKeyCredentials credentials) => credentials.PrivateKey.Split('\n');
}
