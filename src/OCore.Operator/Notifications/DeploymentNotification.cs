namespace OCore.Operator.Notifications;

/// <summary>The JSON a webhook sink receives for a deployment event (and what a Slack message is written from).</summary>
public sealed record DeploymentNotification(
    string Event,
    string Namespace,
    string Project,
    string Environment,
    string Deployment,
    string Branch,
    string Commit,
    string Phase,
    string Message,
    string? Url,
    DateTime Time);
