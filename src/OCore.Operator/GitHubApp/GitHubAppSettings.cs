namespace OCore.Operator.GitHubApp;

/// <summary>
/// Where the operator finds the GitHub App (section <c>Operator:GitHubApp</c>). Without <see cref="SecretName"/> the App
/// features are off: installations and projects say so in their conditions, and repositories are set up by hand.
/// </summary>
public sealed class GitHubAppSettings
{
    /// <summary>The Secret with keys app-id, private-key, webhook-secret, slug and optional api-url, web-url.</summary>
    public string? SecretName { get; set; }

    /// <summary>The namespace of that Secret: the operator's own.</summary>
    public string SecretNamespace { get; set; } = System.Environment.GetEnvironmentVariable("POD_NAMESPACE") ?? "default";

    /// <summary>How often each installation is verified with GitHub again.</summary>
    public TimeSpan VerifyInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long to wait before trying again when GitHub refused to configure a repository.</summary>
    public TimeSpan RetryInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Use only installations linked through the install flow (they carry a link proof). Turn off only where every
    /// namespace admin may use every installation of the App, e.g. a single-team cluster managed with GitOps.
    /// </summary>
    public bool RequireLinkProof { get; set; } = true;

    public bool Enabled => !string.IsNullOrWhiteSpace(SecretName);
}
