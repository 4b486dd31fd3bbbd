using OCore.Git.Modules;
using OCore.Git.Remote;
using OCore.Git.Tests.Support;
using OCore.Testing;

namespace OCore.Git.Tests.Remote;

/// <summary>The Prepare step's fetches into a local repository kept between pushes.</summary>
[Collection(SshServerCollection.Name)]
public sealed class FetchBranchTipTests(SshServerFixture server) : IDisposable
{
    private readonly string local = Path.Combine(Directory.CreateTempSubdirectory("ocore-git-cache-").FullName, "repo");

    [Fact]
    public async Task Returns_where_the_branch_points_and_brings_that_commit()
    {
        var (bare, commits) = PushThreeCommits();

        var tip = await new RemoteRepository().FetchBranchTipAsync(server.UrlFor(bare), server.AcceptedKey, "main", local);

        Assert.Equal(commits[2], tip);
        Assert.Equal(commits[2], Cli.Run("git", local, "rev-parse", "--verify", commits[2] + "^{commit}").Trim());
        Assert.Equal("true", Cli.Run("git", local, "rev-parse", "--is-shallow-repository").Trim());
    }

    [Fact]
    public async Task A_branch_the_server_does_not_have_is_null()
    {
        var (bare, _) = PushThreeCommits();

        var tip = await new RemoteRepository().FetchBranchTipAsync(server.UrlFor(bare), server.AcceptedKey, "gone", local);

        Assert.Null(tip);
    }

    [Fact]
    public async Task Fetches_a_base_commit_that_is_no_tip_through_the_branch_history()
    {
        // A plain server sends no commit by id unless it is a branch tip.
        var (bare, commits) = PushThreeCommits();

        await new RemoteRepository().FetchBranchTipAsync(server.UrlFor(bare), server.AcceptedKey, "main", local, baseCommit: commits[0]);

        Assert.Equal(["sale_ext"], OdooModuleChanges.Compute(local, commits[0], commits[2]).Update);
    }

    [Fact]
    public async Task A_base_commit_fetched_for_an_earlier_push_is_not_fetched_again()
    {
        var (bare, commits) = PushThreeCommits();
        var url = server.UrlFor(bare);
        Cli.Run("git", bare, "update-ref", "refs/heads/main", commits[1]);
        await new RemoteRepository().FetchBranchTipAsync(url, server.AcceptedKey, "main", local);

        Cli.Run("git", bare, "update-ref", "refs/heads/main", commits[2]);
        var tip = await new RemoteRepository().FetchBranchTipAsync(url, server.AcceptedKey, "main", local, baseCommit: commits[1]);

        Assert.Equal(commits[2], tip);
        Assert.Equal(["sale_ext"], OdooModuleChanges.Compute(local, commits[1], commits[2]).Update);
        // The base came from the earlier fetch: no fall back to the branches' history, which a plain server needs.
        Assert.Empty(Cli.Run("git", local, "for-each-ref", "refs/ocore/branches"));
    }

    [Fact]
    public async Task A_base_commit_the_server_lost_is_skipped()
    {
        var (bare, commits) = PushThreeCommits();

        var tip = await new RemoteRepository().FetchBranchTipAsync(server.UrlFor(bare), server.AcceptedKey, "main", local, baseCommit: new string('0', 39) + "1");

        Assert.Equal(commits[2], tip);
    }

    [Fact]
    public async Task A_rejected_key_is_classified()
    {
        var (bare, _) = PushThreeCommits();

        var error = await Assert.ThrowsAsync<GitAccessException>(() =>
            new RemoteRepository().FetchBranchTipAsync(server.UrlFor(bare), server.RejectedKey, "main", local));

        Assert.Equal(GitAccessErrorKind.KeyRejected, error.Kind);
    }

    [Theory]
    [InlineData("main:refs/heads/x")]
    [InlineData("-main")]
    [InlineData("feature/*")]
    public async Task Refuses_what_is_no_branch_name(string branch)
    {
        await Assert.ThrowsAsync<ArgumentException>(() =>
            new RemoteRepository().FetchBranchTipAsync(server.UrlFor("/x/odoo.git"), server.AcceptedKey, branch, local));
    }

    [Fact]
    public async Task Fetches_a_commit_by_id_only_when_the_repository_lacks_it()
    {
        var (bare, commits) = PushThreeCommits();
        var url = server.UrlFor(bare);

        await new RemoteRepository().FetchCommitAsync(url, server.AcceptedKey, commits[1], local, baseCommit: commits[0]);
        // The server is gone: a commit already there needs no server.
        await new RemoteRepository().FetchCommitAsync(server.UrlFor(bare, port: SshServerFixture.FreePort()), server.AcceptedKey, commits[1], local);

        Assert.Equal(["sale_ext"], OdooModuleChanges.Compute(local, commits[0], commits[1]).Update);
    }

    [Fact]
    public async Task A_commit_the_repository_does_not_have_fails()
    {
        var (bare, _) = PushThreeCommits();

        var error = await Assert.ThrowsAsync<GitAccessException>(() =>
            new RemoteRepository().FetchCommitAsync(server.UrlFor(bare), server.AcceptedKey, new string('0', 39) + "1", local));

        Assert.Equal(GitAccessErrorKind.Other, error.Kind);
        Assert.Contains("not on any branch or tag", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(Path.GetDirectoryName(local)!, recursive: true);

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
