namespace OCore.GitProviders.GitHubApp.Json;

internal sealed record CheckRunResponse(long Id, string? HtmlUrl);
