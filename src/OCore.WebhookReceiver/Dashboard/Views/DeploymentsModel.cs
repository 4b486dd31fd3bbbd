namespace OCore.WebhookReceiver.Dashboard.Views;

/// <summary>Project › Deployments, newest first.</summary>
public sealed record DeploymentsModel(string Namespace, string Project, IReadOnlyList<DeploymentRow> Deployments);
