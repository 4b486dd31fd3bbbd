using System.Text.Json.Nodes;
using OCore.DevCluster.Json;
using OCore.DevCluster.Resources;

namespace OCore.DevCluster.Operations;

/// <summary>The defaults kube-apiserver fills into built-in kinds that clients and controllers rely on.</summary>
internal static class BuiltInDefaults
{
    public static void OnCreate(ResourceType type, JsonObject obj)
    {
        switch (type.GroupResource)
        {
            case "namespaces":
                obj.EnsureObject("spec")["finalizers"] = new JsonArray("kubernetes");
                obj.EnsureObject("status")["phase"] = "Active";
                obj.Metadata().EnsureObject("labels")["kubernetes.io/metadata.name"] = obj.Name();
                break;
            case "secrets":
                obj["type"] ??= "Opaque";
                break;
            case "services":
                var spec = obj.EnsureObject("spec");
                spec["type"] ??= "ClusterIP";
                if (spec.GetString("clusterIP") is null or "")
                {
                    var ip = ServiceIp(obj.Uid());
                    spec["clusterIP"] = ip;
                    spec["clusterIPs"] = new JsonArray(ip);
                }
                foreach (var port in (spec["ports"] as JsonArray ?? []).OfType<JsonObject>())
                {
                    port["protocol"] ??= "TCP";
                    port["targetPort"] ??= port["port"]?.DeepClone();
                }
                obj["status"] = new JsonObject { ["loadBalancer"] = new JsonObject() };
                break;
            case "pods":
                obj.EnsureObject("spec")["serviceAccountName"] ??= "default";
                obj["status"] = new JsonObject { ["phase"] = "Pending", ["qosClass"] = "BestEffort" };
                break;
            case "persistentvolumeclaims":
                obj["status"] = new JsonObject { ["phase"] = "Pending" };
                break;
            case "deployments.apps":
                DefaultDeployment(obj.EnsureObject("spec"));
                break;
            case "replicasets.apps":
                obj.EnsureObject("spec")["replicas"] ??= 1;
                break;
            case ResourceOperations.CrdResource:
                obj.Metadata()["finalizers"] = new JsonArray(ResourceOperations.CrdCleanupFinalizer);
                break;
            case "jobs.batch":
                DefaultJob(obj);
                break;
        }
    }

    /// <summary>Defaults applied on every write of a pod-carrying kind (so kubectl describe shows 80/TCP, not 80/).</summary>
    public static void OnWrite(ResourceType type, JsonObject obj)
    {
        if (type.GroupResource == "secrets")
        {
            MergeStringData(obj);
            return;
        }
        var podSpec = type.GroupResource switch
        {
            "pods" => obj.ObjectAt("spec"),
            "deployments.apps" or "replicasets.apps" or "jobs.batch" => obj.ObjectAt("spec", "template", "spec"),
            _ => null,
        };
        if (podSpec is null)
        {
            return;
        }
        podSpec["restartPolicy"] ??= type.GroupResource == "jobs.batch" ? "Never" : "Always";
        podSpec["terminationGracePeriodSeconds"] ??= 30;
        podSpec["dnsPolicy"] ??= "ClusterFirst";
        podSpec["schedulerName"] ??= "default-scheduler";
        foreach (var container in (podSpec["containers"] as JsonArray ?? []).Concat(podSpec["initContainers"] as JsonArray ?? []).OfType<JsonObject>())
        {
            container["imagePullPolicy"] ??= (container.GetString("image") ?? "").EndsWith(":latest", StringComparison.Ordinal) || !(container.GetString("image") ?? "").Contains(':', StringComparison.Ordinal) ? "Always" : "IfNotPresent";
            container["terminationMessagePath"] ??= "/dev/termination-log";
            container["terminationMessagePolicy"] ??= "File";
            foreach (var port in (container["ports"] as JsonArray ?? []).OfType<JsonObject>())
            {
                port["protocol"] ??= "TCP";
            }
        }
    }

    /// <summary>As kube-apiserver does, write-only stringData is base64-encoded into data (winning on conflicts).</summary>
    private static void MergeStringData(JsonObject secret)
    {
        if (secret["stringData"] is not JsonObject stringData)
        {
            return;
        }
        var data = secret.EnsureObject("data");
        foreach (var (key, value) in JsonExtensions.StringMap(stringData))
        {
            data[key] = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(value));
        }
        secret.Remove("stringData");
    }

    /// <summary>A cluster IP in 10.96.0.0/16 derived from the Service's uid (stable, no allocator state).</summary>
    private static string ServiceIp(string uid)
    {
        var hash = 2166136261u;
        foreach (var c in uid)
        {
            hash = (hash ^ c) * 16777619u;
        }
        return $"10.96.{(hash >> 8) % 256}.{(hash % 253) + 2}";
    }

    private static void DefaultDeployment(JsonObject spec)
    {
        spec["replicas"] ??= 1;
        spec["revisionHistoryLimit"] ??= 10;
        spec["progressDeadlineSeconds"] ??= 600;
        var strategy = spec.EnsureObject("strategy");
        strategy["type"] ??= "RollingUpdate";
        if (strategy.GetString("type") == "RollingUpdate")
        {
            var rolling = strategy.EnsureObject("rollingUpdate");
            rolling["maxSurge"] ??= "25%";
            rolling["maxUnavailable"] ??= "25%";
        }
    }

    private static void DefaultJob(JsonObject job)
    {
        var spec = job.EnsureObject("spec");
        spec["completions"] ??= 1;
        spec["parallelism"] ??= 1;
        spec["backoffLimit"] ??= 6;
        spec["completionMode"] ??= "NonIndexed";
        spec["suspend"] ??= false;
        var uid = job.Uid();
        if (spec["selector"] is null && spec.GetBool("manualSelector") != true)
        {
            spec["selector"] = new JsonObject { ["matchLabels"] = new JsonObject { ["batch.kubernetes.io/controller-uid"] = uid } };
            var labels = spec.EnsureObject("template").Metadata().EnsureObject("labels");
            labels["batch.kubernetes.io/controller-uid"] = uid;
            labels["batch.kubernetes.io/job-name"] = job.Name();
            labels["controller-uid"] = uid;
            labels["job-name"] = job.Name();
        }
        spec.EnsureObject("template").EnsureObject("spec")["restartPolicy"] ??= "Never";
    }
}
