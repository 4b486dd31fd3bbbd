using k8s;
using Microsoft.Extensions.Options;
using OCore.Api.V1Alpha1;
using OCore.Operator.Hosting;
using OCore.Runtime.Controllers;
using OCore.Runtime.Informers;
using OCore.Runtime.Writing;
using Environment = OCore.Api.V1Alpha1.Environment;

namespace OCore.Operator.BranchMappings;

/// <summary>
/// Checks a mapping's references and conflicts, and for template mappings keeps one Environment per pushed branch:
/// created when a Deployment for a new branch appears (within the per-project cap), deleted when the receiver
/// marks the branch deleted. Removing the mapping removes its environments (they are owned by it).
/// </summary>
public sealed class BranchMappingReconciler(
    ResourceCache<BranchMapping> mappings,
    ResourceCache<Project> projects,
    ResourceCache<Environment> environments,
    ResourceCache<Deployment> deployments,
    IKubernetes kubernetes,
    CustomResourceWriter<BranchMapping> writer,
    EventRecorder events,
    IOptions<OperatorOptions> options,
    TimeProvider time) : IReconciler
{
    public async Task<ReconcileResult> ReconcileAsync(ObjectKey key, CancellationToken cancellationToken)
    {
        var mapping = mappings.Get(key);
        if (mapping is null || mapping.Metadata.DeletionTimestamp is not null)
            return ReconcileResult.Done;

        var now = time.GetUtcNow().UtcDateTime;
        var generation = mapping.Metadata.Generation;
        var ns = mapping.Metadata.NamespaceProperty;
        var status = mapping.Status is null ? new BranchMappingStatus() : KubernetesJson.Deserialize<BranchMappingStatus>(KubernetesJson.Serialize(mapping.Status));

        var problem = ReferenceProblem(mapping) ?? ConflictProblem(mapping);
        Conditions.Set(status.Conditions, ConditionTypes.ReferencesResolved, problem is null, problem?.Reason ?? "Resolved",
            problem?.Message ?? "The project and environment exist and no other mapping claims this branch", generation, now);

        if (mapping.Spec.EnvironmentTemplate is not null && problem is null)
            await ReconcileBranchEnvironmentsAsync(mapping, status, now, cancellationToken);
        status.Environments = environments.ByIndex(Indexes.BranchMapping, Indexes.Key(ns, mapping.Metadata.Name))
            .Where(e => e.Metadata.DeletionTimestamp is null)
            .Select(e => new BranchEnvironment { Branch = e.Metadata.Annotations?[Annotations.Branch] ?? "", Name = e.Metadata.Name })
            .OrderBy(e => e.Branch, StringComparer.Ordinal)
            .ToList();
        if (mapping.Spec.EnvironmentTemplate is null)
            status.Environments = null;
        status.LastDeployment = deployments.ByIndex(Indexes.BranchMapping, Indexes.Key(ns, mapping.Metadata.Name))
            .OrderByDescending(d => d.Metadata.CreationTimestamp).ThenByDescending(d => d.Metadata.Name, StringComparer.Ordinal)
            .FirstOrDefault()?.Metadata.Name;

        Conditions.Set(status.Conditions, ConditionTypes.Ready, problem is null, problem?.Reason ?? "Ready",
            problem?.Message ?? (mapping.Spec.EnvironmentRef is { } env
                ? $"Pushes to {mapping.Spec.Branch} deploy to Environment {env.Name}"
                : $"Pushes to {mapping.Spec.Branch} deploy to one development environment per branch"), generation, now);
        status.ObservedGeneration = generation;
        await writer.UpdateStatusAsync(mapping, status, cancellationToken);
        return ReconcileResult.Done;
    }

    private (string Reason, string Message)? ReferenceProblem(BranchMapping mapping)
    {
        var ns = mapping.Metadata.NamespaceProperty;
        if (projects.Get(ns, mapping.Spec.ProjectRef.Name) is null)
            return ("ProjectNotFound", $"spec.projectRef.name: Project {mapping.Spec.ProjectRef.Name} does not exist in namespace {ns}");
        if (mapping.Spec.EnvironmentRef is not { } reference)
            return null;
        var environment = environments.Get(ns, reference.Name);
        if (environment is null)
            return ("EnvironmentNotFound", $"spec.environmentRef.name: Environment {reference.Name} does not exist in namespace {ns}; pushes to {mapping.Spec.Branch} deploy nowhere until it does");
        if (environment.Spec.ProjectRef.Name != mapping.Spec.ProjectRef.Name)
            return ("EnvironmentOfAnotherProject", $"spec.environmentRef.name: Environment {reference.Name} belongs to Project {environment.Spec.ProjectRef.Name}, not {mapping.Spec.ProjectRef.Name}");
        return null;
    }

    /// <summary>Two mappings of one project with the same branch pattern can never be told apart: both are reported.</summary>
    private (string Reason, string Message)? ConflictProblem(BranchMapping mapping)
    {
        var rivals = mappings.ByIndex(Indexes.Project, Indexes.Key(mapping.Metadata.NamespaceProperty, mapping.Spec.ProjectRef.Name))
            .Where(other => other.Metadata.Name != mapping.Metadata.Name && other.Spec.Branch == mapping.Spec.Branch && other.Metadata.DeletionTimestamp is null)
            .Select(other => other.Metadata.Name)
            .Order(StringComparer.Ordinal)
            .ToList();
        return rivals.Count == 0 ? null
            : ("Conflict", $"spec.branch: BranchMapping {string.Join(", ", rivals)} also claims '{mapping.Spec.Branch}' for Project {mapping.Spec.ProjectRef.Name}; pushes to it are not deployed until one is removed");
    }

    private async Task<bool> StillExistsAsync(Deployment deployment, CancellationToken cancellationToken)
    {
        try
        {
            await kubernetes.CustomObjects.GetNamespacedCustomObjectAsync("ocore.io", "v1alpha1", deployment.Metadata.NamespaceProperty,
                "deployments", deployment.Metadata.Name, cancellationToken);
            return true;
        }
        catch (k8s.Autorest.HttpOperationException error) when (error.Response.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    private async Task ReconcileBranchEnvironmentsAsync(BranchMapping mapping, BranchMappingStatus status, DateTime now, CancellationToken cancellationToken)
    {
        var ns = mapping.Metadata.NamespaceProperty;
        var owned = environments.ByIndex(Indexes.BranchMapping, Indexes.Key(ns, mapping.Metadata.Name));
        foreach (var deleted in owned.Where(e => e.Metadata.Annotations?.ContainsKey(Annotations.BranchDeleted) == true && e.Metadata.DeletionTimestamp is null))
        {
            // The branch's Deployments go first: a Deployment left behind would have its environment created again.
            await kubernetes.CustomObjects.DeleteCollectionNamespacedCustomObjectAsync("ocore.io", "v1alpha1", ns, "deployments",
                labelSelector: $"{Labels.Environment}={deleted.Metadata.Name}", cancellationToken: cancellationToken);
            await kubernetes.CustomObjects.DeleteNamespacedCustomObjectAsync("ocore.io", "v1alpha1", ns, "environments", deleted.Metadata.Name,
                propagationPolicy: "Foreground", cancellationToken: cancellationToken);
            await events.NormalAsync(mapping, "BranchEnvironmentDeleted",
                $"Branch {deleted.Metadata.Annotations![Annotations.Branch]} was deleted; removed Environment {deleted.Metadata.Name}", cancellationToken);
        }

        var existing = owned.Select(e => e.Metadata.Name).ToHashSet();
        var wanted = deployments.ByIndex(Indexes.BranchMapping, Indexes.Key(ns, mapping.Metadata.Name))
            .Where(d => !existing.Contains(d.Spec.EnvironmentRef.Name))
            .GroupBy(d => d.Spec.EnvironmentRef.Name)
            .Select(g => g.First())
            .ToList();
        var perProject = environments.ByIndex(Indexes.Project, Indexes.Key(ns, mapping.Spec.ProjectRef.Name))
            .Count(e => e.Metadata.Labels?.ContainsKey(Labels.BranchMapping) == true && e.Metadata.DeletionTimestamp is null);
        var capped = new List<string>();
        foreach (var deployment in wanted)
        {
            if (perProject >= options.Value.MaxBranchEnvironments)
            {
                capped.Add(deployment.Spec.Branch);
                continue;
            }

            var environment = BranchEnvironmentBuilder.Build(mapping, deployment.Spec.Branch);
            if (environment.Metadata.Name != deployment.Spec.EnvironmentRef.Name)
                continue; // Not a name this mapping derives: someone else's Deployment carrying our label.
            if (!await StillExistsAsync(deployment, cancellationToken))
                continue; // Deleted with its branch; the cache has not caught up yet. Creation is rare: one read is cheap.
            await kubernetes.CustomObjects.CreateNamespacedCustomObjectAsync(environment, "ocore.io", "v1alpha1", ns, "environments", cancellationToken: cancellationToken);
            perProject++;
            await events.NormalAsync(mapping, "BranchEnvironmentCreated",
                $"Created Environment {environment.Metadata.Name} for branch {deployment.Spec.Branch}", cancellationToken);
        }

        var cap = options.Value.MaxBranchEnvironments;
        Conditions.Set(status.Conditions, "BranchEnvironmentCapReached", capped.Count > 0, capped.Count > 0 ? "CapReached" : "BelowCap",
            capped.Count > 0
                ? $"Project {mapping.Spec.ProjectRef.Name} already has {cap} per-branch environments (Operator:MaxBranchEnvironments); not created for: {string.Join(", ", capped.Order(StringComparer.Ordinal))}. Delete a branch or raise the cap."
                : $"At most {cap} per-branch environments per project", mapping.Metadata.Generation, now);
    }
}
