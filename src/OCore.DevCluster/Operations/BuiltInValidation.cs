using System.Text.Json.Nodes;
using OCore.DevCluster.Http;
using OCore.DevCluster.Json;
using OCore.DevCluster.Resources;
using OCore.DevCluster.Selectors;

namespace OCore.DevCluster.Operations;

/// <summary>
/// The kube-apiserver validations of built-in kinds that operators most often trip over: required pod
/// template parts, selectors that must match template labels, and immutable fields on update.
/// </summary>
internal static class BuiltInValidation
{
    public static List<FieldError> Validate(ResourceType type, JsonObject obj, JsonObject? old)
    {
        var errors = new List<FieldError>();
        switch (type.GroupResource)
        {
            case "pods":
                ValidatePodSpec(obj.ObjectAt("spec"), "spec", errors);
                break;
            case "deployments.apps":
            case "replicasets.apps":
                ValidateWorkload(obj, errors);
                Immutable(old, obj, errors, "spec.selector", "spec", "selector");
                break;
            case "jobs.batch":
                ValidateJob(obj, errors);
                Immutable(old, obj, errors, "spec.selector", "spec", "selector");
                Immutable(old, obj, errors, "spec.template", "spec", "template");
                Immutable(old, obj, errors, "spec.completions", "spec", "completions");
                break;
            case "services":
                ValidateService(obj, errors);
                Immutable(old, obj, errors, "spec.clusterIP", "spec", "clusterIP");
                break;
            case "configmaps":
            case "secrets":
                if (old?.GetBool("immutable") == true)
                {
                    Immutable(old, obj, errors, "data", "data");
                    Immutable(old, obj, errors, "binaryData", "binaryData");
                    Immutable(old, obj, errors, "immutable", "immutable");
                }
                if (type.GroupResource == "secrets")
                {
                    Immutable(old, obj, errors, "type", "type");
                }
                break;
        }
        return errors;
    }

    private static void ValidateWorkload(JsonObject obj, List<FieldError> errors)
    {
        var spec = obj.ObjectAt("spec") ?? new JsonObject();
        var selector = spec.ObjectAt("selector");
        if (selector is null || (selector.ObjectAt("matchLabels") is null or { Count: 0 } && selector["matchExpressions"] is null or JsonArray { Count: 0 }))
        {
            errors.Add(FieldError.Required("spec.selector"));
        }
        else if (!LabelSelector.FromObject(selector).Matches(JsonExtensions.StringMap(spec.ObjectAt("template", "metadata", "labels"))))
        {
            errors.Add(FieldError.InvalidValue("spec.template.metadata.labels", Labels(spec.ObjectAt("template", "metadata", "labels")), "`selector` does not match template `labels`"));
        }
        if (spec.GetLong("replicas") is < 0)
        {
            errors.Add(FieldError.InvalidValue("spec.replicas", spec["replicas"]!.ToJsonString(), "must be greater than or equal to 0"));
        }
        ValidatePodSpec(spec.ObjectAt("template", "spec"), "spec.template.spec", errors);
        var restart = spec.ObjectAt("template", "spec").GetString("restartPolicy");
        if (restart is not null and not "Always")
        {
            errors.Add(FieldError.NotSupported("spec.template.spec.restartPolicy", $"\"{restart}\"", ["\"Always\""]));
        }
    }

    private static void ValidateJob(JsonObject obj, List<FieldError> errors)
    {
        var spec = obj.ObjectAt("spec") ?? new JsonObject();
        ValidatePodSpec(spec.ObjectAt("template", "spec"), "spec.template.spec", errors);
        var restart = spec.ObjectAt("template", "spec").GetString("restartPolicy");
        if (restart is not ("Never" or "OnFailure"))
        {
            errors.Add(FieldError.NotSupported("spec.template.spec.restartPolicy", $"\"{restart}\"", ["\"OnFailure\"", "\"Never\""]));
        }
    }

    private static void ValidateService(JsonObject obj, List<FieldError> errors)
    {
        var spec = obj.ObjectAt("spec") ?? new JsonObject();
        var ports = (spec["ports"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        var type = spec.GetString("type") ?? "ClusterIP";
        if (ports.Count == 0 && type != "ExternalName" && spec.GetString("clusterIP") != "None")
        {
            errors.Add(FieldError.Required("spec.ports"));
        }
        for (var i = 0; i < ports.Count; i++)
        {
            if (ports[i].GetLong("port") is not (> 0 and < 65536))
            {
                errors.Add(FieldError.InvalidValue($"spec.ports[{i}].port", ports[i]["port"]?.ToJsonString() ?? "0", "must be between 1 and 65535, inclusive"));
            }
            if (ports.Count > 1 && string.IsNullOrEmpty(ports[i].GetString("name")))
            {
                errors.Add(FieldError.Required($"spec.ports[{i}].name"));
            }
        }
    }

    private static void ValidatePodSpec(JsonObject? podSpec, string path, List<FieldError> errors)
    {
        var containers = (podSpec?["containers"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        if (containers.Count == 0)
        {
            errors.Add(FieldError.Required($"{path}.containers"));
        }
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < containers.Count; i++)
        {
            var name = containers[i].GetString("name") ?? "";
            if (name.Length == 0)
            {
                errors.Add(FieldError.Required($"{path}.containers[{i}].name"));
            }
            else if (!names.Add(name))
            {
                errors.Add(new FieldError($"{path}.containers[{i}].name", "FieldValueDuplicate", $"Duplicate value: \"{name}\""));
            }
            if (string.IsNullOrEmpty(containers[i].GetString("image")))
            {
                errors.Add(FieldError.Required($"{path}.containers[{i}].image"));
            }
        }
    }

    private static void Immutable(JsonObject? old, JsonObject obj, List<FieldError> errors, string field, params string[] path)
    {
        if (old is null)
        {
            return;
        }
        var before = Columns.Walk(old, path);
        var after = Columns.Walk(obj, path);
        if (!JsonNode.DeepEquals(before, after))
        {
            errors.Add(FieldError.Invalid(field, after, "field is immutable"));
        }
    }

    private static string Labels(JsonObject? labels) =>
        "map[string]string{" + string.Join(", ", JsonExtensions.StringMap(labels).Select(kv => $"\"{kv.Key}\":\"{kv.Value}\"")) + "}";
}
