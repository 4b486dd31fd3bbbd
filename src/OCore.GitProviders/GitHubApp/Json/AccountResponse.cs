namespace OCore.GitProviders.GitHubApp.Json;

internal sealed record AccountResponse(string Login, long Id, string? Type);
