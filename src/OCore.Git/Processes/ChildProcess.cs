using System.ComponentModel;
using System.Diagnostics;

namespace OCore.Git.Processes;

/// <summary>
/// Runs a command-line program (git, ssh-keygen) to its end: standard input closed at once, so any prompt fails
/// instead of waiting; both outputs collected; the program and its children killed when the caller cancels.
/// </summary>
internal static class ChildProcess
{
    /// <param name="startInfo">The program and its arguments and environment; the redirections are set here.</param>
    /// <param name="notFound">The exception for a program that cannot be started (not installed), naming the fix.</param>
    /// <param name="cancellationToken">Kills the program and its children.</param>
    public static async Task<ProcessResult> RunAsync(ProcessStartInfo startInfo, Func<Win32Exception, Exception> notFound, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(startInfo);
        ArgumentNullException.ThrowIfNull(notFound);
        startInfo.RedirectStandardInput = true;
        startInfo.RedirectStandardOutput = true;
        startInfo.RedirectStandardError = true;
        startInfo.UseShellExecute = false;
        using var process = new Process { StartInfo = startInfo };
        try
        {
            process.Start();
        }
        catch (Win32Exception error)
        {
            throw notFound(error);
        }

        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var errors = process.StandardError.ReadToEndAsync(CancellationToken.None);
        try
        {
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Its own children (git's ssh) must go too, or they would hold a connection and the key file open.
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            throw;
        }

        return new ProcessResult(process.ExitCode, await output.ConfigureAwait(false), await errors.ConfigureAwait(false));
    }
}
