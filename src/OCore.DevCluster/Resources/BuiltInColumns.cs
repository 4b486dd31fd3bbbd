using System.Text.Json.Nodes;
using OCore.DevCluster.Json;

namespace OCore.DevCluster.Resources;

/// <summary>Printer columns of the built-in kinds, following kubectl's usual output.</summary>
internal static class BuiltInColumns
{
    public static IReadOnlyList<PrinterColumn> Default() => [Columns.Name(), Columns.Age()];

    public static IReadOnlyList<PrinterColumn> CreatedAt() =>
        [Columns.Name(), Columns.Path("Created At", 0, "metadata", "creationTimestamp")];

    public static IReadOnlyList<PrinterColumn> Namespaces() =>
        [Columns.Name(), Columns.Path("Status", 0, "status", "phase"), Columns.Age()];

    public static IReadOnlyList<PrinterColumn> Secrets() =>
        [Columns.Name(), Columns.Path("Type", 0, "type"), Columns.Computed("Data", 0, o => Columns.Count(o["data"]).ToString(System.Globalization.CultureInfo.InvariantCulture)), Columns.Age()];

    public static IReadOnlyList<PrinterColumn> ConfigMaps() =>
        [Columns.Name(), Columns.Computed("Data", 0, o => (Columns.Count(o["data"]) + Columns.Count(o["binaryData"])).ToString(System.Globalization.CultureInfo.InvariantCulture)), Columns.Age()];

    public static IReadOnlyList<PrinterColumn> ServiceAccounts() =>
        [Columns.Name(), Columns.Computed("Secrets", 0, o => Columns.Count(o["secrets"]).ToString(System.Globalization.CultureInfo.InvariantCulture)), Columns.Age()];

    public static IReadOnlyList<PrinterColumn> Services() =>
    [
        Columns.Name(),
        Columns.Path("Type", 0, "spec", "type"),
        Columns.Path("Cluster-IP", 0, "spec", "clusterIP"),
        Columns.Computed("External-IP", 0, o => Columns.Text(o.ObjectAt("spec")?["externalIPs"]?[0])),
        Columns.Computed("Port(s)", 0, ServicePorts),
        Columns.Age(),
        Columns.Computed("Selector", 1, o => Selector(o.ObjectAt("spec", "selector"))),
    ];

    public static IReadOnlyList<PrinterColumn> Pods() =>
    [
        Columns.Name(),
        Columns.Computed("Ready", 0, o => $"{PodReadyCount(o)}/{Columns.Count(o.ObjectAt("spec")?["containers"])}"),
        Columns.Computed("Status", 0, PodStatus),
        Columns.Computed("Restarts", 0, o => Statuses(o).Sum(s => s.GetLong("restartCount") ?? 0).ToString(System.Globalization.CultureInfo.InvariantCulture)),
        Columns.Age(),
        Columns.Path("IP", 1, "status", "podIP"),
        Columns.Path("Node", 1, "spec", "nodeName"),
    ];

    public static IReadOnlyList<PrinterColumn> Deployments() =>
    [
        Columns.Name(),
        Columns.Computed("Ready", 0, o => $"{Columns.Number(o.ObjectAt("status").GetLong("readyReplicas"))}/{Columns.Number(o.ObjectAt("spec").GetLong("replicas") ?? 1)}"),
        Columns.Int("Up-to-date", 0, "status", "updatedReplicas"),
        Columns.Int("Available", 0, "status", "availableReplicas"),
        Columns.Age(),
        Columns.Computed("Containers", 1, o => Containers(o, "name")),
        Columns.Computed("Images", 1, o => Containers(o, "image")),
        Columns.Computed("Selector", 1, o => Selector(o.ObjectAt("spec", "selector", "matchLabels"))),
    ];

    public static IReadOnlyList<PrinterColumn> ReplicaSets() =>
    [
        Columns.Name(),
        Columns.Int("Desired", 0, "spec", "replicas"),
        Columns.Int("Current", 0, "status", "replicas"),
        Columns.Int("Ready", 0, "status", "readyReplicas"),
        Columns.Age(),
        Columns.Computed("Containers", 1, o => Containers(o, "name")),
        Columns.Computed("Images", 1, o => Containers(o, "image")),
    ];

    public static IReadOnlyList<PrinterColumn> Jobs() =>
    [
        Columns.Name(),
        Columns.Computed("Status", 0, JobStatus),
        Columns.Computed("Completions", 0, o => $"{Columns.Number(o.ObjectAt("status").GetLong("succeeded"))}/{Columns.Number(o.ObjectAt("spec").GetLong("completions") ?? 1)}"),
        Columns.Computed("Duration", 0, JobDuration),
        Columns.Age(),
    ];

    public static IReadOnlyList<PrinterColumn> Leases() =>
        [Columns.Name(), Columns.Path("Holder", 0, "spec", "holderIdentity"), Columns.Age()];

    public static IReadOnlyList<PrinterColumn> Ingresses() =>
    [
        Columns.Name(),
        Columns.Path("Class", 0, "spec", "ingressClassName"),
        Columns.Computed("Hosts", 0, o => string.Join(",", (o.ObjectAt("spec")?["rules"] as JsonArray ?? []).Select(r => (r as JsonObject).GetString("host") ?? "*"))),
        Columns.Computed("Address", 0, _ => ""),
        Columns.Computed("Ports", 0, o => o.ObjectAt("spec")?["tls"] is JsonArray { Count: > 0 } ? "80, 443" : "80"),
        Columns.Age(),
    ];

