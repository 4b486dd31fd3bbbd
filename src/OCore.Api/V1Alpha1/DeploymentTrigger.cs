using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using OCore.Api.Git;

namespace OCore.Api.V1Alpha1;

public sealed class DeploymentTrigger
{
    [Required]
    [Description("webhook, poll or manual.")]
    public TriggerSource Source { get; set; }

    public GitProvider? Provider { get; set; }

    [Description("The provider's webhook delivery id.")]
    [MaxLength(128)]
    public string? DeliveryId { get; set; }

    [Description("Who pushed, as the provider names them.")]
    [MaxLength(256)]
    public string? Pusher { get; set; }
}
