using System.Text.Json.Nodes;
using OCore.DevCluster.Controllers;
using OCore.DevCluster.Http;
using OCore.DevCluster.Json;
using OCore.DevCluster.Operations;

namespace OCore.DevCluster.Workloads;

/// <summary>Keeps spec.replicas pods per ReplicaSet and reports replicas, ready and available counts.</summary>
internal sealed class ReplicaSetController(ResourceOperations operations, EventRecorder events) : IController
{
    private const string Manager = "kube-controller-manager";

    public DateTimeOffset? Reconcile(DateTimeOffset now)
    {
        var rsType = operations.Registry.FindByGroupResource("replicasets.apps")!;
        var podType = operations.Registry.FindByGroupResource("pods")!;
        foreach (var rs in operations.Store.List("replicasets.apps", null))
        {
            if (rs.IsDeleting())
            {
                continue;
            }
            var pods = operations.Store.List("pods", rs.Namespace()).Where(p => Ownership.IsControlledBy(p, rs) && !p.IsDeleting()).ToList();
            var desired = (int)(rs.ObjectAt("spec").GetLong("replicas") ?? 1);
            for (var i = pods.Count; i < desired; i++)
            {
                var template = rs.ObjectAt("spec", "template") ?? new JsonObject();
                var pod = operations.Create(podType, rs.Namespace(), Ownership.PodFromTemplate(rs, template, []), WriteOptions.System(Manager));
                pods.Add(pod);
                events.Normal(rs, "SuccessfulCreate", $"Created pod: {pod.Name()}", "replicaset-controller");
            }
            // Scale down newest and least ready first, as the ReplicaSet controller prefers.
            foreach (var extra in pods.OrderBy(IsReady).ThenByDescending(p => p.ObjectAt("metadata").GetString("creationTimestamp"), StringComparer.Ordinal).Take(Math.Max(0, pods.Count - desired)).ToList())
            {
                try
                {
                    operations.Delete(podType, extra.Namespace(), extra.Name(), new DeleteOptions());
                    events.Normal(rs, "SuccessfulDelete", $"Deleted pod: {extra.Name()}", "replicaset-controller");
                }
                catch (ApiException e) when (e.Code == 404)
                {
                    // Already gone.
                }
                pods.Remove(extra);
            }
            var ready = pods.Count(IsReady);
            operations.Mutate(rsType, rs.Namespace(), rs.Name(), copy =>
            {
                var status = new JsonObject
                {
                    ["replicas"] = pods.Count,
                    ["fullyLabeledReplicas"] = pods.Count,
                    ["readyReplicas"] = ready,
                    ["availableReplicas"] = ready,
                    ["observedGeneration"] = copy.ObjectAt("metadata").GetLong("generation") ?? 1,
                };
                if (JsonNode.DeepEquals(copy["status"], status))
                {
                    return false;
                }
                copy["status"] = status;
                return true;
            }, Manager, "status");
        }
        return null;
    }

    public static bool IsReady(JsonObject pod) => Conditions.IsTrue(pod.ObjectAt("status"), "Ready") && !pod.IsDeleting();
}
