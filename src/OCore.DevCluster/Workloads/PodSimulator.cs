using System.Globalization;
using System.Text.Json.Nodes;
using OCore.DevCluster.Controllers;
using OCore.DevCluster.Json;
using OCore.DevCluster.Operations;

namespace OCore.DevCluster.Workloads;

/// <summary>
/// A fake kubelet: pods start after <see cref="DevClusterWorkloads.PodStartDelay"/>; long-running pods become
/// Running and Ready, run-to-completion pods (restartPolicy Never/OnFailure) then succeed or fail as scripted,
/// and pods whose image cannot be pulled stay Pending in ErrImagePull/ImagePullBackOff.
/// </summary>
internal sealed class PodSimulator(ResourceOperations operations, DevClusterWorkloads settings, EventRecorder events) : IController
{
    private const string Manager = "kubelet";
    private readonly Dictionary<string, DateTimeOffset> _firstSeen = new(StringComparer.Ordinal);

    public DateTimeOffset? Reconcile(DateTimeOffset now)
    {
        var podType = operations.Registry.FindByGroupResource("pods")!;
        DateTimeOffset? next = null;
        var live = new HashSet<string>(StringComparer.Ordinal);
        foreach (var pod in operations.Store.List("pods", null))
        {
            live.Add(pod.Uid());
            var phase = pod.ObjectAt("status").GetString("phase") ?? "Pending";
            if (pod.IsDeleting() || phase is "Succeeded" or "Failed")
            {
                continue;
            }
            if (!_firstSeen.TryGetValue(pod.Uid(), out var seen))
            {
                seen = now;
                _firstSeen[pod.Uid()] = now;
            }
            var (desired, wake) = Desired(pod, seen, now);
            if (wake is { } w && (next is null || w < next))
            {
                next = w;
            }
            if (desired is not null)
            {
                var updated = operations.Mutate(podType, pod.Namespace(), pod.Name(), copy =>
                {
                    copy["status"] = desired;
                    return true;
                }, Manager, "status");
                if (updated is not null)
                {
                    RecordTransition(pod, updated);
                }
            }
        }
        foreach (var gone in _firstSeen.Keys.Where(k => !live.Contains(k)).ToList())
        {
            _firstSeen.Remove(gone);
        }
        return next;
    }

