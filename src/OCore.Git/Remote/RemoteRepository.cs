using OCore.Api.Git;

namespace OCore.Git.Remote;

/// <summary>
/// Reads a Git repository over SSH with a project's deploy key. The network part runs the <c>git</c> CLI, which
/// uses the system <c>ssh</c> client; the key and known_hosts live in a private temporary directory only for the
/// duration of one call. Every call is bounded by <see cref="Timeout"/>; cancelling it kills git and ssh. Calls with
/// the same key, known_hosts and server share one authenticated ssh connection while it is in use or idle for less
/// than a minute (<see cref="SshConnectionPool"/>), so only the first pays for the handshake.
/// </summary>
public sealed class RemoteRepository
{
    private readonly SshConnectionPool _connections;

    /// <summary>The time one call may take when no other timeout is given.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    /// <param name="timeout">The time one call may take, including every git command it runs; default 60 s.</param>
    public RemoteRepository(TimeSpan? timeout = null)
        : this(timeout, SshConnectionPool.Shared)
    {
    }

    internal RemoteRepository(TimeSpan? timeout, SshConnectionPool connections)
    {
        Timeout = timeout ?? DefaultTimeout;
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(Timeout, TimeSpan.Zero, nameof(timeout));
        _connections = connections;
    }

    public TimeSpan Timeout { get; }

    /// <summary>
    /// The branches of the repository and the commit each points to, like <c>git ls-remote --heads</c>.
    /// </summary>
    /// <returns>Branch name (without <c>refs/heads/</c>) to full commit id, sorted by name.</returns>
    /// <exception cref="GitAccessException">The repository could not be read; the message names the fix.</exception>
    public Task<IReadOnlyDictionary<string, string>> ListHeadsAsync(
        RepositoryUrl url, DeployKeyCredentials credentials, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(credentials);
        return WithGitAsync(url, credentials, "ls-remote", cancellationToken, async git =>
        {
            var output = await git.RunAsync("ls-remote", null, "ls-remote", "--heads", url.ToSshUrl()).ConfigureAwait(false);
            return (IReadOnlyDictionary<string, string>)ParseHeads(output);
        });
    }

    /// <summary>
    /// Fetches the current tip of <paramref name="branch"/> into the local bare repository
    /// <paramref name="repositoryDirectory"/> (created when missing), and <paramref name="baseCommit"/> unless the
    /// repository already has it. One fetch of the branch both proves where it points and brings its commit, so a
    /// push costs one round trip to the server where ls-remote and a fetch by id took two; and a repository kept
    /// between calls (see <see cref="CommitCache"/>) usually holds the commit deployed before, which then is not
    /// fetched again. Calls on one directory must not overlap.
    /// </summary>
    /// <returns>The branch's tip, or null when the server has no such branch.</returns>
    /// <exception cref="GitAccessException">The repository could not be read; the message names the fix.</exception>
    public Task<string?> FetchBranchTipAsync(
        RepositoryUrl url,
        DeployKeyCredentials credentials,
        string branch,
        string repositoryDirectory,
        string? baseCommit = null,
        CancellationToken cancellationToken = default)
    {
        // The branch goes into a refspec: anything git would not accept as a branch name could change its meaning.
        if (GitRefs.BranchNameError(branch) is { } invalid)
            throw new ArgumentException($"'{branch}' is not a branch name: {invalid}", nameof(branch));
        var target = LocalRepositoryPath(url, credentials, repositoryDirectory, baseCommit);
        return WithGitAsync(url, credentials, "fetch", cancellationToken, async git =>
        {
            await InitBareAsync(git, target).ConfigureAwait(false);
            var fetched = await git.TryRunAsync(target, CacheFetch("--depth=1", url.ToSshUrl(), "refs/heads/" + branch)).ConfigureAwait(false);
            if (!fetched.Succeeded)
            {
                if (fetched.StandardError.Contains("couldn't find remote ref", StringComparison.OrdinalIgnoreCase))
                    return null;
                throw git.ErrorOf("fetch", fetched);
            }

            var tip = (await git.RunAsync("rev-parse", target, "rev-parse", "--verify", "FETCH_HEAD^{commit}").ConfigureAwait(false)).Trim();
            await KeepAsync(git, target, tip).ConfigureAwait(false);
            if (baseCommit is not null && baseCommit != tip)
                await FetchBaseAsync(git, url, target, baseCommit).ConfigureAwait(false);
            return (string?)tip;
        });
    }

