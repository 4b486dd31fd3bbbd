using System.ComponentModel;
using k8s.Models;
using OCore.Api.Schema;

namespace OCore.Api.V1Alpha1;

[Description("Where one Odoo instance runs: production, staging or a development environment.")]
[KubernetesEntity(Group = Group, ApiVersion = Version, Kind = "Environment", PluralName = "environments")]
[CustomResource("oenv")]
[PrinterColumn("Project", ".spec.projectRef.name")]
[PrinterColumn("Stage", ".spec.stage")]
[PrinterColumn("Commit", ".status.commit")]
[PrinterColumn("URL", ".status.url")]
[PrinterColumn("Ready", ".status.conditions[?(@.type==\"Ready\")].status")]
[PrinterColumn("Image", ".status.image", Priority = 1)]
[PrinterColumn("Age", ".metadata.creationTimestamp", Type = "date")]
public sealed class Environment : CustomResource<EnvironmentSpec, EnvironmentStatus>
{
    public Environment() => Kind = "Environment";
}
