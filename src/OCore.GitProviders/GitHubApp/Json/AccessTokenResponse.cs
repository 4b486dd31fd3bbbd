namespace OCore.GitProviders.GitHubApp.Json;

/// <summary><c>POST /app/installations/{id}/access_tokens</c>.</summary>
internal sealed record AccessTokenResponse(string Token, DateTimeOffset ExpiresAt);
