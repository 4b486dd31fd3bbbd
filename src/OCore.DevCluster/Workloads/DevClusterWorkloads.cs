using System.Collections.Concurrent;

namespace OCore.DevCluster.Workloads;

/// <summary>
/// Knobs of the simulated kubelet and controllers (in the spirit of KWOK). Pods may also be scripted per
/// object with annotations on the pod template (or the Job):
/// <list type="bullet">
/// <item><c>devcluster.ocore.io/outcome</c>: <c>Succeeded</c> (default) or <c>Failed</c>, for pods that run to completion (Jobs).</item>
/// <item><c>devcluster.ocore.io/run-seconds</c>: how long such a pod runs before it finishes.</item>
/// <item><c>devcluster.ocore.io/exit-code</c>: exit code of a failed pod (default 1).</item>
/// <item><c>devcluster.ocore.io/log</c>: the text the log subresource returns.</item>
/// <item><c>devcluster.ocore.io/image-pull-error</c>: <c>"true"</c> makes the pod stay in ErrImagePull/ImagePullBackOff.</item>
/// </list>
/// </summary>
public sealed class DevClusterWorkloads
{
    private readonly ConcurrentDictionary<string, bool> _failingImages = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, JobScript> _jobScripts = new(StringComparer.Ordinal);

    /// <summary>Time from pod creation until its containers run (and, for long-running pods, are Ready).</summary>
    public TimeSpan PodStartDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Default time a run-to-completion pod (Job pod) runs before it succeeds or fails.</summary>
    public TimeSpan JobPodRunTime { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Pods using exactly this image fail to pull it (ErrImagePull, then ImagePullBackOff).</summary>
    public void FailImagePull(string image) => _failingImages[image] = true;

    /// <summary>Undoes <see cref="FailImagePull"/>.</summary>
    public void AllowImagePull(string image) => _failingImages.TryRemove(image, out _);

    /// <summary>Scripts the pods of Jobs whose name starts with <paramref name="jobNamePrefix"/> (annotations still win).</summary>
    public void ScriptJobs(string jobNamePrefix, JobScript script) => _jobScripts[jobNamePrefix] = script;

    internal bool ImageFails(string image) => _failingImages.ContainsKey(image);

    internal JobScript? ScriptFor(string jobName) =>
        _jobScripts.Where(s => jobName.StartsWith(s.Key, StringComparison.Ordinal)).OrderByDescending(s => s.Key.Length).Select(s => s.Value).FirstOrDefault();
}
