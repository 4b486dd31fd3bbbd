namespace OCore.Cli.Dev;

/// <summary>What `ocore dev` starts and where it writes.</summary>
public sealed record DevSandboxOptions
{
    /// <summary>Where the kubeconfig for kubectl and the CLI is written, once everything is ready.</summary>
    public required string KubeconfigPath { get; init; }

    /// <summary>Loopback port of the webhook receiver; 0 picks a free one.</summary>
    public int ReceiverPort { get; init; } = 8080;

    /// <summary>Keeps the cluster's objects across restarts when set.</summary>
    public string? DataDirectory { get; init; }

    /// <summary>Applies the spec's feature-strategy sample (namespace acme) after start.</summary>
    public bool WithSamples { get; init; }
}
