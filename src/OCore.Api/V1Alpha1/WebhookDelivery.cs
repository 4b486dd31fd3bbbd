using System.ComponentModel;

namespace OCore.Api.V1Alpha1;

/// <summary>The last webhook delivery the receiver handled for a project.</summary>
public sealed class WebhookDelivery
{
    [Description("The provider's delivery id.")]
    public string? Id { get; set; }

    [Description("The provider's event name, e.g. push.")]
    public string? Event { get; set; }

    public DateTime? Time { get; set; }

    [Description("What the receiver did, e.g. 'queued 1 deployment' or 'ignored: tag push'.")]
    public string? Result { get; set; }
}
