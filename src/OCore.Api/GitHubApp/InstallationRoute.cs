using OCore.Api.V1Alpha1;

namespace OCore.Api.GitHubApp;

/// <summary>The installation whose credentials serve a repository, and whether it matched the owner or is the fallback.</summary>
public sealed record InstallationRoute(GitHubInstallation Installation, InstallationMatch MatchedBy);
