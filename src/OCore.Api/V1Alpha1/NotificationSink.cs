using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace OCore.Api.V1Alpha1;

public sealed class NotificationSink
{
    [Required]
    [Description("webhook (JSON signed with HMAC-SHA256) or slack (Slack-compatible incoming webhook).")]
    public NotificationSinkType Type { get; set; }

    [Required]
    [Description("Secret key holding the sink's URL (a Slack URL is itself a credential).")]
    public SecretKeyReference UrlSecretRef { get; set; } = new();

    [Description("Secret key holding the HMAC key for webhook sinks.")]
    public SecretKeyReference? SigningSecretRef { get; set; }

    [Description("Which deployment events are sent; all when empty.")]
    [MaxLength(3)]
    public List<DeploymentEventType>? Events { get; set; }
}
