using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using OCore.DevCluster.Controllers;
using OCore.DevCluster.Http;
using OCore.DevCluster.Json;
using OCore.DevCluster.Operations;
using OCore.DevCluster.Resources;

namespace OCore.DevCluster.Workloads;

/// <summary>
/// A simplified Deployment controller: one ReplicaSet per pod template (named by pod-template-hash, with the
/// revision annotation), the new one scaled up at once and the old ones scaled to zero when it is available;
/// status carries observedGeneration, replica counts and the Available/Progressing conditions that
/// kubectl rollout status and helm --wait evaluate, including ProgressDeadlineExceeded.
/// </summary>
internal sealed class DeploymentController(ResourceOperations operations, EventRecorder events) : IController
{
    private const string Manager = "kube-controller-manager";
    private const string RevisionAnnotation = "deployment.kubernetes.io/revision";
    private const string HashLabel = "pod-template-hash";

    public DateTimeOffset? Reconcile(DateTimeOffset now)
    {
        var deployType = operations.Registry.FindByGroupResource("deployments.apps")!;
        var rsType = operations.Registry.FindByGroupResource("replicasets.apps")!;
        DateTimeOffset? next = null;
        foreach (var deployment in operations.Store.List("deployments.apps", null))
        {
            if (deployment.IsDeleting() || deployment.ObjectAt("spec").GetBool("paused") == true)
            {
                continue;
            }
            var wake = ReconcileOne(deployType, rsType, deployment, now);
            if (wake is { } w && (next is null || w < next))
            {
                next = w;
            }
        }
        return next;
    }

    private DateTimeOffset? ReconcileOne(ResourceType deployType, ResourceType rsType, JsonObject deployment, DateTimeOffset now)
    {
        var ns = deployment.Namespace();
        var desired = (int)(deployment.ObjectAt("spec").GetLong("replicas") ?? 1);
        var template = deployment.ObjectAt("spec", "template") ?? new JsonObject();
        var hash = TemplateHash(template);
        var owned = operations.Store.List("replicasets.apps", ns).Where(r => Ownership.IsControlledBy(r, deployment) && !r.IsDeleting()).ToList();
        var maxRevision = owned.Select(Revision).DefaultIfEmpty(0).Max();
        var newRs = owned.FirstOrDefault(r => r.ObjectAt("metadata", "labels").GetString(HashLabel) == hash);
        if (newRs is null)
        {
            newRs = operations.Create(rsType, ns, NewReplicaSet(deployment, template, hash, desired, maxRevision + 1), WriteOptions.System(Manager));
            owned.Add(newRs);
            events.Normal(deployment, "ScalingReplicaSet", $"Scaled up replica set {newRs.Name()} from 0 to {desired}", "deployment-controller");
        }
        else if (Revision(newRs) < maxRevision || newRs.ObjectAt("spec").GetLong("replicas") != desired)
        {
            // A rollback to an older template makes its ReplicaSet the newest revision again.
            var revision = Revision(newRs) < maxRevision ? maxRevision + 1 : Revision(newRs);
            newRs = operations.Mutate(rsType, ns, newRs.Name(), copy =>
            {
                copy.Metadata().EnsureObject("annotations")[RevisionAnnotation] = revision.ToString(CultureInfo.InvariantCulture);
                copy.EnsureObject("spec")["replicas"] = desired;
                return true;
            }, Manager) ?? newRs;
        }
        var newAvailable = (int)(newRs.ObjectAt("status").GetLong("availableReplicas") ?? 0);
        var olds = owned.Where(r => r.Uid() != newRs.Uid()).ToList();
        if (newAvailable >= desired)
        {
            foreach (var old in olds.Where(o => (o.ObjectAt("spec").GetLong("replicas") ?? 0) != 0))
            {
                operations.Mutate(rsType, ns, old.Name(), copy =>
                {
                    copy.EnsureObject("spec")["replicas"] = 0;
                    return true;
                }, Manager);
                events.Normal(deployment, "ScalingReplicaSet", $"Scaled down replica set {old.Name()} from {old.ObjectAt("spec").GetLong("replicas")} to 0", "deployment-controller");
            }
        }
        PruneHistory(rsType, deployment, olds);
        return UpdateStatus(deployType, deployment, newRs, owned, desired, now);
    }

