using System.Text.Json.Nodes;
using OCore.DevCluster.Controllers;
using OCore.DevCluster.Http;
using OCore.DevCluster.Json;
using OCore.DevCluster.Operations;

namespace OCore.DevCluster.Workloads;

/// <summary>
/// A simplified Job controller: runs up to parallelism pods until completions succeed (Complete) or more
/// than backoffLimit fail (Failed, BackoffLimitExceeded), with the status counters kubectl and clients read.
/// </summary>
internal sealed class JobController(ResourceOperations operations, EventRecorder events) : IController
{
    private const string Manager = "kube-controller-manager";

    public DateTimeOffset? Reconcile(DateTimeOffset now)
    {
        var jobType = operations.Registry.FindByGroupResource("jobs.batch")!;
        var podType = operations.Registry.FindByGroupResource("pods")!;
        foreach (var job in operations.Store.List("jobs.batch", null))
        {
            var status = job.ObjectAt("status");
            if (job.IsDeleting() || Conditions.IsTrue(status, "Complete") || Conditions.IsTrue(status, "Failed"))
            {
                continue;
            }
            var spec = job.ObjectAt("spec") ?? new JsonObject();
            var pods = operations.Store.List("pods", job.Namespace()).Where(p => Ownership.IsControlledBy(p, job)).ToList();
            var succeeded = pods.Count(p => Phase(p) == "Succeeded");
            var failed = pods.Count(p => Phase(p) == "Failed");
            var active = pods.Where(p => Phase(p) is not ("Succeeded" or "Failed") && !p.IsDeleting()).ToList();
            var completions = (int)(spec.GetLong("completions") ?? 1);
            var parallelism = (int)(spec.GetLong("parallelism") ?? 1);
            var backoffLimit = (int)(spec.GetLong("backoffLimit") ?? 6);
            var stamp = JsonExtensions.FormatTimestamp(now);
            var complete = succeeded >= completions;
            var failedJob = failed > backoffLimit;
            if (!complete && !failedJob && spec.GetBool("suspend") != true)
            {
                var wanted = Math.Min(parallelism, completions - succeeded) - active.Count;
                var annotations = JsonExtensions.StringMap(job.ObjectAt("metadata", "annotations")).Where(a => a.Key.StartsWith(WorkloadAnnotations.Prefix, StringComparison.Ordinal));
                for (var i = 0; i < wanted; i++)
                {
                    var pod = Ownership.PodFromTemplate(job, spec.ObjectAt("template") ?? new JsonObject(), annotations);
                    var created = operations.Create(podType, job.Namespace(), pod, WriteOptions.System(Manager));
                    active.Add(created);
                    events.Normal(job, "SuccessfulCreate", $"Created pod: {created.Name()}", "job-controller");
                }
            }
            if (failedJob)
            {
                foreach (var pod in active)
                {
                    try
                    {
                        operations.Delete(podType, pod.Namespace(), pod.Name(), new DeleteOptions());
                    }
                    catch (ApiException e) when (e.Code == 404)
                    {
                        // Already gone.
                    }
                }
                active.Clear();
            }
            var before = job.ObjectAt("metadata").GetString("resourceVersion");
            var after = operations.Mutate(jobType, job.Namespace(), job.Name(), copy =>
            {
                var old = copy.ObjectAt("status") ?? new JsonObject();
                var next = new JsonObject
                {
                    ["startTime"] = old.GetString("startTime") ?? stamp,
                    ["active"] = active.Count,
                    ["ready"] = active.Count(ReplicaSetController.IsReady),
                    ["succeeded"] = succeeded,
                    ["failed"] = failed,
                    ["terminating"] = 0,
                    ["uncountedTerminatedPods"] = new JsonObject(),
                    ["conditions"] = old["conditions"]?.DeepClone() ?? new JsonArray(),
                };
                if (complete)
                {
                    next["completionTime"] = stamp;
                    Conditions.Set(next, "SuccessCriteriaMet", "True", "CompletionsReached", "Reached expected number of succeeded pods", stamp, withUpdateTime: true);
                    Conditions.Set(next, "Complete", "True", "CompletionsReached", "Reached expected number of succeeded pods", stamp, withUpdateTime: true);
                }
                else if (failedJob)
                {
                    Conditions.Set(next, "FailureTarget", "True", "BackoffLimitExceeded", "Job has reached the specified backoff limit", stamp, withUpdateTime: true);
                    Conditions.Set(next, "Failed", "True", "BackoffLimitExceeded", "Job has reached the specified backoff limit", stamp, withUpdateTime: true);
                }
                if (next["conditions"] is JsonArray { Count: 0 })
                {
                    next.Remove("conditions");
                }
                if (JsonNode.DeepEquals(old, next))
                {
                    return false;
                }
                copy["status"] = next;
                return true;
            }, Manager, "status");
            if (after is not null && after.ObjectAt("metadata").GetString("resourceVersion") != before)
            {
                if (Conditions.IsTrue(after.ObjectAt("status"), "Complete"))
                {
                    events.Normal(after, "Completed", "Job completed", "job-controller");
                }
                else if (Conditions.IsTrue(after.ObjectAt("status"), "Failed"))
                {
                    events.Warning(after, "BackoffLimitExceeded", "Job has reached the specified backoff limit", "job-controller");
                }
            }
        }
        return null;
    }

    private static string Phase(JsonObject pod) => pod.ObjectAt("status").GetString("phase") ?? "Pending";
}
