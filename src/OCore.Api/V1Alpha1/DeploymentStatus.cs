using System.ComponentModel;

namespace OCore.Api.V1Alpha1;

public sealed class DeploymentStatus : ResourceStatus
{
    public DeploymentPhase? Phase { get; set; }

    [Description("The pipeline's steps in order, each with its Job.")]
    public List<DeploymentStep>? Steps { get; set; }

    [Description("The image built for this commit (repository:commit@digest).")]
    public string? Image { get; set; }

    [Description("The modules this deployment updates and installs.")]
    public ModuleChanges? Modules { get; set; }

    [Description("The image the environment served before this rollout; restored if the rollout fails.")]
    public string? PreviousImage { get; set; }

    [Description("The commit the environment served before this deployment.")]
    public string? PreviousCommit { get; set; }

    [Description("The GitHub check run reporting this deployment.")]
    public long? CheckRunId { get; set; }

    [Description("The newer Deployment that replaced this one.")]
    public string? SupersededBy { get; set; }

    public DateTime? StartedAt { get; set; }

    public DateTime? FinishedAt { get; set; }
}
