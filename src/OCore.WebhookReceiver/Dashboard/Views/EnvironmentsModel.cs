namespace OCore.WebhookReceiver.Dashboard.Views;

/// <summary>Project › Environments: fixed ones and those created per branch.</summary>
public sealed record EnvironmentsModel(string Namespace, string Project, IReadOnlyList<EnvironmentRow> Environments);
