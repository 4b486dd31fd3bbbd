using k8s;
using OCore.Runtime.Writing;

namespace OCore.Operator.Writers;

/// <summary>Reads the end of a Job's pod log: a failed step's own error, or the image digest a build printed.</summary>
public sealed class PodLogReader(IKubernetes kubernetes)
{
    private const int TailLines = 40;

    private static readonly HashSet<string> StuckReasons = ["ErrImagePull", "ImagePullBackOff", "InvalidImageName", "CreateContainerConfigError"];

    /// <summary>
    /// Why the Job's pod cannot start (an image that cannot be pulled, a missing Secret), or null. Such a pod would
    /// otherwise wait until the Job's deadline; the step fails now with the kubelet's reason.
    /// </summary>
    public async Task<string?> StuckReasonAsync(string @namespace, string jobName, CancellationToken cancellationToken)
    {
        var pods = await kubernetes.CoreV1.ListNamespacedPodAsync(@namespace, labelSelector: $"job-name={jobName}", cancellationToken: cancellationToken);
        var waiting = pods.Items
            .SelectMany(p => (p.Status?.InitContainerStatuses ?? []).Concat(p.Status?.ContainerStatuses ?? []))
            .FirstOrDefault(c => c.State?.Waiting?.Reason is { } reason && StuckReasons.Contains(reason));
        return waiting is null ? null
            : SecretRedactor.Redact($"container {waiting.Name} cannot start ({waiting.State.Waiting.Reason}): {waiting.State.Waiting.Message ?? waiting.Image}");
    }

    /// <summary>The last lines of the newest pod of the Job, redacted; empty when there is no pod or log.</summary>
    public async Task<string> TailAsync(string @namespace, string jobName, CancellationToken cancellationToken)
    {
        var pods = await kubernetes.CoreV1.ListNamespacedPodAsync(@namespace, labelSelector: $"job-name={jobName}", cancellationToken: cancellationToken);
        var pod = pods.Items.OrderByDescending(p => p.Metadata.CreationTimestamp).FirstOrDefault();
        if (pod is null)
            return "";
        try
        {
            using var stream = await kubernetes.CoreV1.ReadNamespacedPodLogAsync(pod.Metadata.Name, @namespace, tailLines: TailLines, cancellationToken: cancellationToken);
            using var reader = new StreamReader(stream);
            return SecretRedactor.Redact((await reader.ReadToEndAsync(cancellationToken)).Trim());
        }
        catch (k8s.Autorest.HttpOperationException)
        {
            return ""; // The pod's log is not available (not started, or already removed).
        }
    }
}