    private DateTimeOffset? UpdateStatus(ResourceType deployType, JsonObject deployment, JsonObject newRs, List<JsonObject> owned, int desired, DateTimeOffset now)
    {
        var current = owned.Select(r => operations.Store.Get("replicasets.apps", r.Namespace(), r.Name()) ?? r).ToList();
        var fresh = current.First(r => r.Uid() == newRs.Uid());
        int Sum(string field) => current.Sum(r => (int)(r.ObjectAt("status").GetLong(field) ?? 0));
        var replicas = Sum("replicas");
        var ready = Sum("readyReplicas");
        var available = Sum("availableReplicas");
        var updated = (int)(fresh.ObjectAt("status").GetLong("replicas") ?? 0);
        var newAvailable = (int)(fresh.ObjectAt("status").GetLong("availableReplicas") ?? 0);
        var stamp = JsonExtensions.FormatTimestamp(now);
        var maxUnavailable = MaxUnavailable(deployment, desired);
        var complete = newAvailable >= desired && updated == desired && replicas == desired;
        var deadline = TimeSpan.FromSeconds(deployment.ObjectAt("spec").GetLong("progressDeadlineSeconds") ?? 600);
        DateTimeOffset? wake = null;
        var revision = Revision(fresh).ToString(CultureInfo.InvariantCulture);
        if (deployment.ObjectAt("metadata", "annotations").GetString(RevisionAnnotation) != revision)
        {
            deployment = operations.Mutate(deployType, deployment.Namespace(), deployment.Name(), copy =>
            {
                copy.Metadata().EnsureObject("annotations")[RevisionAnnotation] = revision;
                return true;
            }, Manager) ?? deployment;
        }
        operations.Mutate(deployType, deployment.Namespace(), deployment.Name(), copy =>
        {
            var old = copy.ObjectAt("status") ?? new JsonObject();
            var status = new JsonObject
            {
                ["observedGeneration"] = copy.ObjectAt("metadata").GetLong("generation") ?? 1,
                ["replicas"] = replicas,
                ["updatedReplicas"] = updated,
                ["readyReplicas"] = ready,
                ["availableReplicas"] = available,
            };
            if (replicas - available > 0)
            {
                status["unavailableReplicas"] = replicas - available;
            }
            status["conditions"] = old["conditions"]?.DeepClone() ?? new JsonArray();
            var minimum = available >= desired - maxUnavailable;
            Conditions.Set(status, "Available", minimum ? "True" : "False", minimum ? "MinimumReplicasAvailable" : "MinimumReplicasUnavailable",
                minimum ? "Deployment has minimum availability." : "Deployment does not have minimum availability.", stamp, withUpdateTime: true);
            var rsName = fresh.Name();
            var progressing = Conditions.Find(old, "Progressing");
            if (complete)
            {
                Conditions.Set(status, "Progressing", "True", "NewReplicaSetAvailable", $"ReplicaSet \"{rsName}\" has successfully progressed.", stamp, withUpdateTime: true);
            }
            else
            {
                var progressMessage = $"ReplicaSet \"{rsName}\" is progressing.";
                var since = progressing?.GetString("message") == progressMessage ? JsonExtensions.ParseTimestamp(progressing.GetString("lastUpdateTime")) ?? now : now;
                if (progressing.GetString("reason") == "ProgressDeadlineExceeded" && progressing.GetString("message")?.Contains(rsName, StringComparison.Ordinal) == true)
                {
                    // Stays failed until the template changes.
                }
                else if (now - since >= deadline)
                {
                    Conditions.Set(status, "Progressing", "False", "ProgressDeadlineExceeded", $"ReplicaSet \"{rsName}\" has timed out progressing.", stamp, withUpdateTime: true);
                }
                else
                {
                    Conditions.Set(status, "Progressing", "True", "ReplicaSetUpdated", progressMessage, stamp, withUpdateTime: true);
                    wake = since + deadline;
                }
            }
            OrderConditions(status);
            if (JsonNode.DeepEquals(old, status))
            {
                return false;
            }
            copy["status"] = status;
            return true;
        }, Manager, "status");
        return wake;
    }

