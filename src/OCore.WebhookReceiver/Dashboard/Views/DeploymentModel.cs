using OCore.Api.V1Alpha1;

namespace OCore.WebhookReceiver.Dashboard.Views;

/// <summary>One Deployment's page: what is deployed where, and its live progress.</summary>
public sealed record DeploymentModel(string Namespace, string Name, string Project, string Environment, string Branch, string Commit, string? Trigger,
    string? Image, DeploymentProgressModel Progress)
{
    public static DeploymentModel From(Deployment deployment)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        var row = DeploymentRow.From(deployment);
        return new(deployment.Metadata.NamespaceProperty, deployment.Metadata.Name, deployment.Spec.ProjectRef.Name, row.Environment, row.Branch,
            deployment.Spec.Commit, row.Trigger, deployment.Status?.Image, DeploymentProgressModel.From(deployment));
    }
}
