namespace OCore.Api.V1Alpha1;

/// <summary>Condition types oCore sets. Ready summarises the others (kstatus reads it).</summary>
public static class ConditionTypes
{
    public const string Ready = "Ready";
    public const string DeployKeyReady = "DeployKeyReady";
    public const string WebhookReady = "WebhookReady";
    public const string RepositoryAccessible = "RepositoryAccessible";
    public const string GitHubAppRouted = "GitHubAppRouted";
    public const string ReferencesResolved = "ReferencesResolved";
    public const string Verified = "Verified";
}
