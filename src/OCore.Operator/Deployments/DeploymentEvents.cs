using OCore.Api.V1Alpha1;
using OCore.GitProviders.Statuses;
using OCore.Operator.Notifications;
using OCore.Operator.Reporting;
using OCore.Runtime.Informers;
using OCore.Runtime.Writing;
using Deployment = OCore.Api.V1Alpha1.Deployment;
using Environment = OCore.Api.V1Alpha1.Environment;

namespace OCore.Operator.Deployments;

/// <summary>Reports a Deployment's phase changes: Kubernetes Events on it and its Environment, and the Project's notification sinks.</summary>
public sealed class DeploymentEvents(EventRecorder events, NotificationDispatcher notifications, CommitStatusPublisher statuses, ResourceCache<Project> projects)
{
    public async Task TransitionAsync(Deployment deployment, Environment? environment, DeploymentPhase? before, DeploymentStatus status, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        ArgumentNullException.ThrowIfNull(status);
        var message = Conditions.Find(status.Conditions, ConditionTypes.Ready)?.Message ?? status.Phase.ToString()!;
        var phase = status.Phase ?? DeploymentPhase.Pending;
        var warning = phase is DeploymentPhase.Failed;
        await events.RecordAsync(deployment, warning ? "Warning" : "Normal", phase.ToString(), message, cancellationToken);
        if (environment is not null && PipelineSteps.IsTerminal(phase))
            await events.RecordAsync(environment, warning ? "Warning" : "Normal", $"Deployment{phase}", $"{deployment.Metadata.Name}: {message}", cancellationToken);

        var eventType = phase switch
        {
            DeploymentPhase.Succeeded => DeploymentEventType.Succeeded,
            DeploymentPhase.Failed => DeploymentEventType.Failed,
            _ when before is null or DeploymentPhase.Pending && phase is not (DeploymentPhase.Pending or DeploymentPhase.Superseded) => DeploymentEventType.Started,
            _ => (DeploymentEventType?)null,
        };
        var project = projects.Get(deployment.Metadata.NamespaceProperty, deployment.Spec.ProjectRef.Name);
        if (project is not null && CommitState(phase) is { } state)
        {
            var url = phase == DeploymentPhase.Succeeded && environment?.Status?.Url is { } serving ? new Uri(serving) : null;
            statuses.Enqueue(new CommitStatusReport(project, deployment.Spec.Commit, deployment.Spec.EnvironmentRef.Name, state, message, url));
        }

        if (eventType is { } type && project is not null)
        {
            notifications.Enqueue(project, type, new DeploymentNotification(
                type.ToString().ToLowerInvariant(), deployment.Metadata.NamespaceProperty, project.Metadata.Name, deployment.Spec.EnvironmentRef.Name,
                deployment.Metadata.Name, deployment.Spec.Branch, deployment.Spec.Commit, phase.ToString(), message, environment?.Status?.Url, DateTime.UtcNow));
        }
    }

    /// <summary>The commit status of a phase: running while in flight, then the outcome; Pending reports nothing yet.</summary>
    private static CommitStatusState? CommitState(DeploymentPhase phase) => phase switch
    {
        DeploymentPhase.Building or DeploymentPhase.UpdatingModules or DeploymentPhase.RollingOut => CommitStatusState.Running,
        DeploymentPhase.Succeeded => CommitStatusState.Success,
        DeploymentPhase.Failed => CommitStatusState.Failure,
        DeploymentPhase.Superseded => CommitStatusState.Canceled,
        _ => null,
    };
}
