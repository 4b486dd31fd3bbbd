using System.Globalization;
using OCore.Git.Serving;

namespace OCore.Git.Remote;

/// <summary>Builds the <c>GIT_SSH_COMMAND</c> that makes git use only the deploy key and the given known_hosts.</summary>
internal static class SshCommand
{
    /// <param name="files">The deploy key and known_hosts.</param>
    /// <param name="timeout">The time the whole operation may take.</param>
    /// <param name="controlPath">
    /// The socket of an authenticated master connection to share, or null. When that master is gone, ssh connects on
    /// its own with the same key and host checks.
    /// </param>
    public static string For(CredentialFiles files, TimeSpan timeout, string? controlPath = null)
    {
        var options = Options(files, timeout);
        if (controlPath is not null)
            options.AddRange(["-o", "ControlMaster=no", "-o", "ControlPath=" + controlPath]);

        // git runs GIT_SSH_COMMAND through the shell, so every argument is single-quoted.
        return "ssh " + string.Join(' ', options.Select(ShellQuote.Quote));
    }

    /// <summary>The options of every ssh oCore runs, without the program name, unquoted.</summary>
    public static List<string> Options(CredentialFiles files, TimeSpan timeout)
    {
        // Let ssh give up connecting before the whole operation times out, so the error names the cause.
        var connectSeconds = (int)Math.Clamp(timeout.TotalSeconds / 2, 1, 30);
        return
        [
            "-F", "/dev/null", // no user or system ssh_config: the same behaviour on every machine
            "-i", files.IdentityPath,
            "-o", "IdentitiesOnly=yes",
            "-o", "IdentityAgent=none",
            "-o", "BatchMode=yes", // never prompt
            "-o", "UserKnownHostsFile=" + files.KnownHostsPath,
            "-o", "GlobalKnownHostsFile=/dev/null",
            "-o", "StrictHostKeyChecking=yes",
            "-o", "UpdateHostKeys=no",
            "-o", "ConnectTimeout=" + connectSeconds.ToString(CultureInfo.InvariantCulture),
        ];
    }
}
