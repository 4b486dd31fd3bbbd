using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using OCore.DevCluster.Json;
using OCore.DevCluster.Resources;

namespace OCore.DevCluster.Http;

/// <summary>
/// OpenAPI v3 documents per group-version: component schemas tagged with x-kubernetes-group-version-kind
/// (full schemas for CRDs, open object schemas for built-ins) and PATCH operations that declare the
/// fieldValidation parameter, which tells kubectl to rely on server-side field validation.
/// </summary>
internal sealed class OpenApi(ResourceRegistry registry)
{
    public JsonObject Index()
    {
        var paths = new JsonObject();
        foreach (var group in registry.All().GroupBy(t => t.GroupVersionPath))
        {
            var hash = Hash(Document(group.Key)!);
            paths[group.Key] = new JsonObject { ["serverRelativeURL"] = $"/openapi/v3/{group.Key}?hash={hash}" };
        }
        return new JsonObject { ["paths"] = paths };
    }

    public JsonObject? Document(string groupVersionPath)
    {
        var types = registry.All().Where(t => t.GroupVersionPath == groupVersionPath).ToList();
        if (types.Count == 0)
        {
            return null;
        }
        var schemas = new JsonObject();
        var paths = new JsonObject();
        foreach (var t in types)
        {
            if (t.IsReview)
            {
                continue;
            }
            schemas[SchemaName(t)] = Schema(t);
            var gvk = new JsonObject { ["group"] = t.Group, ["version"] = t.Version, ["kind"] = t.Kind };
            var prefix = "/" + groupVersionPath + (t.Namespaced ? "/namespaces/{namespace}/" : "/") + t.Plural;
            paths[prefix + "/{name}"] = new JsonObject
            {
                ["get"] = Operation("read", t, gvk, []),
                ["put"] = Operation("replace", t, gvk, [Parameter("fieldValidation"), Parameter("fieldManager"), Parameter("dryRun")]),
                ["patch"] = Operation("patch", t, gvk, [Parameter("fieldValidation"), Parameter("fieldManager"), Parameter("dryRun"), Parameter("force")]),
                ["delete"] = Operation("delete", t, gvk, [Parameter("dryRun")]),
            };
            paths[prefix] = new JsonObject
            {
                ["get"] = Operation("list", t, gvk, []),
                ["post"] = Operation("create", t, gvk, [Parameter("fieldValidation"), Parameter("fieldManager"), Parameter("dryRun")]),
            };
        }
        schemas["io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"] = new JsonObject
        {
            ["description"] = "ObjectMeta is metadata that all persisted resources must have.",
            ["type"] = "object",
            ["properties"] = new JsonObject
            {
                ["name"] = new JsonObject { ["type"] = "string", ["description"] = "Name must be unique within a namespace." },
                ["namespace"] = new JsonObject { ["type"] = "string", ["description"] = "Namespace defines the space within which each name must be unique." },
                ["labels"] = new JsonObject { ["type"] = "object", ["additionalProperties"] = new JsonObject { ["type"] = "string" }, ["description"] = "Map of string keys and values that can be used to organize and categorize objects." },
                ["annotations"] = new JsonObject { ["type"] = "object", ["additionalProperties"] = new JsonObject { ["type"] = "string" }, ["description"] = "Annotations is an unstructured key value map." },
            },
        };
        return new JsonObject
        {
            ["openapi"] = "3.0.0",
            ["info"] = new JsonObject { ["title"] = "Kubernetes", ["version"] = "v1.35.0" },
            ["paths"] = paths,
            ["components"] = new JsonObject { ["schemas"] = schemas },
        };
    }

    private static JsonObject Schema(ResourceType t)
    {
        var schema = t.Schema is { } crdSchema ? crdSchema.CloneObject() : new JsonObject
        {
            ["type"] = "object",
            ["description"] = $"{t.Kind} ({t.ApiVersion}).",
            ["x-kubernetes-preserve-unknown-fields"] = true,
        };
        var properties = schema.EnsureObject("properties");
        properties["apiVersion"] ??= new JsonObject { ["type"] = "string", ["description"] = "APIVersion defines the versioned schema of this representation of an object." };
        properties["kind"] ??= new JsonObject { ["type"] = "string", ["description"] = "Kind is a string value representing the REST resource this object represents." };
        properties["metadata"] = new JsonObject
        {
            ["description"] = "Standard object's metadata.",
            ["allOf"] = new JsonArray(new JsonObject { ["$ref"] = "#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta" }),
        };
        schema["x-kubernetes-group-version-kind"] = new JsonArray(new JsonObject { ["group"] = t.Group, ["kind"] = t.Kind, ["version"] = t.Version });
        return schema;
    }

    private static JsonObject Operation(string action, ResourceType t, JsonObject gvk, JsonObject[] parameters) => new()
    {
        ["operationId"] = $"{action}{t.Kind}",
        ["parameters"] = new JsonArray([.. parameters]),
        ["responses"] = new JsonObject
        {
            ["200"] = new JsonObject
            {
                ["description"] = "OK",
                ["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = new JsonObject { ["$ref"] = $"#/components/schemas/{SchemaName(t)}" } } },
            },
        },
        ["x-kubernetes-action"] = action switch { "read" => "get", "replace" => "put", "create" => "post", _ => action },
        ["x-kubernetes-group-version-kind"] = gvk.DeepClone(),
    };

    private static JsonObject Parameter(string name) => new()
    {
        ["name"] = name,
        ["in"] = "query",
        ["description"] = name,
        ["schema"] = new JsonObject { ["type"] = name == "force" ? "boolean" : "string", ["uniqueItems"] = true },
    };

    private static string SchemaName(ResourceType t)
    {
        if (!t.IsCustom)
        {
            var group = t.Group.Length == 0 ? "core" : t.Group.Split('.')[0];
            return $"io.k8s.api.{group}.{t.Version}.{t.Kind}";
        }
        var reversed = string.Join(".", t.Group.Split('.').Reverse());
        return $"{reversed}.{t.Version}.{t.Kind}";
    }

    private static string Hash(JsonObject document) =>
        Convert.ToHexString(SHA512.HashData(Encoding.UTF8.GetBytes(document.Compact())))[..32];
}
