using System.Diagnostics;
using OCore.Api.Git;
using OCore.Git.Processes;

namespace OCore.Git.Remote;

/// <summary>
/// Runs the <c>git</c> CLI for one remote operation: with the deploy key's ssh command in the child's environment
/// only, none of the machine's git or ssh configuration, and the child killed when the operation is cancelled.
/// </summary>
internal sealed class GitCommand(RepositoryUrl url, DeployKeyCredentials credentials, string sshCommand, CancellationToken cancellationToken)
{
    /// <summary>Runs git and returns its result, whatever its exit code.</summary>
    public Task<ProcessResult> TryRunAsync(string? workingDirectory, params string[] arguments) =>
        ChildProcess.RunAsync(StartInfo(workingDirectory, arguments), error => new GitAccessException(GitAccessErrorKind.Other,
            "The git executable was not found: install git and openssh-client where the operator runs.", error), cancellationToken);

    /// <summary>Runs git and returns its standard output; a failure becomes a <see cref="GitAccessException"/>.</summary>
    public async Task<string> RunAsync(string operation, string? workingDirectory, params string[] arguments)
    {
        var result = await TryRunAsync(workingDirectory, arguments).ConfigureAwait(false);
        return result.Succeeded ? result.StandardOutput : throw ErrorOf(operation, result);
    }

    public GitAccessException ErrorOf(string operation, ProcessResult result) =>
        GitErrors.Classify(url, operation, result.StandardError, credentials);

    private ProcessStartInfo StartInfo(string? workingDirectory, string[] arguments)
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

        startInfo.Environment["GIT_SSH_COMMAND"] = sshCommand;
        startInfo.Environment["GIT_TERMINAL_PROMPT"] = "0";
        startInfo.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        startInfo.Environment["GIT_CONFIG_GLOBAL"] = "/dev/null";
        // Errors are recognised by their English wording.
        startInfo.Environment["LC_ALL"] = "C";
        startInfo.Environment["LANGUAGE"] = "C";
        return startInfo;
    }
}
