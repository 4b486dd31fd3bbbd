using System.Text.Json.Nodes;
using OCore.DevCluster.Json;

namespace OCore.DevCluster.Workloads;

/// <summary>Controller ownerReferences and the children created from pod templates.</summary>
internal static class Ownership
{
    public static JsonObject ControllerReference(JsonObject owner) => new()
    {
        ["apiVersion"] = owner.GetString("apiVersion"),
        ["kind"] = owner.GetString("kind"),
        ["name"] = owner.Name(),
        ["uid"] = owner.Uid(),
        ["controller"] = true,
        ["blockOwnerDeletion"] = true,
    };

    public static bool IsControlledBy(JsonObject obj, JsonObject owner) =>
        (obj.ObjectAt("metadata")?["ownerReferences"] as JsonArray ?? []).OfType<JsonObject>()
            .Any(r => r.GetString("uid") == owner.Uid() && r.GetBool("controller") == true);

    /// <summary>A Pod built from a template: its labels and annotations plus a controller reference.</summary>
    public static JsonObject PodFromTemplate(JsonObject owner, JsonObject template, IEnumerable<KeyValuePair<string, string>> extraAnnotations)
    {
        var metadata = new JsonObject
        {
            ["generateName"] = owner.Name() + "-",
            ["namespace"] = owner.Namespace(),
            ["labels"] = template.ObjectAt("metadata", "labels")?.DeepClone() ?? new JsonObject(),
            ["annotations"] = template.ObjectAt("metadata", "annotations")?.DeepClone() ?? new JsonObject(),
            ["ownerReferences"] = new JsonArray(ControllerReference(owner)),
        };
        var annotations = (JsonObject)metadata["annotations"]!;
        foreach (var (key, value) in extraAnnotations)
        {
            annotations[key] ??= value;
        }
        return new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Pod",
            ["metadata"] = metadata,
            ["spec"] = template.ObjectAt("spec")?.DeepClone() ?? new JsonObject(),
        };
    }
}
