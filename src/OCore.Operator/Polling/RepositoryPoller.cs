using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;
using OCore.Api.Branches;
using OCore.Api.Git;
using OCore.Api.Routing;
using OCore.Api.Secrets;
using OCore.Api.V1Alpha1;
using OCore.Git.Remote;
using OCore.Operator.Hosting;
using OCore.Runtime.Controllers;
using OCore.Runtime.Informers;
using OCore.Runtime.Writing;
using Deployment = OCore.Api.V1Alpha1.Deployment;
using Environment = OCore.Api.V1Alpha1.Environment;

namespace OCore.Operator.Polling;

/// <summary>
/// Looks at each project's repository with its deploy key (git ls-remote over SSH with the pinned host keys):
/// reports whether it can be read, with the fix when not (the spec's "deploy key rejected" case), and every
/// pollInterval creates the Deployments a lost webhook never delivered and marks per-branch environments of
/// deleted branches for teardown. Deterministic names make a poll and a webhook agree: nothing runs twice.
/// </summary>
public sealed class RepositoryPoller(
    PollerCaches caches,
    RemoteRepository git,
    IKubernetes kubernetes,
    CustomResourceWriter<Project> writer,
    EventRecorder events,
    TimeProvider time) : IReconciler
{
    public async Task<ReconcileResult> ReconcileAsync(ObjectKey key, CancellationToken cancellationToken)
    {
        var project = caches.Projects.Get(key);
        if (project is null || project.Metadata.DeletionTimestamp is not null)
            return ReconcileResult.Done;
        var keySecret = caches.Secrets.Get(project.Metadata.NamespaceProperty, DeployKeySecretFormat.NameFor(project.Metadata.Name));
        if (keySecret?.Data is null || !keySecret.Data.ContainsKey(DeployKeySecretFormat.KnownHostsKey)
            || !RepositoryUrl.TryParse(project.Spec.Repository.Url, out var repository, out _))
            return ReconcileResult.Done; // Not connected yet; the Project controller says why. Its Secret's creation wakes us.

        var now = time.GetUtcNow().UtcDateTime;
        var interval = PollSchedule.ParseInterval(project.Spec.PollInterval);
        var accessibility = Conditions.Find(project.Status?.Conditions, ConditionTypes.RepositoryAccessible);
        var specChanged = accessibility?.ObservedGeneration != project.Metadata.Generation;
        if (!specChanged && PollSchedule.Next(project.Status?.LastPolledAt, interval, accessibility?.Status == ConditionStatus.True, now) is { } next)
            return next == DateTime.MaxValue ? ReconcileResult.Done : ReconcileResult.After(next - now);

        var status = KubernetesJson.Deserialize<ProjectStatus>(KubernetesJson.Serialize(project.Status ?? new ProjectStatus()));
        status.LastPolledAt = now;
        IReadOnlyDictionary<string, string>? heads = null;
        try
        {
            heads = await git.ListHeadsAsync(repository, DeployKeyCredentials.FromSecretData(keySecret.Data), cancellationToken);
            Conditions.Set(status.Conditions, ConditionTypes.RepositoryAccessible, true, "Accessible",
                $"{repository.FullName} is readable with the deploy key ({heads.Count} branch{(heads.Count == 1 ? "" : "es")})", project.Metadata.Generation, now);
        }
        catch (GitAccessException error)
        {
            var message = SecretRedactor.Redact(error.Message);
            if (accessibility?.Reason != error.Kind.ToString())
                await events.WarningAsync(project, error.Kind.ToString(), message, cancellationToken);
            Conditions.Set(status.Conditions, ConditionTypes.RepositoryAccessible, false, error.Kind.ToString(), message, project.Metadata.Generation, now);
        }

        if (heads is not null && interval > TimeSpan.Zero)
            await CatchUpAsync(project, heads, cancellationToken);

        await writer.UpdateStatusAsync(project, status, cancellationToken);
        var wait = heads is null ? PollSchedule.RetryWhileFailing : interval;
        return wait == TimeSpan.Zero ? ReconcileResult.Done : ReconcileResult.After(wait);
    }

    /// <summary>Deploys branch heads no environment runs yet, and asks for the teardown of environments whose branch is gone.</summary>
    private async Task CatchUpAsync(Project project, IReadOnlyDictionary<string, string> heads, CancellationToken cancellationToken)
    {
        var ns = project.Metadata.NamespaceProperty;
        var projectMappings = caches.Mappings.ByIndex(Indexes.Project, Indexes.Key(ns, project.Metadata.Name));
        var router = PushTargets.Router(projectMappings);
        foreach (var (branch, commit) in heads)
        {
            if (router.Resolve(branch) is not { Kind: BranchResolutionKind.Matched, Winner.Target: var mapping })
                continue;
            var environment = caches.Environments.Get(ns, PushTargets.EnvironmentFor(mapping, branch));
            // Per-branch environments start from a webhook; polling keeps existing ones current and never deploys
            // every old branch of a freshly connected repository.
            if (environment is null || environment.Status?.Commit == commit)
                continue;
            var deployment = PushTargets.Deployment(ns, project.Metadata.Name, mapping, branch, commit, new DeploymentTrigger { Source = TriggerSource.Poll });
            if (caches.Deployments.Get(ns, deployment.Metadata.Name) is not null)
                continue;
            if (await CreateAsync(deployment, cancellationToken))
                await events.NormalAsync(project, "PolledPush", $"{branch} is at {commit[..12]}, which no webhook delivered; created Deployment {deployment.Metadata.Name}", cancellationToken);
        }

        foreach (var mapping in projectMappings.Where(m => m.Spec.EnvironmentTemplate is not null))
        {
            foreach (var environment in caches.Environments.ByIndex(Indexes.BranchMapping, Indexes.Key(ns, mapping.Metadata.Name)))
            {
                if (environment.Metadata.Annotations?.TryGetValue(Annotations.Branch, out var branch) == true
                    && !heads.ContainsKey(branch) && !environment.Metadata.Annotations.ContainsKey(Annotations.BranchDeleted))
                    await MarkBranchDeletedAsync(environment, cancellationToken);
            }
        }
    }

    private async Task<bool> CreateAsync(Deployment deployment, CancellationToken cancellationToken)
    {
        try
        {
            await kubernetes.CustomObjects.CreateNamespacedCustomObjectAsync(deployment, "ocore.io", "v1alpha1", deployment.Metadata.NamespaceProperty, "deployments",
                cancellationToken: cancellationToken);
            return true;
        }
        catch (HttpOperationException error) when (error.Response.StatusCode == HttpStatusCode.Conflict)
        {
            return false; // The webhook got there first.
        }
    }

    private Task MarkBranchDeletedAsync(Environment environment, CancellationToken cancellationToken) =>
        kubernetes.CustomObjects.PatchNamespacedCustomObjectAsync(
            new V1Patch(KubernetesJson.Serialize(new { metadata = new { annotations = new Dictionary<string, string> { [Annotations.BranchDeleted] = "poll" } } }),
                V1Patch.PatchType.MergePatch),
            "ocore.io", "v1alpha1", environment.Metadata.NamespaceProperty, "environments", environment.Metadata.Name, cancellationToken: cancellationToken);
}
