using OCore.Api.Git;

namespace OCore.Management.Projects;

/// <summary>
/// What connecting a repository asks for; null keeps the Project's current value (or the default for a new one).
/// <see cref="KnownHosts"/> pins a self-hosted server's SSH host keys (known_hosts lines); empty clears them.
/// </summary>
public sealed record RepositoryRequest(string Url, string? Branch, GitProvider? Provider, string? OdooVersion, string? KnownHosts = null);
