using OCore.Api.V1Alpha1;

namespace OCore.Operator.Deployments;

/// <summary>The pipeline's ordered steps and the small state changes the controller makes on them. Pure.</summary>
public static class PipelineSteps
{
    public const string Prepare = "Prepare";
    public const string Build = "Build";
    public const string UpdateModules = "UpdateModules";
    public const string Rollout = "Rollout";

    public static IReadOnlyList<string> All { get; } = [Prepare, Build, UpdateModules, Rollout];

    public static List<DeploymentStep> Initial() => All.Select(name => new DeploymentStep { Name = name, State = StepState.Pending }).ToList();

    public static DeploymentStep Get(DeploymentStatus status, string name)
    {
        ArgumentNullException.ThrowIfNull(status);
        return status.Steps?.FirstOrDefault(s => s.Name == name) ?? throw new InvalidOperationException($"step {name} is missing from the status");
    }

    /// <summary>The first step not yet finished, or null when all are.</summary>
    public static DeploymentStep? Current(DeploymentStatus status) =>
        status.Steps?.FirstOrDefault(s => s.State is StepState.Pending or StepState.Running);

    public static DeploymentPhase PhaseOf(string step) => step switch
    {
        Prepare or Build => DeploymentPhase.Building,
        UpdateModules => DeploymentPhase.UpdatingModules,
        _ => DeploymentPhase.RollingOut,
    };

    public static void Start(DeploymentStep step, DateTime now, string message, string? jobRef = null)
    {
        ArgumentNullException.ThrowIfNull(step);
        if (step.State == StepState.Pending)
        {
            step.State = StepState.Running;
            step.StartedAt = now;
        }

        step.Message = message;
        step.JobRef = jobRef ?? step.JobRef;
    }

    public static void Finish(DeploymentStep step, StepState state, DateTime now, string message)
    {
        ArgumentNullException.ThrowIfNull(step);
        step.StartedAt ??= now;
        step.State = state;
        step.FinishedAt = now;
        step.Message = message;
    }

    /// <summary>Marks every unfinished step Cancelled (after a failure or when superseded).</summary>
    public static void CancelRemaining(DeploymentStatus status, DateTime now, string message)
    {
        ArgumentNullException.ThrowIfNull(status);
        foreach (var step in status.Steps ?? [])
        {
            if (step.State is StepState.Pending or StepState.Running)
                Finish(step, StepState.Cancelled, now, message);
        }
    }

    public static bool IsTerminal(DeploymentPhase? phase) =>
        phase is DeploymentPhase.Succeeded or DeploymentPhase.Failed or DeploymentPhase.Superseded;
}
