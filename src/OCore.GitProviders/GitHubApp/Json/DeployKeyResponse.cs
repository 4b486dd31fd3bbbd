namespace OCore.GitProviders.GitHubApp.Json;

/// <summary>An item of <c>GET /repos/{owner}/{repo}/keys</c>.</summary>
internal sealed record DeployKeyResponse(long Id, string Key, string? Title, bool ReadOnly);
