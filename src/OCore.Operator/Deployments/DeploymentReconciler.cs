using k8s;
using k8s.Models;
using Microsoft.Extensions.Options;
using OCore.Api.Git;
using OCore.Api.Secrets;
using OCore.Api.V1Alpha1;
using OCore.Git.Remote;
using OCore.Operator.Hosting;
using OCore.Operator.Reporting;
using OCore.Operator.Workloads;
using OCore.Operator.Writers;
using OCore.Runtime.Controllers;
using OCore.Runtime.Informers;
using OCore.Runtime.Writing;
using Deployment = OCore.Api.V1Alpha1.Deployment;
using Environment = OCore.Api.V1Alpha1.Environment;

namespace OCore.Operator.Deployments;

/// <summary>
/// Runs one Deployment through Prepare → Build → UpdateModules → Rollout. Each reconcile advances the current step
/// by at most one idempotent action (create a Job, read its outcome, apply the workload, check the rollout) and
/// writes the status once, so a restarted or new leader continues where the last one stopped.
/// </summary>
public sealed class DeploymentReconciler(
    PipelineCaches caches,
    RepositoryInspector inspector,
    WorkloadWriter workloads,
    PodLogReader logs,
    CustomResourceWriter<Deployment> writer,
    DeploymentEvents events,
    CheckRunReporter checkRuns,
    IOptions<OperatorOptions> options,
    TimeProvider time) : IReconciler
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(5);

    public async Task<ReconcileResult> ReconcileAsync(ObjectKey key, CancellationToken cancellationToken)
    {
        var deployment = caches.Deployments.Get(key);
        if (deployment is null || deployment.Metadata.DeletionTimestamp is not null)
            return ReconcileResult.Done;
        if (PipelineSteps.IsTerminal(deployment.Status?.Phase))
        {
            await RetireOldDeploymentsAsync(deployment, cancellationToken);
            return ReconcileResult.Done;
        }

        var now = Now();
        var status = Copy(deployment.Status) ?? new DeploymentStatus();
        if (status.Steps is null or { Count: 0 })
        {
            status.Steps = PipelineSteps.Initial();
            status.Phase = DeploymentPhase.Pending;
            status.StartedAt = now;
        }

        var ns = deployment.Metadata.NamespaceProperty;
        var project = caches.Projects.Get(ns, deployment.Spec.ProjectRef.Name);
        var environment = caches.Environments.Get(ns, deployment.Spec.EnvironmentRef.Name);
        var result = project is null
            ? Fail(status, PipelineSteps.Prepare, $"Project {deployment.Spec.ProjectRef.Name} does not exist")
            : environment is null
                ? WaitForEnvironment(deployment, status)
                : NewerDeployment(deployment) is { } newer
                    ? Supersede(status, newer.Metadata.Name, $"superseded by {newer.Metadata.Name} ({newer.Spec.Commit[..12]})")
                    : await AdvanceAsync(deployment, project, environment, status, cancellationToken);

        await FinishAsync(deployment, environment, status, cancellationToken);
        return result;
    }

    private async Task<ReconcileResult> AdvanceAsync(Deployment deployment, Project project, Environment environment, DeploymentStatus status, CancellationToken cancellationToken)
    {
        var step = PipelineSteps.Current(status)!;
        status.Phase = PipelineSteps.PhaseOf(step.Name);
        return step.Name switch
        {
            PipelineSteps.Prepare => await PrepareAsync(deployment, project, environment, status, cancellationToken),
            PipelineSteps.Build => await BuildAsync(deployment, project, environment, status, cancellationToken),
            PipelineSteps.UpdateModules => await UpdateModulesAsync(deployment, environment, status, cancellationToken),
            _ => await RolloutAsync(deployment, environment, status, cancellationToken),
        };
    }

    /// <summary>Checks the branch still points at the commit and computes the module changes, with the deploy key.</summary>
    private async Task<ReconcileResult> PrepareAsync(Deployment deployment, Project project, Environment environment, DeploymentStatus status, CancellationToken cancellationToken)
    {
        var step = PipelineSteps.Get(status, PipelineSteps.Prepare);
        var keySecret = caches.Secrets.Get(project.Metadata.NamespaceProperty, DeployKeySecretFormat.NameFor(project.Metadata.Name));
        if (keySecret?.Data is null || !RepositoryUrl.TryParse(project.Spec.Repository.Url, out var repository, out _))
        {
            PipelineSteps.Start(step, Now(), $"waiting for Project {project.Metadata.Name} to be connected (deploy key and repository URL)");
            return ReconcileResult.After(Poll);
        }

        status.PreviousCommit = environment.Status?.Commit;
        try
        {
            var inspection = await inspector.InspectAsync(repository, DeployKeyCredentials.FromSecretData(keySecret.Data), deployment.Spec.Branch,
                deployment.Spec.Commit, environment.Status?.Commit, requireBranchHead: deployment.Spec.Trigger?.Source != TriggerSource.Manual, cancellationToken);
            if (inspection.StaleReason is { } stale)
                return Supersede(status, null, stale);
            status.Modules = new ModuleChanges
            {
                Update = [.. inspection.Modules!.Update],
                Install = [.. inspection.Modules.Install],
                Removed = [.. inspection.Modules.Removed],
                RequirementsChanged = inspection.Modules.RequirementsChanged,
            };
            PipelineSteps.Finish(step, StepState.Succeeded, Now(), inspection.Note);
            return ReconcileResult.After(TimeSpan.Zero);
        }
        catch (GitAccessException error)
        {
            return Fail(status, PipelineSteps.Prepare, $"could not read {repository} with the deploy key: {SecretRedactor.Redact(error.Message)}");
        }
    }

    private async Task<ReconcileResult> BuildAsync(Deployment deployment, Project project, Environment environment, DeploymentStatus status, CancellationToken cancellationToken)
    {
        var step = PipelineSteps.Get(status, PipelineSteps.Build);
        var name = WorkloadNames.BuildJob(deployment);
        var job = caches.Jobs.Get(deployment.Metadata.NamespaceProperty, name);
        if (job is null)
        {
            await workloads.ApplyAsync(BuildJobBuilder.Dockerfile(project, environment, deployment, Images()), cancellationToken);
            await workloads.CreateIfMissingAsync(BuildJobBuilder.Build(project, environment, deployment, Images()), cancellationToken);
            PipelineSteps.Start(step, Now(), $"building {environment.Spec.Image.Repository}:{deployment.Spec.Commit}", name);
            return ReconcileResult.Done; // The Job's changes bring us back.
        }

        switch (JobOutcome(job))
        {
            case true:
                var log = await logs.TailAsync(deployment.Metadata.NamespaceProperty, name, cancellationToken);
                status.Image = BuildOutput.ImageFrom(log) ?? $"{environment.Spec.Image.Repository}:{deployment.Spec.Commit}";
                PipelineSteps.Finish(step, StepState.Succeeded, Now(), $"built and pushed {status.Image}");
                return ReconcileResult.After(TimeSpan.Zero);
            case false:
                return Fail(status, PipelineSteps.Build, await FailureMessageAsync("build", deployment, name, job, cancellationToken));
            default:
                if (await logs.StuckReasonAsync(deployment.Metadata.NamespaceProperty, name, cancellationToken) is { } stuck)
                {
                    await workloads.DeleteJobAsync(deployment.Metadata.NamespaceProperty, name, cancellationToken);
                    return Fail(status, PipelineSteps.Build, $"build Job {name} failed: {stuck}");
                }

                PipelineSteps.Start(step, Now(), "building", name);
                return ReconcileResult.After(Poll);
        }
    }

    private async Task<ReconcileResult> UpdateModulesAsync(Deployment deployment, Environment environment, DeploymentStatus status, CancellationToken cancellationToken)
    {
        var step = PipelineSteps.Get(status, PipelineSteps.UpdateModules);
        var modules = status.Modules ?? new ModuleChanges();
        if (modules.Update.Count == 0 && modules.Install.Count == 0)
        {
            PipelineSteps.Finish(step, StepState.Skipped, Now(), "no Odoo module to update or install");
            return ReconcileResult.After(TimeSpan.Zero);
        }

        var ns = deployment.Metadata.NamespaceProperty;
        var name = WorkloadNames.UpdateJob(deployment);
        var job = caches.Jobs.Get(ns, name);
        if (job is null)
        {
            // Crons and -u must not run at once (odoo/odoo#13958): the cron workload waits at zero.
            await workloads.ScaleAsync(ns, WorkloadNames.Cron(environment), 0, cancellationToken);
            await workloads.CreateIfMissingAsync(ModuleUpdateJobBuilder.Build(environment, deployment, status.Image!, modules.Update, modules.Install,
                options.Value.BackupsKept), cancellationToken);
            PipelineSteps.Start(step, Now(), Describe(modules), name);
            return ReconcileResult.Done;
        }

        switch (JobOutcome(job))
        {
            case true:
                PipelineSteps.Finish(step, StepState.Succeeded, Now(), Describe(modules));
                return ReconcileResult.After(TimeSpan.Zero);
            case false:
                await workloads.ScaleAsync(ns, WorkloadNames.Cron(environment), 1, cancellationToken);
                return Fail(status, PipelineSteps.UpdateModules, await FailureMessageAsync("module update", deployment, name, job, cancellationToken));
            default:
                if (await logs.StuckReasonAsync(ns, name, cancellationToken) is { } stuck)
                {
                    await workloads.DeleteJobAsync(ns, name, cancellationToken);
                    await workloads.ScaleAsync(ns, WorkloadNames.Cron(environment), 1, cancellationToken);
                    return Fail(status, PipelineSteps.UpdateModules, $"module update Job {name} failed: {stuck}");
                }

                return ReconcileResult.After(Poll);
        }
    }

    /// <summary>Applies the workload with the new image and waits for it; a rollout that does not become ready is rolled back.</summary>
    private async Task<ReconcileResult> RolloutAsync(Deployment deployment, Environment environment, DeploymentStatus status, CancellationToken cancellationToken)
    {
        var step = PipelineSteps.Get(status, PipelineSteps.Rollout);
        var ns = deployment.Metadata.NamespaceProperty;
        if (step.State == StepState.Pending)
        {
            status.PreviousImage = caches.Workloads.Get(ns, WorkloadNames.Web(environment))?.Spec.Template.Spec.Containers[0].Image;
            await ApplyWorkloadAsync(environment, status.Image!, cancellationToken);
            PipelineSteps.Start(step, Now(), $"rolling out {status.Image}", WorkloadNames.Web(environment));
            return ReconcileResult.After(Poll);
        }

        var web = caches.Workloads.Get(ns, WorkloadNames.Web(environment));
        if (web is not null && RolloutProgress.IsComplete(web, status.Image!))
        {
            PipelineSteps.Finish(step, StepState.Succeeded, Now(), $"{web.Status.AvailableReplicas ?? 0} replica(s) ready on /web/health with {status.Image}");
            status.Phase = DeploymentPhase.Succeeded;
            return ReconcileResult.Done;
        }

        var elapsed = Now() - (step.StartedAt ?? Now());
        if (web is not null && (RolloutProgress.HasFailed(web) || elapsed > options.Value.RolloutTimeout))
        {
            var why = RolloutProgress.HasFailed(web) ? RolloutProgress.FailureMessage(web) : $"not ready within {options.Value.RolloutTimeout}";
            if (status.PreviousImage is { } previous)
            {
                await ApplyWorkloadAsync(environment, previous, cancellationToken);
                return Fail(status, PipelineSteps.Rollout, $"rollout of {status.Image} failed ({why}); rolled back to {previous}");
            }

            return Fail(status, PipelineSteps.Rollout, $"rollout of {status.Image} failed ({why}); there is no previous image to roll back to");
        }

        return ReconcileResult.After(Poll);
    }

    private async Task ApplyWorkloadAsync(Environment environment, string image, CancellationToken cancellationToken)
    {
        await workloads.ApplyAsync(OdooWorkloadBuilder.OdooConfig(environment), cancellationToken);
        if (OdooWorkloadBuilder.Filestore(environment) is { } claim)
            await workloads.CreateIfMissingAsync(claim, cancellationToken);
        await workloads.ApplyAsync(OdooWorkloadBuilder.Service(environment), cancellationToken);
        if (OdooWorkloadBuilder.Ingress(environment) is { } ingress)
            await workloads.ApplyAsync(ingress, cancellationToken);
        await workloads.ApplyAsync(OdooWorkloadBuilder.Web(environment, image), cancellationToken);
        await workloads.ApplyAsync(OdooWorkloadBuilder.Cron(environment, image, replicas: 1), cancellationToken);
    }

    private ReconcileResult WaitForEnvironment(Deployment deployment, DeploymentStatus status)
    {
        var step = PipelineSteps.Get(status, PipelineSteps.Prepare);
        var mapping = deployment.Metadata.Labels?.TryGetValue(Labels.BranchMapping, out var name) == true ? name : null;
        PipelineSteps.Start(step, Now(), mapping is null
            ? $"Environment {deployment.Spec.EnvironmentRef.Name} does not exist; create it or fix spec.environmentRef"
            : $"waiting for Environment {deployment.Spec.EnvironmentRef.Name} to be created by BranchMapping {mapping} (see its BranchEnvironmentCapReached condition if it is not)");
        status.Phase = DeploymentPhase.Pending;
        return ReconcileResult.After(Poll);
    }

    /// <summary>The newest other Deployment of the same environment created after this one and not given up.</summary>
    private Deployment? NewerDeployment(Deployment deployment) =>
        caches.Deployments.ByIndex(Indexes.Environment, Indexes.Key(deployment.Metadata.NamespaceProperty, deployment.Spec.EnvironmentRef.Name))
            .Where(other => other.Metadata.Name != deployment.Metadata.Name && IsNewer(other, deployment)
                            && other.Status?.Phase is not (DeploymentPhase.Failed or DeploymentPhase.Superseded))
            .OrderByDescending(other => other.Metadata.CreationTimestamp).ThenByDescending(other => other.Metadata.Name, StringComparer.Ordinal)
            .FirstOrDefault();

    /// <summary>
    /// Creation order. Creation times have one-second resolution, so within a second the time the operator first saw
    /// each Deployment (status.startedAt, microseconds, set in watch order) decides; the name only breaks a full tie.
    /// </summary>
    private static bool IsNewer(Deployment other, Deployment deployment)
    {
        if (other.Metadata.CreationTimestamp != deployment.Metadata.CreationTimestamp)
            return other.Metadata.CreationTimestamp > deployment.Metadata.CreationTimestamp;
        if (other.Status?.StartedAt is { } otherStart && deployment.Status?.StartedAt is { } start && otherStart != start)
            return otherStart > start;
        return other.Status?.StartedAt is null && deployment.Status?.StartedAt is not null
            || (other.Status?.StartedAt is null == deployment.Status?.StartedAt is null && string.CompareOrdinal(other.Metadata.Name, deployment.Metadata.Name) > 0);
    }

    private ReconcileResult Supersede(DeploymentStatus status, string? by, string message)
    {
        PipelineSteps.CancelRemaining(status, Now(), message);
        status.Phase = DeploymentPhase.Superseded;
        status.SupersededBy = by;
        return ReconcileResult.Done;
    }

    private ReconcileResult Fail(DeploymentStatus status, string stepName, string message)
    {
        PipelineSteps.Finish(PipelineSteps.Get(status, stepName), StepState.Failed, Now(), message);
        PipelineSteps.CancelRemaining(status, Now(), $"not run: {stepName} failed");
        status.Phase = DeploymentPhase.Failed;
        return ReconcileResult.Done;
    }

    /// <summary>Writes the status with its Ready condition, stops the Jobs of a superseded run, and reports transitions.</summary>
    private async Task FinishAsync(Deployment deployment, Environment? environment, DeploymentStatus status, CancellationToken cancellationToken)
    {
        var now = Now();
        if (PipelineSteps.IsTerminal(status.Phase))
            status.FinishedAt ??= now;
        var (ready, reason, message) = status.Phase switch
        {
            DeploymentPhase.Succeeded => (ConditionStatus.True, "Succeeded", $"{deployment.Spec.Commit[..12]} is live on {deployment.Spec.EnvironmentRef.Name}"),
            DeploymentPhase.Failed => (ConditionStatus.False, "Failed", status.Steps!.First(s => s.State == StepState.Failed).Message ?? "failed"),
            DeploymentPhase.Superseded => (ConditionStatus.False, "Superseded", status.Steps!.First(s => s.State == StepState.Cancelled).Message ?? "superseded"),
            _ => (ConditionStatus.False, "Progressing", PipelineSteps.Current(status) is { } step ? $"{step.Name}: {step.Message}" : "starting"),
        };
        Conditions.Set(status.Conditions, ConditionTypes.Ready, ready, reason, message, deployment.Metadata.Generation, now);
        status.ObservedGeneration = deployment.Metadata.Generation;

        var before = deployment.Status?.Phase;
        if (before != status.Phase && status.Phase != DeploymentPhase.Pending
            && caches.Projects.Get(deployment.Metadata.NamespaceProperty, deployment.Spec.ProjectRef.Name) is { } project)
            status.CheckRunId = await checkRuns.ReportAsync(project, deployment, environment, status, cancellationToken);
        await writer.UpdateStatusAsync(deployment, status, cancellationToken);
        if (status.Phase == DeploymentPhase.Superseded && before != DeploymentPhase.Superseded)
        {
            await workloads.DeleteJobAsync(deployment.Metadata.NamespaceProperty, WorkloadNames.BuildJob(deployment), cancellationToken);
            await workloads.DeleteJobAsync(deployment.Metadata.NamespaceProperty, WorkloadNames.UpdateJob(deployment), cancellationToken);
        }

        if (before != status.Phase)
            await events.TransitionAsync(deployment, environment, before, status, cancellationToken);
    }

    /// <summary>Keeps the newest finished Deployments of an environment; older ones go, and their Jobs with them.</summary>
    private async Task RetireOldDeploymentsAsync(Deployment deployment, CancellationToken cancellationToken)
    {
        var finished = caches.Deployments.ByIndex(Indexes.Environment, Indexes.Key(deployment.Metadata.NamespaceProperty, deployment.Spec.EnvironmentRef.Name))
            .Where(d => PipelineSteps.IsTerminal(d.Status?.Phase) && d.Metadata.DeletionTimestamp is null)
            .OrderByDescending(d => d.Metadata.CreationTimestamp).ThenByDescending(d => d.Metadata.Name, StringComparer.Ordinal)
            .Skip(options.Value.DeploymentHistoryLimit);
        foreach (var old in finished)
            await writer.DeleteAsync(old, cancellationToken);
    }

    private async Task<string> FailureMessageAsync(string what, Deployment deployment, string jobName, V1Job job, CancellationToken cancellationToken)
    {
        var tail = await logs.TailAsync(deployment.Metadata.NamespaceProperty, jobName, cancellationToken);
        var condition = job.Status?.Conditions?.FirstOrDefault(c => c.Type == "Failed")?.Message;
        return $"{what} Job {jobName} failed{(condition is null ? "" : $" ({condition})")}" + (tail.Length == 0 ? "" : $":\n{tail}");
    }

    /// <summary>True when the Job completed, false when it failed, null while it runs.</summary>
    private static bool? JobOutcome(V1Job job) =>
        job.Status?.Conditions?.Any(c => c.Type == "Complete" && c.Status == "True") == true ? true
        : job.Status?.Conditions?.Any(c => c.Type == "Failed" && c.Status == "True") == true ? false
        : null;

    private static string Describe(ModuleChanges modules) =>
        string.Join("; ", new[]
        {
            modules.Update.Count > 0 ? $"-u {string.Join(',', modules.Update)}" : null,
            modules.Install.Count > 0 ? $"-i {string.Join(',', modules.Install)}" : null,
        }.OfType<string>());

    private PipelineImages Images() => new(options.Value.Images.Git, options.Value.Images.Builder, options.Value.Images.DefaultOdooRepository);

    private DateTime Now() => time.GetUtcNow().UtcDateTime;

    private static DeploymentStatus? Copy(DeploymentStatus? status) =>
        status is null ? null : KubernetesJson.Deserialize<DeploymentStatus>(KubernetesJson.Serialize(status));
}
