namespace OCore.GitProviders.GitHubApp.Json;

/// <summary><c>GET /app/installations/{id}</c>.</summary>
internal sealed record InstallationResponse(
    long Id,
    AccountResponse? Account,
    string? TargetType,
    DateTimeOffset CreatedAt,
    DateTimeOffset? SuspendedAt,
    string? RepositorySelection);