    public static IReadOnlyList<PrinterColumn> Pdbs() =>
    [
        Columns.Name(),
        Columns.Path("Min Available", 0, "spec", "minAvailable"),
        Columns.Path("Max Unavailable", 0, "spec", "maxUnavailable"),
        Columns.Int("Allowed Disruptions", 0, "status", "disruptionsAllowed"),
        Columns.Age(),
    ];

    public static IReadOnlyList<PrinterColumn> Pvcs() =>
    [
        Columns.Name(),
        Columns.Path("Status", 0, "status", "phase"),
        Columns.Path("Volume", 0, "spec", "volumeName"),
        Columns.Path("Capacity", 0, "status", "capacity", "storage"),
        Columns.Computed("Access Modes", 0, o => string.Join(",", JsonExtensions.StringList(o.ObjectAt("spec")?["accessModes"]))),
        Columns.Path("StorageClass", 0, "spec", "storageClassName"),
        Columns.Age(),
    ];

    public static IReadOnlyList<PrinterColumn> CoreEvents() =>
    [
        Columns.Computed("Last Seen", 0, o => Columns.AgeOf(o.GetString("lastTimestamp") ?? o.GetString("eventTime") ?? o.ObjectAt("metadata").GetString("creationTimestamp"))),
        Columns.Path("Type", 0, "type"),
        Columns.Path("Reason", 0, "reason"),
        Columns.Computed("Object", 0, o => $"{o.ObjectAt("involvedObject").GetString("kind")?.ToLowerInvariant()}/{o.ObjectAt("involvedObject").GetString("name")}"),
        Columns.Path("Message", 0, "message"),
    ];

    public static IReadOnlyList<PrinterColumn> EventsV1() =>
    [
        Columns.Computed("Last Seen", 0, o => Columns.AgeOf(o.GetString("eventTime") ?? o.ObjectAt("metadata").GetString("creationTimestamp"))),
        Columns.Path("Type", 0, "type"),
        Columns.Path("Reason", 0, "reason"),
        Columns.Computed("Object", 0, o => $"{o.ObjectAt("regarding").GetString("kind")?.ToLowerInvariant()}/{o.ObjectAt("regarding").GetString("name")}"),
        Columns.Path("Message", 0, "note"),
    ];

    public static IReadOnlyList<PrinterColumn> Bindings() =>
    [
        Columns.Name(),
        Columns.Computed("Role", 0, o => $"{o.ObjectAt("roleRef").GetString("kind")}/{o.ObjectAt("roleRef").GetString("name")}"),
        Columns.Age(),
    ];

    private static IEnumerable<JsonObject> Statuses(JsonObject pod) =>
        (pod.ObjectAt("status")?["containerStatuses"] as JsonArray ?? []).OfType<JsonObject>();

    private static int PodReadyCount(JsonObject pod) => Statuses(pod).Count(s => s.GetBool("ready") == true);

    private static string PodStatus(JsonObject pod)
    {
        if (pod.IsDeleting())
        {
            return "Terminating";
        }
        foreach (var s in Statuses(pod))
        {
            var waiting = s.ObjectAt("state", "waiting").GetString("reason");
            if (waiting is not null && waiting != "ContainerCreating")
            {
                return waiting;
            }
            var terminated = s.ObjectAt("state", "terminated").GetString("reason");
            if (terminated is not null && pod.ObjectAt("status").GetString("phase") is not ("Succeeded" or "Failed"))
            {
                return terminated;
            }
        }
        var phase = pod.ObjectAt("status").GetString("phase") ?? "Pending";
        return phase switch
        {
            "Succeeded" => "Completed",
            "Failed" => pod.ObjectAt("status").GetString("reason") ?? "Error",
            _ => phase,
        };
    }

    private static string JobStatus(JsonObject job)
    {
        var conditions = (job.ObjectAt("status")?["conditions"] as JsonArray ?? []).OfType<JsonObject>();
        if (conditions.Any(c => c.GetString("type") == "Complete" && c.GetString("status") == "True"))
        {
            return "Complete";
        }
        if (conditions.Any(c => c.GetString("type") == "Failed" && c.GetString("status") == "True"))
        {
            return "Failed";
        }
        return "Running";
    }

    private static string JobDuration(JsonObject job)
    {
        var start = JsonExtensions.ParseTimestamp(job.ObjectAt("status").GetString("startTime"));
        if (start is null)
        {
            return "";
        }
        var end = JsonExtensions.ParseTimestamp(job.ObjectAt("status").GetString("completionTime")) ?? DateTimeOffset.UtcNow;
        return HumanDuration.Format(end - start.Value);
    }

    private static string ServicePorts(JsonObject svc)
    {
        var ports = (svc.ObjectAt("spec")?["ports"] as JsonArray ?? []).OfType<JsonObject>()
            .Select(p => $"{Columns.Number(p.GetLong("port"))}/{p.GetString("protocol") ?? "TCP"}").ToList();
        return ports.Count == 0 ? "<none>" : string.Join(",", ports);
    }

    private static string Containers(JsonObject workload, string field) =>
        string.Join(",", (workload.ObjectAt("spec", "template", "spec")?["containers"] as JsonArray ?? []).Select(c => (c as JsonObject).GetString(field)));

    private static string Selector(JsonObject? labels) =>
        labels is null || labels.Count == 0 ? "<none>" : string.Join(",", JsonExtensions.StringMap(labels).Select(kv => $"{kv.Key}={kv.Value}"));
}