    private void PruneHistory(ResourceType rsType, JsonObject deployment, List<JsonObject> olds)
    {
        var limit = (int)(deployment.ObjectAt("spec").GetLong("revisionHistoryLimit") ?? 10);
        var idle = olds.Where(o => (o.ObjectAt("spec").GetLong("replicas") ?? 0) == 0 && (o.ObjectAt("status").GetLong("replicas") ?? 0) == 0)
            .OrderBy(Revision).ToList();
        foreach (var old in idle.Take(Math.Max(0, idle.Count - limit)))
        {
            try
            {
                operations.Delete(rsType, old.Namespace(), old.Name(), new DeleteOptions { PropagationPolicy = "Background" });
            }
            catch (ApiException e) when (e.Code == 404)
            {
                // Already gone.
            }
        }
    }

    private static JsonObject NewReplicaSet(JsonObject deployment, JsonObject template, string hash, int replicas, long revision)
    {
        var podTemplate = template.CloneObject();
        podTemplate.Metadata().EnsureObject("labels")[HashLabel] = hash;
        var selector = deployment.ObjectAt("spec", "selector")?.CloneObject() ?? new JsonObject();
        selector.EnsureObject("matchLabels")[HashLabel] = hash;
        var labels = template.ObjectAt("metadata", "labels")?.CloneObject() ?? new JsonObject();
        labels[HashLabel] = hash;
        return new JsonObject
        {
            ["apiVersion"] = "apps/v1",
            ["kind"] = "ReplicaSet",
            ["metadata"] = new JsonObject
            {
                ["name"] = $"{deployment.Name()}-{hash}",
                ["namespace"] = deployment.Namespace(),
                ["labels"] = labels,
                ["annotations"] = new JsonObject
                {
                    [RevisionAnnotation] = revision.ToString(CultureInfo.InvariantCulture),
                    ["deployment.kubernetes.io/desired-replicas"] = replicas.ToString(CultureInfo.InvariantCulture),
                },
                ["ownerReferences"] = new JsonArray(Ownership.ControllerReference(deployment)),
            },
            ["spec"] = new JsonObject { ["replicas"] = replicas, ["selector"] = selector, ["template"] = podTemplate },
        };
    }

    private static void OrderConditions(JsonObject status)
    {
        if (status["conditions"] is JsonArray conditions)
        {
            var ordered = conditions.OfType<JsonObject>().OrderBy(c => c.GetString("type") == "Available" ? 0 : 1).Select(c => (JsonNode)c.CloneObject()).ToArray();
            status["conditions"] = new JsonArray(ordered);
        }
    }

    private static int MaxUnavailable(JsonObject deployment, int desired)
    {
        if (deployment.ObjectAt("spec", "strategy").GetString("type") == "Recreate")
        {
            return desired;
        }
        var value = deployment.ObjectAt("spec", "strategy", "rollingUpdate")?["maxUnavailable"];
        if (value is JsonValue v && v.TryGetValue<string>(out var text) && text.EndsWith('%')
            && int.TryParse(text[..^1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var percent))
        {
            return desired * percent / 100;
        }
        return value is JsonValue n && JsonExtensions.TryGetDouble(n, out var number) ? (int)number : desired / 4;
    }

    private static long Revision(JsonObject rs) =>
        long.TryParse(rs.ObjectAt("metadata", "annotations").GetString(RevisionAnnotation), NumberStyles.None, CultureInfo.InvariantCulture, out var r) ? r : 0;

    /// <summary>
    /// Drops nulls and empty maps/lists, so templates that are semantically equal (e.g. a template that
    /// kubectl rollout undo sends back with "creationTimestamp": null) hash the same.
    /// </summary>
    private static JsonNode? WithoutEmptyValues(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                var result = new JsonObject();
                foreach (var (key, value) in obj)
                {
                    if (WithoutEmptyValues(value) is { } kept)
                    {
                        result[key] = kept;
                    }
                }
                return result.Count == 0 ? null : result;
            case JsonArray array:
                return array.Count == 0 ? null : new JsonArray([.. array.Select(i => WithoutEmptyValues(i) ?? new JsonObject())]);
            default:
                return node?.DeepClone();
        }
    }

    /// <summary>A stable short hash of the pod template, like the controller's pod-template-hash label.</summary>
    private static string TemplateHash(JsonObject template)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(WithoutEmptyValues(template).Canonical()))
        {
            hash = (hash ^ b) * 16777619u;
        }
        const string alphabet = "bcdfghjklmnpqrstvwxz2456789";
        var chars = new char[10];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = alphabet[(int)(hash % (uint)alphabet.Length)];
            hash = (hash / (uint)alphabet.Length) ^ (hash * 2654435761u);
        }
        return new string(chars);
    }
}
