using System.ComponentModel;

namespace OCore.Api.V1Alpha1;

public sealed class BranchMappingStatus : ResourceStatus
{
    [Description("The most recent Deployment this mapping triggered.")]
    public string? LastDeployment { get; set; }

    [Description("Environments created from the template, one per branch.")]
    public List<BranchEnvironment>? Environments { get; set; }
}
