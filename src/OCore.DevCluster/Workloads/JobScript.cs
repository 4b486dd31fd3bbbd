namespace OCore.DevCluster.Workloads;

/// <summary>How the pods of matching Jobs behave.</summary>
/// <param name="Succeed">Whether the pod succeeds (exit 0) or fails (exit <paramref name="ExitCode"/>).</param>
/// <param name="Log">The text the pod's log subresource returns.</param>
/// <param name="RunTime">How long the pod runs; null uses <see cref="DevClusterWorkloads.JobPodRunTime"/>.</param>
/// <param name="ExitCode">Exit code when failing.</param>
public sealed record JobScript(bool Succeed, string Log = "", TimeSpan? RunTime = null, int ExitCode = 1);
