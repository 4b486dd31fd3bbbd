using OCore.Api.V1Alpha1;

namespace OCore.Cli.Commands;

/// <summary>Prints a deployment's steps as they change, one line per new state or message.</summary>
public sealed class DeploymentProgress(TextWriter output)
{
    private readonly Dictionary<string, (StepState State, string? Message)> _shown = new(StringComparer.Ordinal);
    private DeploymentPhase? _phase;

    public void Show(Deployment deployment)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        if (_shown.Count == 0 && _phase is null)
            output.WriteLine($"Deployment {deployment.Metadata.Name}: {deployment.Spec.Branch} at {Short(deployment.Spec.Commit)} to environment {deployment.Spec.EnvironmentRef.Name}");
        foreach (var step in deployment.Status?.Steps ?? [])
        {
            if (step.State == StepState.Pending || _shown.TryGetValue(step.Name, out var shown) && shown == (step.State, step.Message))
                continue;
            _shown[step.Name] = (step.State, step.Message);
            output.WriteLine($"  {step.Name,-14} {step.State,-10} {step.Message}".TrimEnd());
        }

        _phase = deployment.Status?.Phase ?? DeploymentPhase.Pending;
    }

    /// <summary>The exit code once the deployment has finished, else null.</summary>
    public static int? Outcome(Deployment deployment)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        return deployment.Status?.Phase switch
        {
            DeploymentPhase.Succeeded => ExitCodes.Ok,
            DeploymentPhase.Failed or DeploymentPhase.Superseded => ExitCodes.Failed,
            _ => null,
        };
    }

    /// <summary>One line saying how it ended: the image, the failed step's message, or what superseded it.</summary>
    public static string Summary(Deployment deployment)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        var name = deployment.Metadata.Name;
        var status = deployment.Status;
        if (status?.Phase == DeploymentPhase.Succeeded)
            return $"Deployment {name} succeeded{(status.Image is null ? "" : ": " + status.Image)}.";
        if (status?.Phase == DeploymentPhase.Superseded)
        {
            var reason = Conditions.Find(status.Conditions, ConditionTypes.Ready)?.Message;
            return $"Deployment {name} was superseded{(status.SupersededBy is null ? "" : " by " + status.SupersededBy)}{(string.IsNullOrEmpty(reason) ? "" : ": " + reason)}.";
        }

        var failed = status?.Steps?.FirstOrDefault(s => s.State == StepState.Failed);
        var message = failed?.Message ?? Conditions.Find(status?.Conditions, ConditionTypes.Ready)?.Message;
        return $"Deployment {name} failed{(failed is null ? "" : " at step " + failed.Name)}: {message}";
    }

    private static string Short(string commit) => commit[..Math.Min(12, commit.Length)];
}
