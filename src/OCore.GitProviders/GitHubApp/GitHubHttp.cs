using System.Net;
using System.Text.Json.Nodes;
using OCore.GitProviders.Http;

namespace OCore.GitProviders.GitHubApp;

/// <summary>What every raw GitHub REST call carries, and how GitHub's errors map to typed exceptions.</summary>
internal static class GitHubHttp
{
    public const string ProviderName = "GitHub";
    public const string MediaType = "application/vnd.github+json";
    public const string ApiVersion = "2022-11-28";

    public static HttpRequestMessage Request(HttpMethod method, Uri uri, JsonNode? body, string authorization, string userAgent)
    {
        var request = RestClient.CreateRequest(method, uri, body);
        request.Headers.Accept.ParseAdd(MediaType);
        request.Headers.Add("X-GitHub-Api-Version", ApiVersion);
        request.Headers.UserAgent.ParseAdd(userAgent);
        request.Headers.TryAddWithoutValidation("Authorization", authorization);
        return request;
    }

    /// <summary><paramref name="path"/> (starting with '/', escaped) under the API root, which may have a path (GHES: /api/v3).</summary>
    public static Uri Api(Uri apiBaseUrl, string path) => new($"{apiBaseUrl.AbsoluteUri.TrimEnd('/')}{path}");

    public static string Repo(string owner, string repo)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        ArgumentException.ThrowIfNullOrWhiteSpace(repo);
        return $"/repos/{Uri.EscapeDataString(owner)}/{Uri.EscapeDataString(repo)}";
    }

    /// <summary>
    /// The typed error for a failed installation call: GitHub answers 403 "This installation has been suspended"
    /// to every call of a suspended installation, which no retry will fix.
    /// </summary>
    public static async Task<GitProviderException> InstallationErrorAsync(
        RestClient rest, HttpResponseMessage response, long installationId, CancellationToken cancellationToken)
    {
        var error = await rest.ErrorAsync(response, cancellationToken);
        var suspended = error is not RateLimitedException
            && error.StatusCode == HttpStatusCode.Forbidden
            && error.ProviderMessage?.Contains("suspended", StringComparison.OrdinalIgnoreCase) == true;
        return suspended ? new InstallationSuspendedException(installationId, error.ProviderMessage) : error;
    }
}
