using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;
using OCore.Api.Branches;
using OCore.Api.Routing;
using OCore.Api.Naming;
using OCore.Api.V1Alpha1;
using OCore.WebhookReceiver.Projects;
using OCore.WebhookReceiver.Push;

namespace OCore.WebhookReceiver.Cluster;

/// <summary>
/// Turns a verified push into Deployment resources: each changed branch is routed through the project's
/// BranchMappings and becomes one Deployment with a deterministic name, so a redelivery creates nothing new.
/// A deleted branch marks its per-branch environment for teardown (the operator removes it); fixed
/// environments are never touched. It never reconciles.
/// </summary>
public sealed class DeploymentPushHandler(ClusterCaches caches, IKubernetes kubernetes) : IPushHandler
{
    public async Task<PushOutcome> HandleAsync(WebhookProject project, PushEvent push, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(push);
        var router = PushTargets.Router(caches.Mappings.ByIndex(ClusterCaches.ByProject, $"{project.Namespace}/{project.Name}"));

        var queued = new List<QueuedDeployment>();
        var duplicates = new List<string>();
        var notes = new List<string>();
        var teardowns = 0;
        foreach (var change in push.BranchChanges)
        {
            var branch = change.Branch!;
            var resolution = router.Resolve(branch);
            if (resolution.Kind == BranchResolutionKind.NoMatch)
            {
                notes.Add($"branch '{branch}' has no mapping");
                continue;
            }

            if (resolution.Kind == BranchResolutionKind.Conflict)
            {
                notes.Add($"branch '{branch}' is claimed by BranchMappings {string.Join(", ", resolution.Rules.Select(r => r.Target.Metadata.Name))} equally; remove one");
                continue;
            }

            if (resolution.Kind == BranchResolutionKind.InvalidBranch)
            {
                notes.Add($"'{branch}' is not a valid branch name: {resolution.Error}");
                continue;
            }

            var mapping = resolution.Winner!.Target;
            if (change.Kind == RefChangeKind.Deleted)
            {
                if (await RequestTeardownAsync(project, mapping, branch, push.DeliveryId, cancellationToken) is not null)
                    teardowns++;
                notes.Add(TeardownNote(mapping, branch));
                continue;
            }

            var environment = PushTargets.EnvironmentFor(mapping, branch);
            if (mapping.Spec.EnvironmentRef is not null && caches.Environments.Get(project.Namespace, environment) is null)
            {
                notes.Add($"branch '{branch}' maps to Environment {environment}, which does not exist");
                continue;
            }

            var deployment = PushTargets.Deployment(project.Namespace, project.Name, mapping, branch, change.After!, Trigger(push));
            if (await CreateAsync(deployment, cancellationToken))
                queued.Add(new QueuedDeployment(deployment.Metadata.Name, environment, branch, change.After!));
            else
                duplicates.Add(deployment.Metadata.Name);
        }

        if (queued.Count > 0 || teardowns > 0)
            return PushOutcome.Queued(queued, Summary(queued, duplicates, notes));
        if (duplicates.Count > 0)
            return PushOutcome.Duplicate($"already queued: {string.Join(", ", duplicates)}; nothing new was created");
        return PushOutcome.Ignored(string.Join("; ", notes));
    }

    private static DeploymentTrigger Trigger(PushEvent push) => new()
    {
        Source = TriggerSource.Webhook,
        Provider = push.Provider,
        DeliveryId = push.DeliveryId.Length <= 128 ? push.DeliveryId : push.DeliveryId[..128],
        Pusher = push.Pusher is { Length: > 256 } pusher ? pusher[..256] : push.Pusher,
    };

    /// <summary>Creates the Deployment; false when it already exists (a redelivery or the poller got there first).</summary>
    private async Task<bool> CreateAsync(Deployment deployment, CancellationToken cancellationToken)
    {
        try
        {
            await kubernetes.CustomObjects.CreateNamespacedCustomObjectAsync(deployment, CustomResource<DeploymentSpec, DeploymentStatus>.Group,
                CustomResource<DeploymentSpec, DeploymentStatus>.Version, deployment.Metadata.NamespaceProperty, "deployments", cancellationToken: cancellationToken);
            return true;
        }
        catch (HttpOperationException error) when (error.Response.StatusCode == HttpStatusCode.Conflict)
        {
            return false;
        }
    }

    /// <summary>Marks a template mapping's environment for the branch as deleted; returns null when there is nothing to tear down.</summary>
    private async Task<string?> RequestTeardownAsync(WebhookProject project, BranchMapping mapping, string branch, string deliveryId, CancellationToken cancellationToken)
    {
        if (mapping.Spec.EnvironmentTemplate is null)
            return null;
        var name = ObjectNames.ForBranchEnvironment(mapping.Metadata.Name, branch);
        if (caches.Environments.Get(project.Namespace, name) is null)
            return null;
        var patch = KubernetesJson.Serialize(new { metadata = new { annotations = new Dictionary<string, string> { [Annotations.BranchDeleted] = deliveryId } } });
        try
        {
            await kubernetes.CustomObjects.PatchNamespacedCustomObjectAsync(new V1Patch(patch, V1Patch.PatchType.MergePatch),
                CustomResource<EnvironmentSpec, EnvironmentStatus>.Group, CustomResource<EnvironmentSpec, EnvironmentStatus>.Version,
                project.Namespace, "environments", name, cancellationToken: cancellationToken);
            return name;
        }
        catch (HttpOperationException error) when (error.Response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    private static string TeardownNote(BranchMapping mapping, string branch) => mapping.Spec.EnvironmentTemplate is null
        ? $"branch '{branch}' was deleted; Environment {mapping.Spec.EnvironmentRef!.Name} is a fixed environment and is kept"
        : $"branch '{branch}' was deleted; its environment {ObjectNames.ForBranchEnvironment(mapping.Metadata.Name, branch)} will be removed";

    private static string Summary(List<QueuedDeployment> queued, List<string> duplicates, List<string> notes)
    {
        var parts = new List<string>();
        if (queued.Count > 0)
            parts.Add($"queued {queued.Count} deployment{(queued.Count == 1 ? "" : "s")}: {string.Join(", ", queued.Select(q => $"{q.Branch} → {q.Environment}"))}");
        if (duplicates.Count > 0)
            parts.Add($"already queued: {string.Join(", ", duplicates)}");
        parts.AddRange(notes);
        return string.Join("; ", parts);
    }
}
