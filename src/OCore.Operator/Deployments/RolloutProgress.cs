using k8s.Models;

namespace OCore.Operator.Deployments;

/// <summary>Reads an apps/v1 Deployment's status the way <c>kubectl rollout status</c> does. Pure.</summary>
public static class RolloutProgress
{
    /// <summary>Every replica runs <paramref name="image"/> and is available, for the current generation.</summary>
    public static bool IsComplete(V1Deployment workload, string image)
    {
        ArgumentNullException.ThrowIfNull(workload);
        var wanted = workload.Spec.Replicas ?? 1;
        var status = workload.Status;
        return workload.Spec.Template.Spec.Containers[0].Image == image
            && status is not null
            && status.ObservedGeneration >= workload.Metadata.Generation
            && (status.UpdatedReplicas ?? 0) == wanted
            && (status.Replicas ?? 0) == wanted
            && (status.AvailableReplicas ?? 0) == wanted;
    }

    /// <summary>The controller gave up on the rollout (Progressing=False, ProgressDeadlineExceeded).</summary>
    public static bool HasFailed(V1Deployment workload)
    {
        ArgumentNullException.ThrowIfNull(workload);
        return workload.Status?.Conditions?.Any(c => c.Type == "Progressing" && c.Status == "False") == true;
    }

    public static string FailureMessage(V1Deployment workload)
    {
        ArgumentNullException.ThrowIfNull(workload);
        var condition = workload.Status?.Conditions?.FirstOrDefault(c => c.Type == "Progressing" && c.Status == "False");
        return condition is null ? "not progressing" : $"{condition.Reason}: {condition.Message}";
    }
}
