using OCore.Api.V1Alpha1;

namespace OCore.WebhookReceiver.Dashboard.Views;

/// <summary>The part of the Deployment page that updates live: phase, steps and, once failed, the fixes.</summary>
public sealed record DeploymentProgressModel(string Phase, string? Message, IReadOnlyList<StepRow> Steps, IReadOnlyList<Hint> Hints, bool Finished)
{
    public static DeploymentProgressModel From(Deployment deployment)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        var phase = deployment.Status?.Phase ?? DeploymentPhase.Pending;
        var ready = Conditions.Find(deployment.Status?.Conditions, ConditionTypes.Ready);
        return new(phase.ToString(), ready?.Message is { Length: > 0 } message ? message : null,
            deployment.Status?.Steps?.Select(StepRow.From).ToList() ?? [], Troubleshooting.ForDeployment(deployment), IsFinished(phase));
    }

    public static bool IsFinished(DeploymentPhase phase) => phase is DeploymentPhase.Succeeded or DeploymentPhase.Failed or DeploymentPhase.Superseded;
}
