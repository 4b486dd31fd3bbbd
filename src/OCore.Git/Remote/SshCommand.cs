using System.Globalization;
using OCore.Git.Serving;

namespace OCore.Git.Remote;

/// <summary>Builds the <c>GIT_SSH_COMMAND</c> that makes git use only the deploy key and the given known_hosts.</summary>
internal static class SshCommand
{
    public static string For(CredentialFiles files, TimeSpan timeout)
    {
        // Let ssh give up connecting before the whole operation times out, so the error names the cause.
        var connectSeconds = (int)Math.Clamp(timeout.TotalSeconds / 2, 1, 30);
        string[] parts =
        [
            "ssh",
            "-F", "/dev/null", // no user or system ssh_config: the same behaviour on every machine
            "-i", ShellQuote.Quote(files.IdentityPath),
            "-o", "IdentitiesOnly=yes",
            "-o", "IdentityAgent=none",
            "-o", "BatchMode=yes", // never prompt
            "-o", "UserKnownHostsFile=" + ShellQuote.Quote(files.KnownHostsPath),
            "-o", "GlobalKnownHostsFile=/dev/null",
            "-o", "StrictHostKeyChecking=yes",
            "-o", "UpdateHostKeys=no",
            "-o", "ConnectTimeout=" + connectSeconds.ToString(CultureInfo.InvariantCulture),
        ];
        // git runs GIT_SSH_COMMAND through the shell, so paths are single-quoted.
        return string.Join(' ', parts);
    }
}
