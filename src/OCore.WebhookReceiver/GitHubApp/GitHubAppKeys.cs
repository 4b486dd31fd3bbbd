namespace OCore.WebhookReceiver.GitHubApp;

/// <summary>
/// What the receiver reads from the App Secret: the App's webhook secret (verifies App webhooks), the key install
/// states are signed with, and the App's public identity for the settings page.
/// </summary>
internal sealed record GitHubAppKeys(byte[] WebhookSecret, byte[] StateKey)
{
    public string? AppId { get; init; }

    /// <summary>The App's URL name (<c>github.com/apps/&lt;slug&gt;</c>); without it no install link can be built.</summary>
    public string? Slug { get; init; }

    /// <summary>GitHub's web root: github.com, or a GitHub Enterprise Server.</summary>
    public Uri WebUrl { get; init; } = new("https://github.com");
}
