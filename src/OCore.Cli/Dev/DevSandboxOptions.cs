namespace OCore.Cli.Dev;

/// <summary>What `ocore dev` starts and where it writes.</summary>
public sealed record DevSandboxOptions
{
    /// <summary>Where the kubeconfig for kubectl and the CLI is written, once everything is ready.</summary>
    public required string KubeconfigPath { get; init; }

    /// <summary>Loopback port of the webhook receiver; 0 picks a free one.</summary>
    public int ReceiverPort { get; init; } = 8080;

    /// <summary>
    /// Loopback port of the sandbox's git server (sshd); 0 (the default here, so sandboxes in tests never collide) picks
    /// a free one. `ocore dev` asks for 2222, so the repository's URL stays the same across restarts.
    /// </summary>
    public int GitPort { get; init; }

    /// <summary>
    /// Keeps the cluster's objects, the git server's host key and the repository across restarts when set; without
    /// it they live in a temporary folder removed when the sandbox stops.
    /// </summary>
    public string? DataDirectory { get; init; }

    /// <summary>
    /// Where the working clone of the sample repository is kept (a person commits and pushes there); null keeps it in
    /// the state folder. Without <see cref="DataDirectory"/> it is removed when the sandbox stops.
    /// </summary>
    public string? ClonePath { get; init; }

    /// <summary>Applies the spec's feature-strategy sample (namespace acme) after start, on the sandbox's repository.</summary>
    public bool WithSamples { get; init; }

    /// <summary>The sshd executable; null finds it on PATH or in /usr/sbin.</summary>
    public string? SshdPath { get; init; }

    /// <summary>How long start-up waits for the operator to read the sample repository before it reports what is missing.</summary>
    public TimeSpan SampleReadyTimeout { get; init; } = TimeSpan.FromSeconds(60);
}
