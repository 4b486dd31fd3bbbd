using System.ComponentModel;

namespace OCore.Api.V1Alpha1;

public sealed class WebhookStatus
{
    [Description("The URL to paste into the provider's webhook settings.")]
    public string? Url { get; set; }

    [Description("The Secret (key 'secret') holding the webhook secret.")]
    public LocalObjectReference? SecretRef { get; set; }

    public WebhookDelivery? LastDelivery { get; set; }
}
