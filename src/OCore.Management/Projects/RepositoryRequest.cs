using OCore.Api.Git;

namespace OCore.Management.Projects;

/// <summary>What connecting a repository asks for; null keeps the Project's current value (or the default for a new one).</summary>
public sealed record RepositoryRequest(string Url, string? Branch, GitProvider? Provider, string? OdooVersion);
