using System.Diagnostics;
using OCore.Git.Processes;

namespace OCore.Git.Serving;

/// <summary>
/// Runs the local command-line tools the git server is made of (git, ssh-keygen), without the machine's git
/// configuration, so what they create does not depend on who runs them.
/// </summary>
public static class LocalTool
{
    /// <summary>Runs <paramref name="file"/> and returns its standard output; a non-zero exit throws with its error output.</summary>
    /// <param name="file">The program, found on PATH.</param>
    /// <param name="workingDirectory">Where it runs; null for the current directory.</param>
    /// <param name="environment">Extra environment variables (for example a commit author).</param>
    /// <param name="arguments">Arguments, passed as they are (never through a shell).</param>
    /// <param name="cancellationToken">Kills the program.</param>
    public static async Task<string> RunAsync(
        string file, string? workingDirectory, IReadOnlyDictionary<string, string>? environment, IEnumerable<string> arguments, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(file);
        ArgumentNullException.ThrowIfNull(arguments);
        var startInfo = new ProcessStartInfo(file) { WorkingDirectory = workingDirectory ?? "" };
        foreach (var argument in arguments)
            startInfo.ArgumentList.Add(argument);
        startInfo.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        startInfo.Environment["GIT_TERMINAL_PROMPT"] = "0";
        startInfo.Environment["LC_ALL"] = "C";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            startInfo.Environment[name] = value;

        var result = await ChildProcess.RunAsync(startInfo,
            error => new GitServerUnavailableException($"{file} was not found: {SshGitServer.InstallHint}", error), cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
            throw new InvalidOperationException($"{file} {string.Join(' ', startInfo.ArgumentList)} failed ({result.ExitCode}): {result.StandardError.Trim()}");
        return result.StandardOutput;
    }
}
