namespace OCore.WebhookReceiver.Dashboard.Views;

/// <summary>The organizations (namespaces) the person can list; null when they may not list namespaces (they type one).</summary>
public sealed record OrganizationsModel(IReadOnlyList<string>? Namespaces, string? Served);
