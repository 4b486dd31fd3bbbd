using System.ComponentModel;
using OCore.Api.Git;

namespace OCore.Api.V1Alpha1;

public sealed class ProjectStatus : ResourceStatus
{
    [Description("Stable, unguessable id used in the webhook URL.")]
    public string? ProjectId { get; set; }

    [Description("The provider in use, given or inferred from the host.")]
    public GitProvider? Provider { get; set; }

    public WebhookStatus? Webhook { get; set; }

    public DeployKeyStatus? DeployKey { get; set; }

    [Description("The GitHub App installation routed to this repository, if any.")]
    public GitHubAppStatus? GithubApp { get; set; }

    [Description("The ocore.io/reconfigure-webhook value last acted on.")]
    public string? HandledReconfigureWebhook { get; set; }

    [Description("The ocore.io/regenerate-deploy-key value last acted on.")]
    public string? HandledRegenerateDeployKey { get; set; }

    [Description("When the mapped branches were last polled.")]
    public DateTime? LastPolledAt { get; set; }
}
