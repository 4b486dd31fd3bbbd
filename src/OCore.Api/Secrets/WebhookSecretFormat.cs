namespace OCore.Api.Secrets;

/// <summary>
/// The <c>&lt;project&gt;-webhook</c> Secret, shared by the operator (writes it) and the receiver (verifies with it).
/// During a rotation the previous secret stays valid until the time in <see cref="PreviousValidUntilAnnotation"/>.
/// </summary>
public static class WebhookSecretFormat
{
    public const string SecretKey = "secret";
    public const string PreviousSecretKey = "previous-secret";
    public const string PreviousValidUntilAnnotation = "ocore.io/previous-secret-valid-until";

    /// <summary>The project id, kept on the Secret too so a restored Project keeps its webhook URL.</summary>
    public const string ProjectIdAnnotation = "ocore.io/project-id";

    /// <summary>
    /// The ocore.io/reconfigure-webhook value this Secret's rotation answered. Kept on the Secret, written with the
    /// rotation itself, so a stale cache can never rotate twice for one request.
    /// </summary>
    public const string HandledAnnotation = "ocore.io/reconfigure-webhook-handled";

    public static string NameFor(string project) => $"{project}-webhook";
}
