namespace OCore.WebhookReceiver.Verification;

/// <summary>How a provider proves that a delivery comes from someone who knows the webhook secret.</summary>
public enum SignatureScheme
{
    /// <summary><c>sha256=&lt;hex&gt;</c>: HMAC-SHA256 of the raw body keyed with the secret (GitHub, Bitbucket).</summary>
    HmacSha256,

    /// <summary>The secret itself in a header (GitLab's <c>X-Gitlab-Token</c>).</summary>
    Token,
}
