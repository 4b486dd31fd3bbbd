using System.ComponentModel;
using k8s.Models;
using OCore.Api.Schema;

namespace OCore.Api.V1Alpha1;

[Description("One rollout of one commit to one environment (deployments.ocore.io, not apps/v1).")]
[KubernetesEntity(Group = Group, ApiVersion = Version, Kind = "Deployment", PluralName = "deployments")]
[CustomResource("odeploy")]
[PrinterColumn("Project", ".spec.projectRef.name")]
[PrinterColumn("Environment", ".spec.environmentRef.name")]
[PrinterColumn("Branch", ".spec.branch")]
[PrinterColumn("Commit", ".spec.commit", Priority = 1)]
[PrinterColumn("Phase", ".status.phase")]
[PrinterColumn("Message", ".status.conditions[?(@.type==\"Ready\")].message", Priority = 1)]
[PrinterColumn("Age", ".metadata.creationTimestamp", Type = "date")]
public sealed class Deployment : CustomResource<DeploymentSpec, DeploymentStatus>
{
    public Deployment() => Kind = "Deployment";
}
