namespace OCore.WebhookReceiver.GitHubApp;

/// <summary>
/// Where the receiver finds the GitHub App Secret (section <c>GitHubApp</c>): the same Secret the operator reads, for
/// its <c>webhook-secret</c> (App webhooks) and optional <c>state-key</c> (install callback). Without a name the App
/// endpoints answer 404.
/// </summary>
public sealed class GitHubAppReceiverOptions
{
    public const string Section = "GitHubApp";

    public string? SecretName { get; set; }

    public string SecretNamespace { get; set; } = System.Environment.GetEnvironmentVariable("POD_NAMESPACE") ?? "default";

    /// <summary>How long the Secret read is reused before it is read again (a rotated secret is picked up after this).</summary>
    public TimeSpan RereadAfter { get; set; } = TimeSpan.FromSeconds(30);
}
