using OCore.Git.Serving;

namespace OCore.Cli.Dev;

/// <summary>
/// The sandbox's Git repository: a bare repository served by the local sshd (what the provider hosts) holding
/// <see cref="SampleAddon"/> on main and staging, and a working clone next to it where a person commits and pushes.
/// An existing repository (a restart with --data-dir) is kept as it is.
/// </summary>
internal static class SampleRepository
{
    public const string RepositoryPath = "acme/odoo-custom.git";

    private static readonly Dictionary<string, string> Author = new(StringComparer.Ordinal)
    {
        ["GIT_AUTHOR_NAME"] = "oCore sandbox",
        ["GIT_AUTHOR_EMAIL"] = "sandbox@ocore.invalid",
        ["GIT_COMMITTER_NAME"] = "oCore sandbox",
        ["GIT_COMMITTER_EMAIL"] = "sandbox@ocore.invalid",
    };

    /// <summary>The local git setting that marks a working clone as the sandbox's own, so a later start may replace it.</summary>
    private const string CloneMarker = "ocore.sandboxclone";

    /// <summary>
    /// Creates what is missing; returns the working clone's folder. A clone the sandbox made for another repository (an
    /// earlier sandbox without --data-dir) is made again; a folder the sandbox did not make is never touched.
    /// </summary>
    public static async Task<string> EnsureAsync(SshGitServer server, string workingClone, CancellationToken cancellationToken)
    {
        var bare = await server.CreateBareRepositoryAsync(RepositoryPath, cancellationToken);
        var empty = (await Git(bare, cancellationToken, "for-each-ref", "--count=1", "refs/heads/")).Length == 0;
        if (Directory.Exists(workingClone) && Directory.EnumerateFileSystemEntries(workingClone).Any())
        {
            if (!await IsSandboxCloneAsync(workingClone, cancellationToken))
                throw new DevSandboxException($"{workingClone} exists and is not a working clone made by ocore dev: move it away or choose another folder with --clone");
            if ((await Git(workingClone, cancellationToken, "remote", "get-url", "origin")).Trim() != bare)
                Directory.Delete(workingClone, recursive: true);
        }

        if (!Directory.Exists(Path.Combine(workingClone, ".git")))
        {
            await Git(null, cancellationToken, "clone", "--quiet", bare, workingClone);
            await Git(workingClone, cancellationToken, "config", CloneMarker, "true");
            // A machine without a git identity could not commit in the clone; give it one there only.
            if (!await HasIdentityAsync(workingClone, cancellationToken))
            {
                await Git(workingClone, cancellationToken, "config", "user.name", "oCore sandbox user");
                await Git(workingClone, cancellationToken, "config", "user.email", "sandbox-user@ocore.invalid");
            }
        }

        if (empty)
        {
            await Git(workingClone, cancellationToken, "symbolic-ref", "HEAD", "refs/heads/main");
            foreach (var (path, content) in SampleAddon.Files)
            {
                var file = Path.Combine(workingClone, path);
                Directory.CreateDirectory(Path.GetDirectoryName(file)!);
                await File.WriteAllTextAsync(file, content, cancellationToken);
            }

            await Git(workingClone, cancellationToken, "add", "--all");
            await Git(workingClone, cancellationToken, "commit", "--quiet", "-m", "ACME Sale: promised delivery date on sales orders");
            await Git(workingClone, cancellationToken, "push", "--quiet", "origin", "main", "main:staging");
            await Git(workingClone, cancellationToken, "branch", "--quiet", "--set-upstream-to=origin/main", "main");
        }

        return workingClone;
    }

    private static async Task<bool> IsSandboxCloneAsync(string directory, CancellationToken cancellationToken)
    {
        try
        {
            return Directory.Exists(Path.Combine(directory, ".git"))
                && (await Git(directory, cancellationToken, "config", "--local", CloneMarker)).Trim() == "true";
        }
        catch (InvalidOperationException)
        {
            return false; // git config exits 1 when the key is unset.
        }
    }

    private static async Task<bool> HasIdentityAsync(string workingClone, CancellationToken cancellationToken)
    {
        try
        {
            // The clone sees the person's own configuration (LocalTool only skips the system-wide file).
            return (await LocalTool.RunAsync("git", workingClone, null, ["config", "user.email"], cancellationToken)).Trim().Length > 0;
        }
        catch (InvalidOperationException)
        {
            return false; // git config exits 1 when the key is unset.
        }
    }

    private static Task<string> Git(string? directory, CancellationToken cancellationToken, params string[] arguments) =>
        LocalTool.RunAsync("git", directory, Author, arguments, cancellationToken);
}