    /// <summary>
    /// Fetches <paramref name="commit"/> and <paramref name="baseCommit"/> into the local bare repository
    /// <paramref name="repositoryDirectory"/> (created when missing), each unless the repository already has it.
    /// Calls on one directory must not overlap.
    /// </summary>
    /// <exception cref="GitAccessException">
    /// The repository could not be read, or it has no such commit (<see cref="GitAccessErrorKind.Other"/>).
    /// </exception>
    public Task FetchCommitAsync(
        RepositoryUrl url,
        DeployKeyCredentials credentials,
        string commit,
        string repositoryDirectory,
        string? baseCommit = null,
        CancellationToken cancellationToken = default)
    {
        RequireCommitId(commit, nameof(commit));
        var target = LocalRepositoryPath(url, credentials, repositoryDirectory, baseCommit);
        return WithGitAsync(url, credentials, "fetch", cancellationToken, async git =>
        {
            await InitBareAsync(git, target).ConfigureAwait(false);
            if (!await HasCommitAsync(git, target, commit).ConfigureAwait(false))
            {
                var sshUrl = url.ToSshUrl();
                var shallow = await git.TryRunAsync(target, CacheFetch("--depth=1", sshUrl, commit)).ConfigureAwait(false);
                if (!shallow.Succeeded)
                {
                    var error = git.ErrorOf("fetch", shallow);
                    if (error.Kind != GitAccessErrorKind.Other)
                        throw error;
                    // A plain server sends no commit by id that is no branch tip: fetch the branches and tags.
                    await FetchHistoryAsync(git, target, sshUrl).ConfigureAwait(false);
                    if (!await HasCommitAsync(git, target, commit).ConfigureAwait(false))
                    {
                        throw new GitAccessException(GitAccessErrorKind.Other,
                            $"Commit {commit} is not on any branch or tag of {url.FullName}: it may have been removed by a force push; " +
                            "push it again or deploy a newer commit.");
                    }
                }

                await KeepAsync(git, target, commit).ConfigureAwait(false);
            }

            if (baseCommit is not null && baseCommit != commit)
                await FetchBaseAsync(git, url, target, baseCommit).ConfigureAwait(false);
            return true;
        });
    }

