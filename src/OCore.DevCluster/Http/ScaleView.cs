using System.Text.Json.Nodes;
using OCore.DevCluster.Json;
using OCore.DevCluster.Operations;
using OCore.DevCluster.Patching;
using OCore.DevCluster.Resources;

namespace OCore.DevCluster.Http;

/// <summary>The scale subresource: spec.replicas of a Deployment or ReplicaSet seen as an autoscaling/v1 Scale.</summary>
internal static class ScaleView
{
    public static JsonObject From(JsonObject obj)
    {
        var metadata = obj.ObjectAt("metadata")!;
        var selector = JsonExtensions.StringMap(obj.ObjectAt("spec", "selector", "matchLabels"));
        return new JsonObject
        {
            ["kind"] = "Scale",
            ["apiVersion"] = "autoscaling/v1",
            ["metadata"] = new JsonObject
            {
                ["name"] = metadata["name"]?.DeepClone(),
                ["namespace"] = metadata["namespace"]?.DeepClone(),
                ["uid"] = metadata["uid"]?.DeepClone(),
                ["resourceVersion"] = metadata["resourceVersion"]?.DeepClone(),
                ["creationTimestamp"] = metadata["creationTimestamp"]?.DeepClone(),
            },
            ["spec"] = new JsonObject { ["replicas"] = obj.ObjectAt("spec").GetLong("replicas") ?? 1 },
            ["status"] = new JsonObject
            {
                ["replicas"] = obj.ObjectAt("status").GetLong("replicas") ?? 0,
                ["selector"] = string.Join(",", selector.Select(kv => $"{kv.Key}={kv.Value}")),
            },
        };
    }

    public static JsonObject Patch(JsonObject scale, string contentType, string body)
    {
        try
        {
            return contentType switch
            {
                "application/merge-patch+json" => (JsonObject)JsonMergePatch.Apply(scale, JsonNode.Parse(body))!,
                "application/strategic-merge-patch+json" => StrategicMergePatch.Apply(scale, JsonNode.Parse(body) as JsonObject ?? new JsonObject()),
                "application/json-patch+json" => (JsonObject)JsonPatch.Apply(scale, JsonNode.Parse(body) as JsonArray ?? []),
                _ => throw ApiErrors.UnsupportedMediaType(contentType),
            };
        }
        catch (PatchFailedException e)
        {
            throw new ApiException(422, "Invalid", e.Message);
        }
    }

    public static JsonObject Apply(ResourceOperations operations, ResourceType type, JsonObject current, JsonObject scale, WriteOptions options)
    {
        var requested = scale.ObjectAt("metadata").GetString("resourceVersion");
        if (!string.IsNullOrEmpty(requested) && requested != current.ObjectAt("metadata").GetString("resourceVersion"))
        {
            throw ApiErrors.Conflict(type, current.Name());
        }
        var replicas = scale.ObjectAt("spec").GetLong("replicas") ?? 0;
        if (replicas < 0)
        {
            throw ApiErrors.Invalid(type, current.Name(), FieldError.InvalidValue("spec.replicas", replicas.ToString(System.Globalization.CultureInfo.InvariantCulture), "must be greater than or equal to 0"));
        }
        lock (operations.Store.Sync)
        {
            var existing = operations.Get(type, current.Namespace(), current.Name());
            var updated = existing.CloneObject();
            updated.EnsureObject("spec")["replicas"] = replicas;
            return operations.UpdateCore(type, existing, updated, null, options);
        }
    }
}
