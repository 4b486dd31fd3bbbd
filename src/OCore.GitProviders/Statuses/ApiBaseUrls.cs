using OCore.Api.Git;

namespace OCore.GitProviders.Statuses;

/// <summary>The REST API root of a provider when none is configured, derived from the repository's host.</summary>
internal static class ApiBaseUrls
{
    /// <summary>github.com's API lives on its own host; GitHub Enterprise Server serves it under <c>/api/v3</c>.</summary>
    public static Uri GitHub(RepositoryUrl repository) =>
        repository.Host == "github.com" ? new Uri("https://api.github.com") : new Uri($"{WebRoot(repository)}/api/v3");

    /// <summary>gitlab.com and self-managed GitLab alike serve <c>/api/v4</c>.</summary>
    public static Uri GitLab(RepositoryUrl repository) => new($"{WebRoot(repository)}/api/v4");

    /// <summary>Bitbucket Cloud; its API paths start with <c>/2.0</c>.</summary>
    public static Uri Bitbucket() => new("https://api.bitbucket.org");

    /// <summary>An SSH address's port is the SSH server's, not the web server's, so only HTTPS addresses keep theirs.</summary>
    private static string WebRoot(RepositoryUrl repository) =>
        repository.Port is { } port && !repository.IsSsh ? $"https://{repository.Host}:{port}" : $"https://{repository.Host}";

    /// <summary><paramref name="path"/> (starting with '/', escaped) under <paramref name="baseUrl"/>, keeping the base's own path.</summary>
    public static Uri Combine(Uri baseUrl, string path) => new($"{baseUrl.AbsoluteUri.TrimEnd('/')}{path}");
}
