namespace OCore.Git.Serving;

/// <summary>How to start an <see cref="SshGitServer"/>.</summary>
public sealed record SshGitServerOptions
{
    /// <summary>
    /// Where the server keeps its host key, authorized_keys, configuration and repositories (under <c>repos/</c>).
    /// Reusing a directory keeps the host key, so known_hosts lines written before stay valid.
    /// </summary>
    public required string Directory { get; init; }

    /// <summary>Port on 127.0.0.1; 0 picks a free one.</summary>
    public int Port { get; init; }

    /// <summary>The sshd executable; null looks on PATH and in /usr/sbin and /usr/local/sbin.</summary>
    public string? SshdPath { get; init; }

    /// <summary>How long sshd may take to report that it listens.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(10);
}
