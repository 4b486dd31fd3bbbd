using System.ComponentModel;
using k8s.Models;
using OCore.Api.Schema;

namespace OCore.Api.V1Alpha1;

[Description("A connected Git repository: where oCore reads code and which webhook tells it about pushes.")]
[KubernetesEntity(Group = Group, ApiVersion = Version, Kind = "Project", PluralName = "projects")]
[CustomResource("oproj")]
[PrinterColumn("Repository", ".spec.repository.url")]
[PrinterColumn("Provider", ".status.provider")]
[PrinterColumn("Ready", ".status.conditions[?(@.type==\"Ready\")].status")]
[PrinterColumn("Status", ".status.conditions[?(@.type==\"Ready\")].message", Priority = 1)]
[PrinterColumn("Webhook", ".status.webhook.url", Priority = 1)]
[PrinterColumn("Age", ".metadata.creationTimestamp", Type = "date")]
public sealed class Project : CustomResource<ProjectSpec, ProjectStatus>
{
    public Project() => Kind = "Project";
}