    /// <summary>Events a kubelet would report when a pod's containers change state.</summary>
    private void RecordTransition(JsonObject before, JsonObject after)
    {
        var containers = (after.ObjectAt("spec")?["containers"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        string? Waiting(JsonObject pod) => (pod.ObjectAt("status")?["containerStatuses"] as JsonArray)?.OfType<JsonObject>().FirstOrDefault()?.ObjectAt("state", "waiting").GetString("reason");
        var phaseBefore = before.ObjectAt("status").GetString("phase");
        var phaseAfter = after.ObjectAt("status").GetString("phase");
        var waiting = Waiting(after);
        if (waiting is not null && waiting != Waiting(before))
        {
            foreach (var c in containers)
            {
                if (waiting == "ErrImagePull")
                {
                    events.Warning(after, "Failed", $"Failed to pull image \"{c.GetString("image")}\": not found", Manager);
                }
                else
                {
                    events.Normal(after, "BackOff", $"Back-off pulling image \"{c.GetString("image")}\"", Manager);
                }
            }
        }
        else if (phaseBefore == "Pending" && phaseAfter == "Running")
        {
            foreach (var c in containers)
            {
                events.Normal(after, "Pulled", $"Container image \"{c.GetString("image")}\" already present on machine", Manager);
                events.Normal(after, "Created", $"Created container: {c.GetString("name")}", Manager);
                events.Normal(after, "Started", $"Started container {c.GetString("name")}", Manager);
            }
        }
    }

    /// <summary>The status the pod should have now (null if unchanged) and when it next changes.</summary>
    private (JsonObject? Status, DateTimeOffset? Wake) Desired(JsonObject pod, DateTimeOffset seen, DateTimeOffset now)
    {
        var current = pod.ObjectAt("status") ?? new JsonObject();
        var started = seen + settings.PodStartDelay;
        if (now < started)
        {
            return (null, started);
        }
        var annotations = JsonExtensions.StringMap(pod.ObjectAt("metadata", "annotations"));
        var containers = (pod.ObjectAt("spec")?["containers"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        var stamp = JsonExtensions.FormatTimestamp(now);
        var startTime = current.GetString("startTime") ?? JsonExtensions.FormatTimestamp(started);
        if (annotations.GetValueOrDefault(WorkloadAnnotations.ImagePullError) == "true" || containers.Any(c => settings.ImageFails(c.GetString("image") ?? "")))
        {
            var backOff = now - started > TimeSpan.FromSeconds(1);
            return (Same(current, PullFailure(containers, startTime, backOff ? "ImagePullBackOff" : "ErrImagePull", stamp)), backOff ? null : started + TimeSpan.FromSeconds(1.01));
        }
        var runsToCompletion = (pod.ObjectAt("spec").GetString("restartPolicy") ?? "Always") != "Always";
        if (!runsToCompletion)
        {
            return (Same(current, Running(pod, containers, startTime, ready: true, stamp)), null);
        }
        var script = ScriptOf(pod, annotations);
        var finish = started + script.RunTime!.Value;
        if (now < finish)
        {
            return (Same(current, Running(pod, containers, startTime, ready: true, stamp)), finish);
        }
        return (Same(current, Finished(pod, containers, startTime, script, stamp)), null);
    }

    private JobScript ScriptOf(JsonObject pod, Dictionary<string, string> annotations)
    {
        var jobName = pod.ObjectAt("metadata", "labels").GetString("batch.kubernetes.io/job-name") ?? "";
        var script = (jobName.Length > 0 ? settings.ScriptFor(jobName) : null) ?? new JobScript(true);
        if (annotations.TryGetValue(WorkloadAnnotations.Outcome, out var outcome))
        {
            script = script with { Succeed = outcome != "Failed" };
        }
        if (annotations.TryGetValue(WorkloadAnnotations.RunSeconds, out var seconds) && double.TryParse(seconds, NumberStyles.Float, CultureInfo.InvariantCulture, out var s))
        {
            script = script with { RunTime = TimeSpan.FromSeconds(s) };
        }
        if (annotations.TryGetValue(WorkloadAnnotations.ExitCode, out var code) && int.TryParse(code, NumberStyles.Integer, CultureInfo.InvariantCulture, out var c))
        {
            script = script with { ExitCode = c };
        }
        return script with { RunTime = script.RunTime ?? settings.JobPodRunTime };
    }

    private static JsonObject? Same(JsonObject current, JsonObject desired)
    {
        // Keep transition timestamps stable so the same state never rewrites the object.
        foreach (var condition in (desired["conditions"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var old = Conditions.Find(current, condition.GetString("type") ?? "");
            if (old is not null && old.GetString("status") == condition.GetString("status"))
            {
                condition["lastTransitionTime"] = old["lastTransitionTime"]?.DeepClone();
            }
        }
        var currentStatuses = current["containerStatuses"] as JsonArray;
        var desiredStatuses = desired["containerStatuses"] as JsonArray;
        for (var i = 0; i < (desiredStatuses?.Count ?? 0); i++)
        {
            if (currentStatuses?.ElementAtOrDefault(i) is JsonObject old && desiredStatuses![i] is JsonObject now)
            {
                foreach (var state in new[] { "running", "terminated" })
                {
                    if (old.ObjectAt("state", state) is { } oldState && now.ObjectAt("state", state) is { } newState)
                    {
                        foreach (var field in new[] { "startedAt", "finishedAt" })
                        {
                            if (oldState[field] is { } value && newState.ContainsKey(field))
                            {
                                newState[field] = value.DeepClone();
                            }
                        }
                    }
                }
            }
        }
        return JsonNode.DeepEquals(current, desired) ? null : desired;
    }

    private static JsonObject Running(JsonObject pod, List<JsonObject> containers, string startTime, bool ready, string now)
    {
        var status = Base(pod, "Running", startTime, ready, now);
        status["containerStatuses"] = new JsonArray([.. containers.Select(c => (JsonNode)ContainerStatus(c, ready, new JsonObject { ["running"] = new JsonObject { ["startedAt"] = startTime } }))]);
        return status;
    }

    private static JsonObject Finished(JsonObject pod, List<JsonObject> containers, string startTime, JobScript script, string now)
    {
        var status = Base(pod, script.Succeed ? "Succeeded" : "Failed", startTime, ready: false, now);
        var exitCode = script.Succeed ? 0 : script.ExitCode;
        var terminated = new JsonObject
        {
            ["exitCode"] = exitCode,
            ["reason"] = script.Succeed ? "Completed" : "Error",
            ["startedAt"] = startTime,
            ["finishedAt"] = now,
        };
        status["containerStatuses"] = new JsonArray([.. containers.Select(c => (JsonNode)ContainerStatus(c, false, new JsonObject { ["terminated"] = terminated.DeepClone() }))]);
        Conditions.Set(status, "Ready", "False", "PodCompleted", "", now);
        Conditions.Set(status, "ContainersReady", "False", "PodCompleted", "", now);
        return status;
    }

    private static JsonObject PullFailure(List<JsonObject> containers, string startTime, string reason, string now)
    {
        var status = new JsonObject { ["phase"] = "Pending", ["hostIP"] = "10.0.0.1", ["startTime"] = startTime, ["qosClass"] = "BestEffort" };
        Conditions.Set(status, "PodScheduled", "True", "", "", now);
        Conditions.Set(status, "Initialized", "True", "", "", now);
        Conditions.Set(status, "Ready", "False", "ContainersNotReady", "containers with unready status: [" + string.Join(" ", containers.Select(c => c.GetString("name"))) + "]", now);
        Conditions.Set(status, "ContainersReady", "False", "ContainersNotReady", "containers with unready status: [" + string.Join(" ", containers.Select(c => c.GetString("name"))) + "]", now);
        status["containerStatuses"] = new JsonArray([.. containers.Select(c => (JsonNode)ContainerStatus(c, false, new JsonObject
        {
            ["waiting"] = new JsonObject
            {
                ["reason"] = reason,
                ["message"] = reason == "ErrImagePull"
                    ? $"failed to pull and unpack image \"{c.GetString("image")}\": not found"
                    : $"Back-off pulling image \"{c.GetString("image")}\"",
            },
        }))]);
        return status;
    }

    private static JsonObject Base(JsonObject pod, string phase, string startTime, bool ready, string now)
    {
        var status = new JsonObject
        {
            ["phase"] = phase,
            ["hostIP"] = "10.0.0.1",
            ["podIP"] = PodIp(pod.Uid()),
            ["podIPs"] = new JsonArray(new JsonObject { ["ip"] = PodIp(pod.Uid()) }),
            ["startTime"] = startTime,
            ["qosClass"] = "BestEffort",
        };
        Conditions.Set(status, "PodScheduled", "True", "", "", now);
        Conditions.Set(status, "Initialized", "True", "", "", now);
        Conditions.Set(status, "ContainersReady", ready ? "True" : "False", "", "", now);
        Conditions.Set(status, "Ready", ready ? "True" : "False", "", "", now);
        return status;
    }

    private static JsonObject ContainerStatus(JsonObject container, bool ready, JsonObject state) => new()
    {
        ["name"] = container.GetString("name"),
        ["image"] = container.GetString("image"),
        ["imageID"] = "",
        ["ready"] = ready,
        ["started"] = state.ContainsKey("running"),
        ["restartCount"] = 0,
        ["state"] = state,
    };

    private static string PodIp(string uid)
    {
        var hash = 2166136261u;
        foreach (var c in uid)
        {
            hash = (hash ^ c) * 16777619u;
        }
        return $"10.244.{(hash >> 8) % 250}.{(hash % 250) + 2}";
    }
}