    /// <summary>The checks both fetches into a local repository make; returns that repository's full path.</summary>
    private static string LocalRepositoryPath(RepositoryUrl url, DeployKeyCredentials credentials, string repositoryDirectory, string? baseCommit)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(credentials);
        if (baseCommit is not null)
            RequireCommitId(baseCommit, nameof(baseCommit));
        ArgumentException.ThrowIfNullOrWhiteSpace(repositoryDirectory);
        return Path.GetFullPath(repositoryDirectory);
    }

    /// <summary>The deployed commit, when the repository lacks it; skipped silently when the server lost it (a force push).</summary>
    private static async Task FetchBaseAsync(GitCommand git, RepositoryUrl url, string target, string baseCommit)
    {
        if (await HasCommitAsync(git, target, baseCommit).ConfigureAwait(false))
            return;
        var sshUrl = url.ToSshUrl();
        if ((await git.TryRunAsync(target, CacheFetch("--depth=1", sshUrl, baseCommit)).ConfigureAwait(false)).Succeeded)
        {
            await KeepAsync(git, target, baseCommit).ConfigureAwait(false);
            return;
        }

        // A plain server sends no commit by id that is no branch tip: the branches' history holds it unless a force
        // push removed it. Kept in the repository, so later calls find their base there.
        await FetchHistoryAsync(git, target, sshUrl).ConfigureAwait(false);
    }

    private static async Task FetchHistoryAsync(GitCommand git, string target, string sshUrl)
    {
        var shallow = (await git.RunAsync("rev-parse", target, "rev-parse", "--is-shallow-repository").ConfigureAwait(false)).Trim() == "true";
        string[] refspecs = ["+refs/heads/*:refs/ocore/branches/*", "+refs/tags/*:refs/ocore/tags/*"];
        var fetch = await git.TryRunAsync(target, CacheFetch([.. shallow ? ["--unshallow"] : Array.Empty<string>(), sshUrl, .. refspecs]))
            .ConfigureAwait(false);
        if (!fetch.Succeeded && git.ErrorOf("fetch", fetch) is { Kind: not GitAccessErrorKind.Other } error)
            throw error;
    }

    private static async Task InitBareAsync(GitCommand git, string target)
    {
        if (File.Exists(Path.Combine(target, "HEAD")))
            return;
        Directory.CreateDirectory(target);
        await git.RunAsync("init", target, "init", "--quiet", "--bare").ConfigureAwait(false);
    }

    private static async Task<bool> HasCommitAsync(GitCommand git, string target, string commit) =>
        (await git.TryRunAsync(target, "cat-file", "-e", commit + "^{commit}").ConfigureAwait(false)).Succeeded;

    /// <summary>A ref per fetched commit, so git's housekeeping never prunes a commit a later push compares with.</summary>
    private static Task KeepAsync(GitCommand git, string target, string commit) =>
        git.RunAsync("update-ref", target, "update-ref", "refs/ocore/commits/" + commit, commit);

    private static string[] CacheFetch(params string[] arguments) =>
        // Housekeeping runs in the foreground: a detached gc would outlive the call as an orphan process.
        ["-c", "gc.autoDetach=false", "-c", "maintenance.autoDetach=false", "fetch", "--quiet", "--no-tags", .. arguments];

    private async Task<T> WithGitAsync<T>(
        RepositoryUrl url, DeployKeyCredentials credentials, string operation, CancellationToken cancellationToken, Func<GitCommand, Task<T>> work)
    {
        using var files = CredentialFiles.Write(credentials);
        using var timeout = new CancellationTokenSource(Timeout);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        SshConnectionLease? lease = null;
        async Task<(string Shared, string Direct)> ConnectAsync()
        {
            lease = await AcquireConnectionAsync(url, credentials, operation, files, linked.Token).ConfigureAwait(false);
            return (SshCommand.For(files, Timeout, lease?.ControlPath), SshCommand.For(files, Timeout));
        }

        try
        {
            return await work(new GitCommand(url, credentials, ConnectAsync, linked.Token)).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw GitErrors.TimedOut(url, operation, Timeout);
        }
        finally
        {
            lease?.Dispose();
        }
    }

    /// <summary>
    /// The shared authenticated connection the call's git commands go through. A failure to open it is what ssh
    /// would have printed under git, and is classified the same way.
    /// </summary>
    private async Task<SshConnectionLease?> AcquireConnectionAsync(
        RepositoryUrl url, DeployKeyCredentials credentials, string operation, CredentialFiles files, CancellationToken cancellationToken)
    {
        try
        {
            return await _connections.AcquireAsync(url, credentials, files, Timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (SshMasterFailedException failed)
        {
            throw GitErrors.Classify(url, operation, failed.StandardError, credentials);
        }
    }

    private static SortedDictionary<string, string> ParseHeads(string output)
    {
        var heads = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var fields = line.Split('\t');
            if (fields.Length == 2 && GitRefs.BranchOf(fields[1]) is { } branch)
                heads[branch] = fields[0];
        }

        return heads;
    }

    /// <summary>Only full ids: anything else could be a branch name or, starting with '-', an option to git.</summary>
    private static void RequireCommitId(string commit, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(commit, parameterName);
        if (commit.Length is not (40 or 64) || !commit.All(char.IsAsciiHexDigitLower))
            throw new ArgumentException($"'{commit}' is not a full lower-case commit id", parameterName);
    }
}
