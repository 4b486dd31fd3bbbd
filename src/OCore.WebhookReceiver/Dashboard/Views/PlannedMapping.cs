using OCore.Api.V1Alpha1;

namespace OCore.WebhookReceiver.Dashboard.Views;

/// <summary>A mapping to write: to an existing environment, or (per branch) a template copied from one.</summary>
public sealed record PlannedMapping(string Branch, string? EnvironmentName, EnvironmentSettings? Template);
