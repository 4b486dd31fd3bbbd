using OCore.Git.Modules;
using OCore.Git.Remote;
using OCore.Git.Tests.Support;
using OCore.Testing;

namespace OCore.Git.Tests.Remote;

[Collection(SshServerCollection.Name)]
public sealed class CloneAtCommitTests(SshServerFixture server) : IDisposable
{
    private readonly string clones = Directory.CreateTempSubdirectory("ocore-git-clones-").FullName;

    [Fact]
    public async Task Checks_out_exactly_the_commit_when_the_server_refuses_fetching_by_id()
    {
        var (bare, commits) = PushThreeCommits();
        var target = Path.Combine(clones, "at-second");

        await new RemoteRepository().CloneAtCommitAsync(server.UrlFor(bare), server.AcceptedKey, commits[1], target);

        Assert.Equal(commits[1], Cli.Run("git", target, "rev-parse", "HEAD").Trim());
        Assert.Equal("version 2", File.ReadAllText(Path.Combine(target, "sale_ext", "models.py")));
        Assert.Empty(Cli.Run("git", target, "status", "--porcelain"));
    }

    [Fact]
    public async Task Fetches_the_branch_history_for_a_base_commit_that_is_no_tip()
    {
        // The tip can be fetched by id, the deployed commit behind it cannot (plain server settings).
        var (bare, commits) = PushThreeCommits();
        var target = Path.Combine(clones, "tip-and-base");

        await new RemoteRepository().CloneAtCommitAsync(server.UrlFor(bare), server.AcceptedKey, commits[2], target, baseCommit: commits[0]);

        Assert.Equal(commits[2], Cli.Run("git", target, "rev-parse", "HEAD").Trim());
        Assert.Equal(["sale_ext"], OdooModuleChanges.Compute(target, commits[0], commits[2]).Update);
    }

    [Fact]
    public async Task Fetches_only_the_commit_and_its_base_when_the_server_allows_it()
    {
        var (bare, commits) = PushThreeCommits();
        Cli.Run("git", bare, "config", "uploadpack.allowReachableSHA1InWant", "true");
        var target = Path.Combine(clones, "shallow");

        await new RemoteRepository().CloneAtCommitAsync(server.UrlFor(bare), server.AcceptedKey, commits[2], target, baseCommit: commits[0]);

        Assert.Equal(commits[2], Cli.Run("git", target, "rev-parse", "HEAD").Trim());
        Assert.Equal("true", Cli.Run("git", target, "rev-parse", "--is-shallow-repository").Trim());
        // Enough history to plan the module update between the deployed and the new commit.
        var changes = OdooModuleChanges.Compute(target, commits[0], commits[2]);
        Assert.Equal(["sale_ext"], changes.Update);
    }

    [Fact]
    public async Task A_commit_the_repository_does_not_have_fails_and_leaves_no_directory()
    {
        var (bare, _) = PushThreeCommits();
        var target = Path.Combine(clones, "missing");

        var error = await Assert.ThrowsAsync<GitAccessException>(() =>
            new RemoteRepository().CloneAtCommitAsync(server.UrlFor(bare), server.AcceptedKey, new string('0', 39) + "1", target));

        Assert.Equal(GitAccessErrorKind.Other, error.Kind);
        Assert.Contains("not on any branch or tag", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(target));
    }

    [Fact]
    public async Task Refuses_a_target_directory_that_is_not_empty()
    {
        var target = Directory.CreateDirectory(Path.Combine(clones, "busy")).FullName;
        await File.WriteAllTextAsync(Path.Combine(target, "keep.txt"), "mine");

        await Assert.ThrowsAsync<ArgumentException>(() =>
            new RemoteRepository().CloneAtCommitAsync(server.UrlFor("/x/odoo.git"), server.AcceptedKey, new string('a', 40), target));

        Assert.True(File.Exists(Path.Combine(target, "keep.txt")));
    }

    [Theory]
    [InlineData("main")]
    [InlineData("--upload-pack=touch")]
    [InlineData("abc123")]
    public async Task Accepts_only_full_commit_ids(string commit)
    {
        await Assert.ThrowsAsync<ArgumentException>(() =>
            new RemoteRepository().CloneAtCommitAsync(server.UrlFor("/x/odoo.git"), server.AcceptedKey, commit, Path.Combine(clones, "never")));
    }

    public void Dispose() => Directory.Delete(clones, recursive: true);

    private (string Bare, string[] Commits) PushThreeCommits()
    {
        var bare = server.CreateBareRepository();
        using var scratch = new ScratchRepository();
        scratch.Write("sale_ext/__manifest__.py", "{'name': 'Sale', 'version': '17.0.1.0.0'}");
        var commits = new string[3];
        for (var i = 0; i < 3; i++)
            commits[i] = scratch.Write("sale_ext/models.py", $"version {i + 1}").Commit($"commit {i + 1}");
        scratch.Git("push", "--quiet", bare, "main");
        return (bare, commits);
    }
}
