namespace OCore.DevCluster.Workloads;

/// <summary>Annotations that script simulated pods (see <see cref="DevClusterWorkloads"/>).</summary>
internal static class WorkloadAnnotations
{
    public const string Prefix = "devcluster.ocore.io/";
    public const string Outcome = Prefix + "outcome";
    public const string RunSeconds = Prefix + "run-seconds";
    public const string ExitCode = Prefix + "exit-code";
    public const string Log = Prefix + "log";
    public const string ImagePullError = Prefix + "image-pull-error";
}
