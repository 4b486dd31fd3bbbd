using OCore.Git.Remote;
using OCore.Git.Tests.Support;
using OCore.Testing;

namespace OCore.Git.Tests.Remote;

/// <summary>
/// The shared master connection, observed from outside: sshd logs one "Accepted publickey" line (with the client's
/// port) per authenticated connection, so a call that reuses a master adds none.
/// </summary>
[Collection(SshServerCollection.Name)]
public sealed class ConnectionSharingTests(SshServerFixture server) : IDisposable
{
    private readonly SshConnectionPool pool = new(Directory.CreateTempSubdirectory("ocore-ssh-t").FullName, TimeSpan.FromSeconds(60));

    [Fact]
    public async Task A_second_call_reuses_the_authenticated_connection()
    {
        var url = server.UrlFor(server.CreateBareRepository());
        var git = new RemoteRepository(null, pool);

        await git.ListHeadsAsync(url, server.AcceptedKey);
        var first = LastAuthentication();
        await git.ListHeadsAsync(url, server.AcceptedKey);
        await git.ListHeadsAsync(url, server.AcceptedKey);

        Assert.NotNull(first);
        Assert.Equal(first, LastAuthentication());
        Assert.Equal(1, pool.Count);
    }

    [Fact]
    public async Task A_rotated_key_never_reuses_the_connection_of_the_old_key()
    {
        var url = server.UrlFor(server.CreateBareRepository());
        var git = new RemoteRepository(null, pool);
        var rotated = NewAuthorizedKey();

        await git.ListHeadsAsync(url, server.AcceptedKey);
        var old = LastAuthentication();
        await git.ListHeadsAsync(url, rotated.Credentials);

        // The server saw the new key authenticate a connection of its own.
        Assert.NotEqual(old, LastAuthentication());
        Assert.Contains(rotated.Fingerprint, LastAuthentication(), StringComparison.Ordinal);
        Assert.Equal(2, pool.Count);
    }

    [Fact]
    public async Task Known_hosts_that_no_longer_trust_the_server_are_checked_again()
    {
        var url = server.UrlFor(server.CreateBareRepository());
        var git = new RemoteRepository(null, pool);
        await git.ListHeadsAsync(url, server.AcceptedKey);

        var error = await Assert.ThrowsAsync<GitAccessException>(() =>
            git.ListHeadsAsync(url, new DeployKeyCredentials(server.AcceptedPrivateKey, server.WrongKnownHosts)));

        Assert.Equal(GitAccessErrorKind.UnknownHostKey, error.Kind);
        Assert.Contains("REMOTE HOST IDENTIFICATION HAS CHANGED", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Failures_are_classified_as_without_sharing()
    {
        var url = server.UrlFor(server.CreateBareRepository());
        var git = new RemoteRepository(null, pool);
        await git.ListHeadsAsync(url, server.AcceptedKey);

        var rejected = await Assert.ThrowsAsync<GitAccessException>(() => git.ListHeadsAsync(url, server.RejectedKey));
        var refused = await Assert.ThrowsAsync<GitAccessException>(() =>
            git.ListHeadsAsync(server.UrlFor(server.CreateBareRepository(), port: SshServerFixture.FreePort()), server.AcceptedKey));
        // Through the shared connection: the server's own answer.
        var missing = await Assert.ThrowsAsync<GitAccessException>(() =>
            git.ListHeadsAsync(server.UrlFor(Path.Combine(server.Root, "repos", "missing", "odoo.git")), server.AcceptedKey));

        Assert.Equal(GitAccessErrorKind.KeyRejected, rejected.Kind);
        Assert.Contains("Permission denied (publickey", rejected.Message, StringComparison.Ordinal);
        Assert.Equal(GitAccessErrorKind.Unreachable, refused.Kind);
        Assert.Contains("Connection refused", refused.Message, StringComparison.Ordinal);
        Assert.Equal(GitAccessErrorKind.RepositoryNotFound, missing.Kind);
        Assert.DoesNotContain(server.AcceptedPrivateKey.Split('\n')[1], rejected.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_idle_master_is_closed_and_disposing_removes_the_sockets()
    {
        var directory = Directory.CreateTempSubdirectory("ocore-ssh-t").FullName;
        var shortLived = new SshConnectionPool(directory, TimeSpan.FromMilliseconds(400));
        var git = new RemoteRepository(null, shortLived);
        var url = server.UrlFor(server.CreateBareRepository());

        await git.ListHeadsAsync(url, server.AcceptedKey);
        Assert.Equal(1, shortLived.Count);
        var socket = Path.Combine(directory, SshConnectionPool.KeyOf(url, server.AcceptedKey));

        await Eventually.Until(() => shortLived.Count == 0 && !File.Exists(socket), "the idle master is closed", TimeSpan.FromSeconds(10));
        Assert.Empty(RunningProcesses.Mentioning(directory));

        await git.ListHeadsAsync(url, server.AcceptedKey);
        Assert.Equal(1, shortLived.Count);
        shortLived.Dispose();

        Assert.False(Directory.Exists(directory));
        Assert.Empty(RunningProcesses.Mentioning(directory));
    }

    [Fact]
    public async Task A_master_that_can_no_longer_be_reached_is_replaced()
    {
        var url = server.UrlFor(server.CreateBareRepository());
        var git = new RemoteRepository(null, pool);
        await git.ListHeadsAsync(url, server.AcceptedKey);
        var first = LastAuthentication();
        var socket = Path.Combine(pool.SocketDirectory!, SshConnectionPool.KeyOf(url, server.AcceptedKey));

        // A master whose connection dropped has removed its socket as it exited.
        File.Delete(socket);
        await git.ListHeadsAsync(url, server.AcceptedKey);

        Assert.NotEqual(first, LastAuthentication());
        Assert.True(File.Exists(socket));
        Assert.Equal(1, pool.Count);
    }

    public void Dispose() => pool.Dispose();

    private string? LastAuthentication() =>
        server.Server.RecentLog().Split('\n').LastOrDefault(line => line.Contains("Accepted publickey", StringComparison.Ordinal));

    private (DeployKeyCredentials Credentials, string Fingerprint) NewAuthorizedKey()
    {
        var directory = Directory.CreateTempSubdirectory("ocore-key-").FullName;
        try
        {
            var path = Path.Combine(directory, "key");
            Cli.Run("ssh-keygen", null, "-q", "-t", "ed25519", "-N", "", "-C", "ocore-tests-rotated", "-f", path);
            server.AuthorizeKey(File.ReadAllText(path + ".pub"));
            var fingerprint = Cli.Run("ssh-keygen", null, "-l", "-E", "sha256", "-f", path + ".pub").Split(' ')[1];
            return (new DeployKeyCredentials(File.ReadAllText(path), server.KnownHosts), fingerprint);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
