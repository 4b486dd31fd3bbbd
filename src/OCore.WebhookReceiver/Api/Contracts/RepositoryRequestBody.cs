namespace OCore.WebhookReceiver.Api.Contracts;

/// <summary>Body of <c>POST /api/projects/{projectId}/repository</c>, as in the spec ("Connecting a Repository").</summary>
public sealed record RepositoryRequestBody(string? RepositoryUrl, string? Branch, string? Provider, string? OdooVersion);
