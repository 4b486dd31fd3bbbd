using System.Text.Json.Nodes;
using OCore.DevCluster.Controllers;
using OCore.DevCluster.Json;
using OCore.DevCluster.Operations;

namespace OCore.DevCluster.Workloads;

/// <summary>
/// Stands in for dynamic provisioning: every PersistentVolumeClaim is bound at once to a volume named
/// pvc-&lt;uid&gt; with the requested capacity (no PersistentVolume object is created).
/// </summary>
internal sealed class VolumeBinder(ResourceOperations operations) : IController
{
    private const string Manager = "persistentvolume-binder-controller";

    public DateTimeOffset? Reconcile(DateTimeOffset now)
    {
        var type = operations.Registry.FindByGroupResource("persistentvolumeclaims")!;
        foreach (var claim in operations.Store.List("persistentvolumeclaims", null))
        {
            if (claim.IsDeleting() || claim.ObjectAt("status").GetString("phase") == "Bound")
            {
                continue;
            }
            var volume = $"pvc-{claim.Uid()}";
            operations.Mutate(type, claim.Namespace(), claim.Name(), copy =>
            {
                if (copy.ObjectAt("spec").GetString("volumeName") == volume)
                {
                    return false;
                }
                copy.EnsureObject("spec")["volumeName"] = volume;
                copy.Metadata().EnsureObject("annotations")["pv.kubernetes.io/bind-completed"] = "yes";
                return true;
            }, Manager);
            operations.Mutate(type, claim.Namespace(), claim.Name(), copy =>
            {
                var spec = copy.ObjectAt("spec") ?? new JsonObject();
                copy["status"] = new JsonObject
                {
                    ["phase"] = "Bound",
                    ["accessModes"] = spec["accessModes"]?.DeepClone() ?? new JsonArray("ReadWriteOnce"),
                    ["capacity"] = new JsonObject { ["storage"] = spec.ObjectAt("resources", "requests")?["storage"]?.DeepClone() ?? "1Gi" },
                };
                return true;
            }, Manager, "status");
        }
        return null;
    }
}
