using System.ComponentModel;
using k8s.Models;
using OCore.Api.Schema;

namespace OCore.Api.V1Alpha1;

[Description("Which pushes deploy where: a branch name or glob, and the environment it deploys to.")]
[KubernetesEntity(Group = Group, ApiVersion = Version, Kind = "BranchMapping", PluralName = "branchmappings")]
[CustomResource("obm")]
[PrinterColumn("Project", ".spec.projectRef.name")]
[PrinterColumn("Branch", ".spec.branch")]
[PrinterColumn("Environment", ".spec.environmentRef.name")]
[PrinterColumn("Ready", ".status.conditions[?(@.type==\"Ready\")].status")]
[PrinterColumn("Last Deployment", ".status.lastDeployment", Priority = 1)]
[PrinterColumn("Age", ".metadata.creationTimestamp", Type = "date")]
public sealed class BranchMapping : CustomResource<BranchMappingSpec, BranchMappingStatus>
{
    public BranchMapping() => Kind = "BranchMapping";
}
