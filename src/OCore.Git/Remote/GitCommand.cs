using System.Diagnostics;
using OCore.Api.Git;
using OCore.Git.Processes;

namespace OCore.Git.Remote;

/// <summary>
/// Runs the <c>git</c> CLI for one remote operation: with the deploy key's ssh command in the child's environment
/// only, none of the machine's git or ssh configuration, and the child killed when the operation is cancelled.
/// </summary>
/// <param name="url">The repository.</param>
/// <param name="credentials">The deploy key, to keep it out of error messages.</param>
/// <param name="connect">
/// Makes the ssh commands, once, when the first command that talks to the server runs (one that only reads the local
/// repository opens no connection): one through the shared connection, and one that connects on its own.
/// </param>
/// <param name="cancellationToken">Kills the running command.</param>
internal sealed class GitCommand(
    RepositoryUrl url, DeployKeyCredentials credentials, Func<Task<(string Shared, string Direct)>> connect, CancellationToken cancellationToken)
{
    // What OpenSSH prints when the server refuses another session on a shared connection (MaxSessions, or a
    // front-end that allows one session per connection).
    private static readonly string[] SessionRefused = ["mux_client_request_session", "Session open refused", "administratively prohibited"];

    private readonly string _sshUrl = url.ToSshUrl();
    private Task<(string Shared, string Direct)>? _ssh;

    /// <summary>Runs git and returns its result, whatever its exit code.</summary>
    public async Task<ProcessResult> TryRunAsync(string? workingDirectory, params string[] arguments)
    {
        // Every remote command names the server by its URL: oCore never configures a remote.
        if (!arguments.Contains(_sshUrl, StringComparer.Ordinal))
            return await RunAsync(workingDirectory, arguments, sshCommand: null).ConfigureAwait(false);

        var ssh = await (_ssh ??= connect()).ConfigureAwait(false);
        var result = await RunAsync(workingDirectory, arguments, ssh.Shared).ConfigureAwait(false);
        if (result.Succeeded || ssh.Shared == ssh.Direct
            || !SessionRefused.Any(text => result.StandardError.Contains(text, StringComparison.OrdinalIgnoreCase)))
            return result;
        return await RunAsync(workingDirectory, arguments, ssh.Direct).ConfigureAwait(false);
    }

    /// <summary>Runs git and returns its standard output; a failure becomes a <see cref="GitAccessException"/>.</summary>
    public async Task<string> RunAsync(string operation, string? workingDirectory, params string[] arguments)
    {
        var result = await TryRunAsync(workingDirectory, arguments).ConfigureAwait(false);
        return result.Succeeded ? result.StandardOutput : throw ErrorOf(operation, result);
    }

    public GitAccessException ErrorOf(string operation, ProcessResult result) =>
        GitErrors.Classify(url, operation, result.StandardError, credentials);

    private Task<ProcessResult> RunAsync(string? workingDirectory, string[] arguments, string? sshCommand) =>
        ChildProcess.RunAsync(StartInfo(workingDirectory, arguments, sshCommand), error => new GitAccessException(GitAccessErrorKind.Other,
            "The git executable was not found: install git and openssh-client where the operator runs.", error), cancellationToken);

    private static ProcessStartInfo StartInfo(string? workingDirectory, string[] arguments, string? sshCommand)
    {
        var startInfo = new ProcessStartInfo("git") { WorkingDirectory = workingDirectory ?? "" };
        foreach (var argument in arguments)
            startInfo.ArgumentList.Add(argument);

        // Inherited GIT_* or SSH_* variables (GIT_DIR, GIT_SSH, SSH_AUTH_SOCK...) would change what git does.
        var inherited = startInfo.Environment.Keys
            .Where(name => name.StartsWith("GIT_", StringComparison.Ordinal) || name.StartsWith("SSH_", StringComparison.Ordinal))
            .ToList();
        foreach (var name in inherited)
            startInfo.Environment.Remove(name);

        // A local command gets ssh refused outright, should it ever try to reach a server.
        startInfo.Environment["GIT_SSH_COMMAND"] = sshCommand ?? "false";
        startInfo.Environment["GIT_TERMINAL_PROMPT"] = "0";
        startInfo.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        startInfo.Environment["GIT_CONFIG_GLOBAL"] = "/dev/null";
        // Errors are recognised by their English wording.
        startInfo.Environment["LC_ALL"] = "C";
        startInfo.Environment["LANGUAGE"] = "C";
        return startInfo;
    }
}
