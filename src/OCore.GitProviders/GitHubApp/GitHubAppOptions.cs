using OCore.Api.GitHubApp;

namespace OCore.GitProviders.GitHubApp;

/// <summary>The GitHub App oCore acts as. <see cref="ToString"/> leaves the private key out.</summary>
public sealed record GitHubAppOptions
{
    /// <summary>The App ID (or client ID) from the App's settings page; the JWT's <c>iss</c>.</summary>
    public required string AppId { get; init; }

    /// <summary>The App's private key as GitHub hands it out (PEM, PKCS#1 or PKCS#8).</summary>
    public required string PrivateKeyPem { get; init; }

    /// <summary>The App's URL name (<c>github.com/apps/&lt;slug&gt;</c>); needed only for <see cref="InstallUrl"/>.</summary>
    public string? AppSlug { get; init; }

    /// <summary>REST API root: <c>https://api.github.com</c>, or <c>https://host/api/v3</c> for GitHub Enterprise Server.</summary>
    public Uri ApiBaseUrl { get; init; } = new("https://api.github.com");

    /// <summary>Web root, for install links.</summary>
    public Uri WebBaseUrl { get; init; } = new("https://github.com");

    /// <summary>GitHub rejects requests without a User-Agent.</summary>
    public string UserAgent { get; init; } = "oCore";

    /// <summary>How long to wait before the single retry of a 401 answered to a freshly issued installation token.</summary>
    public TimeSpan FreshTokenRetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The page that installs the App on an account: <c>{WebBaseUrl}/apps/{slug}/installations/new?state={state}</c>.
    /// GitHub carries <paramref name="state"/> back to the Setup URL; make it signed and bound to the tenant.
    /// </summary>
    public Uri InstallUrl(string state)
    {
        ArgumentException.ThrowIfNullOrEmpty(state);
        if (string.IsNullOrEmpty(AppSlug))
            throw new InvalidOperationException("GitHubAppOptions.AppSlug is required to build the install URL");
        return InstallLinks.For(WebBaseUrl, AppSlug, state);
    }

    public override string ToString() =>
        $"GitHubAppOptions {{ AppId = {AppId}, AppSlug = {AppSlug}, ApiBaseUrl = {ApiBaseUrl}, WebBaseUrl = {WebBaseUrl} }}";
}
