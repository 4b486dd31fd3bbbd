namespace OCore.WebhookReceiver.Dashboard.Views;

/// <summary>Project › Repository: what to add to the Git provider, the connection's health, and what the person may do.</summary>
public sealed record RepositoryModel(
    string Namespace,
    string Name,
    string Url,
    string Branch,
    string? Provider,
    string? KnownHosts,
    string State,
    string? ProjectId,
    string? PublicKey,
    string? Fingerprint,
    string? DeployKeyMessage,
    string? WebhookUrl,
    string WebhookSecretName,
    string? RevealedSecret,
    bool RevealRefused,
    string Access,
    string? AccessMessage,
    string? LastDelivery,
    string? GitHubApp,
    ProviderGuide Guide,
    bool CanManage,
    bool CanReadSecret,
    IReadOnlyList<Hint> Hints);
