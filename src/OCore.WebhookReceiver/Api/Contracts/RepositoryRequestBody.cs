namespace OCore.WebhookReceiver.Api.Contracts;

/// <summary>
/// Body of <c>POST /api/projects/{projectId}/repository</c>, as in the spec ("Connecting a Repository"), plus the Odoo
/// series and, for a self-hosted Git server, <c>knownHosts</c>: its SSH host keys as known_hosts lines.
/// </summary>
public sealed record RepositoryRequestBody(string? RepositoryUrl, string? Branch, string? Provider, string? OdooVersion, string? KnownHosts);
