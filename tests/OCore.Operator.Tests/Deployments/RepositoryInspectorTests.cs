using OCore.Git.Remote;
using OCore.Operator.Deployments;
using OCore.Testing;

namespace OCore.Operator.Tests.Deployments;

/// <summary>The Prepare step's git work against a real sshd, one push after another as a project sees them.</summary>
public sealed class RepositoryInspectorTests : IAsyncLifetime, IDisposable
{
    private readonly SshServerFixture _sshd = new();
    private readonly CommitCache _cache = new(Directory.CreateTempSubdirectory("ocore-inspector-").FullName);
    private readonly ScratchRepository _work = new();
    private string _bare = "";

    public async Task InitializeAsync()
    {
        await _sshd.InitializeAsync();
        _bare = _sshd.CreateBareRepository();
        _work.Write("addons/sale_ext/__manifest__.py", "{'name': 'sale_ext', 'version': '18.0.1.0.0'}");
    }

    [Fact]
    public async Task Successive_pushes_update_the_changed_module()
    {
        var inspector = new RepositoryInspector(new RemoteRepository(), _cache);
        var first = Push("one");
        var firstInspection = await InspectAsync(inspector, first, previous: null);
        var second = Push("two");
        var third = Push("three");

        var inspection = await InspectAsync(inspector, third, previous: first);

        Assert.Null(firstInspection.StaleReason);
        Assert.Equal(["sale_ext"], firstInspection.Modules!.Install);
        Assert.Null(inspection.StaleReason);
        Assert.Equal(["sale_ext"], inspection.Modules!.Update);
        Assert.Contains($"since {first[..12]}", inspection.Note, StringComparison.Ordinal);
        Assert.NotEqual(second, third);
    }

    [Fact]
    public async Task A_push_the_branch_has_moved_past_is_stale()
    {
        var inspector = new RepositoryInspector(new RemoteRepository(), _cache);
        var older = Push("one");
        var newer = Push("two");

        var inspection = await InspectAsync(inspector, older, previous: null);

        Assert.Equal($"branch 'main' has moved on to {newer[..12]}; {older[..12]} is not deployed", inspection.StaleReason);
    }

    [Fact]
    public async Task A_push_to_a_deleted_branch_is_stale()
    {
        var inspector = new RepositoryInspector(new RemoteRepository(), _cache);
        var commit = Push("one");
        Cli.Run("git", _bare, "update-ref", "-d", "refs/heads/main");

        var inspection = await InspectAsync(inspector, commit, previous: null);

        Assert.Equal("branch 'main' no longer exists", inspection.StaleReason);
    }

    [Fact]
    public async Task A_push_to_a_name_git_refuses_as_a_branch_is_stale()
    {
        var inspector = new RepositoryInspector(new RemoteRepository(), _cache);
        var commit = Push("one");

        var inspection = await inspector.InspectAsync(_sshd.UrlFor(_bare), _sshd.AcceptedKey, "main:refs/heads/x", commit, null, true, CancellationToken.None);

        Assert.Equal("branch 'main:refs/heads/x' no longer exists", inspection.StaleReason);
    }

    [Fact]
    public async Task A_deployed_commit_removed_by_a_force_push_is_compared_with_nothing()
    {
        var inspector = new RepositoryInspector(new RemoteRepository(), _cache);
        var commit = Push("one");
        var lost = new string('0', 39) + "1";

        var inspection = await InspectAsync(inspector, commit, previous: lost);

        Assert.Null(inspection.StaleReason);
        Assert.Equal(["sale_ext"], inspection.Modules!.Install);
        Assert.Contains("no longer in the repository", inspection.Note, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_manual_deployment_of_an_older_commit_needs_no_branch_tip()
    {
        var inspector = new RepositoryInspector(new RemoteRepository(), _cache);
        var older = Push("one");
        var newer = Push("two");
        await InspectAsync(inspector, newer, previous: null);

        var inspection = await inspector.InspectAsync(_sshd.UrlFor(_bare), _sshd.AcceptedKey, "main", older, newer, requireBranchHead: false, CancellationToken.None);

        Assert.Null(inspection.StaleReason);
        Assert.Equal(["sale_ext"], inspection.Modules!.Update);
    }

    public async Task DisposeAsync() => await _sshd.DisposeAsync();

    public void Dispose()
    {
        _work.Dispose();
        Directory.Delete(_cache.Root, recursive: true);
    }

    private Task<RepositoryInspection> InspectAsync(RepositoryInspector inspector, string commit, string? previous) =>
        inspector.InspectAsync(_sshd.UrlFor(_bare), _sshd.AcceptedKey, "main", commit, previous, requireBranchHead: true, CancellationToken.None);

    private string Push(string change)
    {
        var commit = _work.Write("addons/sale_ext/models/sale.py", change).Commit(change);
        _work.Git("push", "--quiet", "--force", _bare, "HEAD:refs/heads/main");
        return commit;
    }
}
