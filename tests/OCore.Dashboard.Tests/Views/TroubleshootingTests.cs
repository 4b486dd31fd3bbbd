using k8s.Models;
using OCore.Api.V1Alpha1;
using OCore.WebhookReceiver.Dashboard.Views;

namespace OCore.Dashboard.Tests.Views;

/// <summary>The spec's troubleshooting cases, found from conditions and deliveries, each with its fix.</summary>
public sealed class TroubleshootingTests
{
    [Fact]
    public void A_refused_delivery_offers_reconfigure_webhook_to_those_who_may_and_only_advice_to_others()
    {
        var project = Connected();
        project.Status!.Webhook!.LastDelivery = new WebhookDelivery { Result = "401: invalid signature", Event = "push" };

        var manager = Assert.Single(Troubleshooting.ForProject(project, mappings: 1, canManage: true));
        Assert.Equal("Webhook returns 401 Unauthorized", manager.Problem);
        Assert.Equal(new HintAction("Reconfigure Webhook", "/dashboard/orgs/acme/projects/erp/reconfigure-webhook", true), manager.Action);
        Assert.Null(Assert.Single(Troubleshooting.ForProject(project, mappings: 1, canManage: false)).Action);
    }

    [Fact]
    public void No_mapping_links_to_the_branch_mappings_and_a_rejected_key_offers_a_new_one()
    {
        var project = Connected();
        project.Status!.Conditions.Add(new Condition { Type = ConditionTypes.RepositoryAccessible, Status = ConditionStatus.False, Reason = "AuthenticationFailed", Message = "Permission denied (publickey)." });

        var hints = Troubleshooting.ForProject(project, mappings: 0, canManage: true);

        Assert.Equal(["Deploy key rejected by Git provider", "Push to branch does not trigger deployment"], hints.Select(h => h.Problem));
        Assert.Equal("/dashboard/orgs/acme/projects/erp/regenerate-key", hints[0].Action!.Url);
        Assert.Equal(new HintAction("Check branch mappings", "/dashboard/orgs/acme/projects/erp/branch-mappings", false), hints[1].Action);
    }

    [Fact]
    public void A_deployment_failing_to_clone_points_at_the_deploy_key()
    {
        var deployment = new Deployment
        {
            Metadata = new V1ObjectMeta { Name = "erp-production-abc", NamespaceProperty = "acme" },
            Spec = new DeploymentSpec { ProjectRef = new LocalObjectReference { Name = "erp" } },
            Status = new DeploymentStatus
            {
                Phase = DeploymentPhase.Failed,
                Steps = [new DeploymentStep { Name = "Prepare", State = StepState.Failed, Message = "git: root@127.0.0.1: Permission denied (publickey)." }],
            },
        };

        var hint = Assert.Single(Troubleshooting.ForDeployment(deployment));

        Assert.Equal("Deployment triggered but fails at clone step", hint.Problem);
        Assert.Equal("/dashboard/orgs/acme/projects/erp#deploy-key", hint.Action!.Url);
        Assert.False(hint.Action.Post);
    }

    private static Project Connected() => new()
    {
        Metadata = new V1ObjectMeta { Name = "erp", NamespaceProperty = "acme", Generation = 1 },
        Spec = new ProjectSpec { Repository = new RepositorySpec { Url = "git@github.com:acme/erp.git" } },
        Status = new ProjectStatus
        {
            ObservedGeneration = 1,
            ProjectId = "p-1",
            Webhook = new WebhookStatus { Url = "https://ocore.example.com/api/webhooks/github/p-1" },
            DeployKey = new DeployKeyStatus { PublicKey = "ssh-ed25519 AAAA" },
        },
    };
}
