using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace OCore.Git.Remote;

/// <summary>
/// One authenticated OpenSSH master connection (<c>ssh -M -N</c>) that later ssh clients reach through its control
/// socket, skipping the TCP, key exchange and authentication round trips. It is a direct child of this process, not
/// a daemon (ControlPersist would orphan it): the pool owns it, reaps it and ends it when idle.
/// </summary>
internal sealed class SshMaster : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _errors = new();
    private int _users;

    private SshMaster(Process process, string controlPath)
    {
        _process = process;
        ControlPath = controlPath;
    }

    public string ControlPath { get; }

    public DateTime LastUsedUtc { get; private set; } = DateTime.UtcNow;

    public bool InUse => Volatile.Read(ref _users) > 0;

    /// <summary>Whether the connection is still up; a master whose server hung up has exited.</summary>
    public bool IsRunning => !_process.HasExited && File.Exists(ControlPath);

    /// <summary>
    /// Starts the master and waits until it has authenticated (ssh creates the control socket only then).
    /// </summary>
    /// <exception cref="SshMasterFailedException">ssh exited first; carries what it printed.</exception>
    public static async Task<SshMaster> StartAsync(ProcessStartInfo startInfo, string controlPath, CancellationToken cancellationToken)
    {
        // A socket left by a killed master would make the new one give up multiplexing and look ready at once.
        File.Delete(controlPath);
        startInfo.RedirectStandardInput = true;
        startInfo.RedirectStandardError = true;
        startInfo.RedirectStandardOutput = true;
        startInfo.UseShellExecute = false;
        var master = new SshMaster(new Process { StartInfo = startInfo }, controlPath);
        master._process.ErrorDataReceived += (_, e) => master.Remember(e.Data);
        master._process.OutputDataReceived += (_, _) => { };
        try
        {
            master._process.Start();
        }
        catch (Win32Exception error)
        {
            master._process.Dispose();
            throw new GitAccessException(GitAccessErrorKind.Other,
                "The ssh executable was not found: install git and openssh-client where the operator runs.", error);
        }

        master._process.StandardInput.Close();
        master._process.BeginErrorReadLine();
        master._process.BeginOutputReadLine();
        try
        {
            while (!File.Exists(controlPath))
            {
                if (master._process.HasExited)
                {
                    // Let the last lines of stderr arrive before reading them.
                    await master._process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
                    throw new SshMasterFailedException(master.Errors());
                }

                await Task.Delay(5, cancellationToken).ConfigureAwait(false);
            }
        }
        catch
        {
            master.Dispose();
            throw;
        }

        return master;
    }

    public void Enter()
    {
        Interlocked.Increment(ref _users);
        LastUsedUtc = DateTime.UtcNow;
    }

    public void Leave()
    {
        LastUsedUtc = DateTime.UtcNow;
        Interlocked.Decrement(ref _users);
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
            // Never started or already reaped.
        }

        _process.Dispose();
        // Killed, ssh cannot remove its socket itself.
        File.Delete(ControlPath);
    }

    private void Remember(string? line)
    {
        if (line is null)
            return;
        lock (_errors)
        {
            if (_errors.Length < 8192)
                _errors.AppendLine(line);
        }
    }

    private string Errors()
    {
        lock (_errors)
            return _errors.ToString();
    }
}
