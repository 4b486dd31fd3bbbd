using System.Text.Json.Nodes;
using OCore.DevCluster.Http;
using OCore.DevCluster.Json;

namespace OCore.DevCluster.Workloads;

/// <summary>The pods/log subresource: the scripted log text once the container has started.</summary>
internal static class PodLogs
{
    public static string For(JsonObject pod, string? container, DevClusterWorkloads workloads)
    {
        var containers = (pod.ObjectAt("spec")?["containers"] as JsonArray ?? []).OfType<JsonObject>().Select(c => c.GetString("name") ?? "").ToList();
        var name = string.IsNullOrEmpty(container) ? containers.FirstOrDefault() ?? "" : container;
        if (!containers.Contains(name))
        {
            throw ApiErrors.BadRequest($"container {name} is not valid for pod {pod.Name()}");
        }
        if ((pod.ObjectAt("status").GetString("phase") ?? "Pending") == "Pending")
        {
            throw ApiErrors.BadRequest($"container \"{name}\" in pod \"{pod.Name()}\" is waiting to start: ContainerCreating");
        }
        // The pod's own annotation wins; else the script of its Job (DevClusterWorkloads.ScriptJobs).
        var jobName = pod.ObjectAt("metadata", "labels").GetString("batch.kubernetes.io/job-name");
        return pod.ObjectAt("metadata", "annotations").GetString(WorkloadAnnotations.Log)
            ?? (jobName is null ? null : workloads.ScriptFor(jobName)?.Log)
            ?? "";
    }
}
