namespace OCore.GitProviders.GitHubApp;

/// <summary>A created or updated check run: its id (to update it later) and its page.</summary>
public sealed record CheckRun(long Id, Uri? HtmlUrl);
