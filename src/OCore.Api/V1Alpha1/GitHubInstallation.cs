using System.ComponentModel;
using k8s.Models;
using OCore.Api.Schema;

namespace OCore.Api.V1Alpha1;

[Description("One installation of the oCore GitHub App on a GitHub account, linked to this organization (namespace).")]
[KubernetesEntity(Group = Group, ApiVersion = Version, Kind = "GitHubInstallation", PluralName = "githubinstallations")]
[CustomResource("oghi")]
[PrinterColumn("Installation", ".spec.installationId", Type = "integer")]
[PrinterColumn("Account", ".status.accountLogin")]
[PrinterColumn("Type", ".status.accountType")]
[PrinterColumn("Unlinked", ".spec.unlinked", Type = "boolean")]
[PrinterColumn("Suspended", ".status.suspended", Type = "boolean")]
[PrinterColumn("Ready", ".status.conditions[?(@.type==\"Ready\")].status")]
[PrinterColumn("Age", ".metadata.creationTimestamp", Type = "date")]
public sealed class GitHubInstallation : CustomResource<GitHubInstallationSpec, GitHubInstallationStatus>
{
    public GitHubInstallation() => Kind = "GitHubInstallation";
}
