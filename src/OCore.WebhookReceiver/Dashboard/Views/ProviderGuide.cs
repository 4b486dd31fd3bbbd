using OCore.Api.Git;

namespace OCore.WebhookReceiver.Dashboard.Views;

/// <summary>Where a provider keeps deploy keys and webhooks, and which events to send (the spec's "Connection Steps").</summary>
public sealed record ProviderGuide(string Provider, string DeployKeyWhere, string WebhookWhere, string Events, string Signature)
{
    public static ProviderGuide For(GitProvider? provider) => provider switch
    {
        GitProvider.GitLab => new("GitLab", "Repository Settings › Repository › Deploy Keys", "Repository Settings › Webhooks › Add webhook",
            "Push events", "the secret goes in the Secret token field (sent as X-Gitlab-Token)"),
        GitProvider.Bitbucket => new("Bitbucket", "Repository Settings › Access Keys › Add key", "Repository Settings › Webhooks › Add webhook",
            "repo:push", "the secret goes in the Secret field (HMAC-SHA256 signature)"),
        _ => new("GitHub", "Repository Settings › Deploy Keys › Add deploy key (read access is enough)", "Repository Settings › Webhooks › Add webhook",
            "Just the push event; content type application/json", "the secret goes in the Secret field (X-Hub-Signature-256)"),
    };
}
