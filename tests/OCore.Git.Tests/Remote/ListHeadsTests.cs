using System.Text;
using OCore.Git.Remote;
using OCore.Git.Tests.Support;
using OCore.Testing;

namespace OCore.Git.Tests.Remote;

[Collection(SshServerCollection.Name)]
public sealed class ListHeadsTests(SshServerFixture server)
{
    [Fact]
    public async Task Lists_exactly_the_pushed_branches_and_their_commits()
    {
        var bare = server.CreateBareRepository();
        using var scratch = new ScratchRepository();
        var first = scratch.Write("README.md", "one").Commit("first");
        scratch.Git("tag", "v1");
        scratch.Git("switch", "--quiet", "-c", "feature/invoice");
        var second = scratch.Write("README.md", "two").Commit("second");
        scratch.Git("push", "--quiet", bare, "main", "feature/invoice", "v1");

        var heads = await new RemoteRepository().ListHeadsAsync(server.UrlFor(bare), server.AcceptedKey);

        Assert.Equal(
            new Dictionary<string, string> { ["feature/invoice"] = second, ["main"] = first },
            heads);
    }

    [Fact]
    public async Task An_empty_repository_has_no_branches()
    {
        var heads = await new RemoteRepository().ListHeadsAsync(server.UrlFor(server.CreateBareRepository()), server.AcceptedKey);

        Assert.Empty(heads);
    }

    [Fact]
    public async Task Reads_credentials_as_a_secret_stores_them_even_with_windows_line_endings()
    {
        var bare = server.CreateBareRepository();
        using var scratch = new ScratchRepository();
        var commit = scratch.Write("README.md", "one").Commit("first");
        scratch.Git("push", "--quiet", bare, "main");
        // Pasted from Windows: CRLF line endings and no final newline, which ssh rejects as written.
        var identity = server.AcceptedPrivateKey.TrimEnd('\n').Replace("\n", "\r\n", StringComparison.Ordinal);
        var data = new Dictionary<string, byte[]>
        {
            ["identity"] = Encoding.UTF8.GetBytes(identity),
            ["identity.pub"] = Encoding.UTF8.GetBytes("ssh-ed25519 AAAA ignored"),
            ["known_hosts"] = Encoding.UTF8.GetBytes(server.KnownHosts),
        };

        var heads = await new RemoteRepository().ListHeadsAsync(server.UrlFor(bare), DeployKeyCredentials.FromSecretData(data));

        Assert.Equal(commit, heads["main"]);
    }
}
