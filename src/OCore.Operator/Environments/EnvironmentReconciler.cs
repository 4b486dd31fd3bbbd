using k8s;
using OCore.Api.V1Alpha1;
using OCore.Operator.Hosting;
using OCore.Runtime.Controllers;
using OCore.Runtime.Informers;
using OCore.Runtime.Writing;
using Environment = OCore.Api.V1Alpha1.Environment;

namespace OCore.Operator.Environments;

/// <summary>
/// Reports what an Environment serves. Its status is derived from its Deployments (the newest one, and the newest
/// that succeeded), so only this controller writes it and a retried reconcile always converges.
/// </summary>
public sealed class EnvironmentReconciler(
    ResourceCache<Environment> environments,
    ResourceCache<Project> projects,
    ResourceCache<Deployment> deployments,
    CustomResourceWriter<Environment> writer,
    TimeProvider time) : IReconciler
{
    public async Task<ReconcileResult> ReconcileAsync(ObjectKey key, CancellationToken cancellationToken)
    {
        var environment = environments.Get(key);
        if (environment is null || environment.Metadata.DeletionTimestamp is not null)
            return ReconcileResult.Done;

        var now = time.GetUtcNow().UtcDateTime;
        var generation = environment.Metadata.Generation;
        var status = environment.Status is null ? new EnvironmentStatus() : KubernetesJson.Deserialize<EnvironmentStatus>(KubernetesJson.Serialize(environment.Status));
        var ns = environment.Metadata.NamespaceProperty;

        var project = projects.Get(ns, environment.Spec.ProjectRef.Name);
        Conditions.Set(status.Conditions, ConditionTypes.ReferencesResolved, project is not null,
            project is null ? "ProjectNotFound" : "Resolved",
            project is null ? $"spec.projectRef.name: Project {environment.Spec.ProjectRef.Name} does not exist in namespace {ns}" : "The project exists",
            generation, now);

        var history = deployments.ByIndex(Indexes.Environment, Indexes.Key(ns, environment.Metadata.Name))
            .OrderByDescending(d => d.Metadata.CreationTimestamp).ThenByDescending(d => d.Metadata.Name, StringComparer.Ordinal)
            .ToList();
        var serving = history.Where(d => d.Status?.Phase == DeploymentPhase.Succeeded)
            .OrderByDescending(d => d.Status!.FinishedAt).FirstOrDefault();
        status.LastDeployment = history.FirstOrDefault()?.Metadata.Name;
        status.Commit = serving?.Spec.Commit;
        status.Image = serving?.Status!.Image;
        status.DeployedAt = serving?.Status!.FinishedAt;
        status.Url = environment.Spec.Odoo.Ingress is { } ingress
            ? $"{(ingress.TlsSecretName is null ? "http" : "https")}://{ingress.Host}"
            : null;
        status.Branch = environment.Metadata.Annotations?.TryGetValue(Annotations.Branch, out var branch) == true ? branch : null;

        if (project is null)
            Conditions.Set(status.Conditions, ConditionTypes.Ready, false, "ProjectNotFound", Conditions.Find(status.Conditions, ConditionTypes.ReferencesResolved)!.Message, generation, now);
        else if (serving is null)
            Conditions.Set(status.Conditions, ConditionTypes.Ready, false, "NotDeployed",
                "No deployment has succeeded yet: push to a mapped branch or run `ocore deploy trigger`", generation, now);
        else
            Conditions.Set(status.Conditions, ConditionTypes.Ready, true, "Serving",
                $"Serving {serving.Spec.Commit[..12]} ({serving.Spec.Branch}){(status.Url is null ? "" : $" at {status.Url}")}", generation, now);

        status.ObservedGeneration = generation;
        await writer.UpdateStatusAsync(environment, status, cancellationToken);
        return ReconcileResult.Done;
    }
}
