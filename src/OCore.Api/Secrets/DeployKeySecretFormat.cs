namespace OCore.Api.Secrets;

/// <summary>The <c>&lt;project&gt;-deploy-key</c> Secret, with the key names Flux uses for git SSH secrets.</summary>
public static class DeployKeySecretFormat
{
    public const string IdentityKey = "identity";
    public const string PublicKey = "identity.pub";
    public const string KnownHostsKey = "known_hosts";

    /// <summary>The ocore.io/regenerate-deploy-key value the current key answered (see WebhookSecretFormat.HandledAnnotation).</summary>
    public const string HandledAnnotation = "ocore.io/regenerate-deploy-key-handled";

    public static string NameFor(string project) => $"{project}-deploy-key";
}
