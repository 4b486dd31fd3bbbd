namespace OCore.Api.Secrets;

/// <summary>
/// The Secret holding the GitHub App's credentials, read by the operator (App id and private key) and the receiver
/// (webhook secret, install state key). Its name and namespace are settings of each service.
/// </summary>
public static class GitHubAppSecretFormat
{
    public const string AppIdKey = "app-id";
    public const string PrivateKeyKey = "private-key";
    public const string WebhookSecretKey = "webhook-secret";
    public const string SlugKey = "slug";

    /// <summary>Optional REST API root, for GitHub Enterprise Server (<c>https://host/api/v3</c>) or tests.</summary>
    public const string ApiUrlKey = "api-url";

    /// <summary>Optional web root, for GitHub Enterprise Server or tests.</summary>
    public const string WebUrlKey = "web-url";

    /// <summary>Optional key for signing install state tokens; derived from the webhook secret when absent.</summary>
    public const string StateKeyKey = "state-key";
}
