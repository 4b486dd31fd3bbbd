using System.ComponentModel;

namespace OCore.Api.V1Alpha1;

public sealed class EnvironmentStatus : ResourceStatus
{
    [Description("The commit now serving.")]
    public string? Commit { get; set; }

    [Description("The image now serving (repository:commit@digest).")]
    public string? Image { get; set; }

    [Description("Where the environment is reachable.")]
    public string? Url { get; set; }

    [Description("The branch a per-branch environment was created for.")]
    public string? Branch { get; set; }

    [Description("The most recent Deployment to this environment.")]
    public string? LastDeployment { get; set; }

    public DateTime? DeployedAt { get; set; }
}
