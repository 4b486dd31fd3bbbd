using System.ComponentModel;
using System.Reflection;
using System.Text.Json.Nodes;
using k8s.Models;
using OCore.Api.Schema;

namespace OCore.CrdGen;

/// <summary>Builds the <c>apiextensions.k8s.io/v1</c> CustomResourceDefinition of one kind from its C# type.</summary>
public static class CrdBuilder
{
    public static JsonObject Build(Type kind)
    {
        var entity = kind.GetCustomAttribute<KubernetesEntityAttribute>()
            ?? throw new InvalidOperationException($"{kind.Name} has no [KubernetesEntity]");
        var resource = kind.GetCustomAttribute<CustomResourceAttribute>()
            ?? throw new InvalidOperationException($"{kind.Name} has no [CustomResource]");
        var properties = kind.GetProperties().ToDictionary(p => p.Name);

        var root = new JsonObject
        {
            ["type"] = "object",
            ["description"] = kind.GetCustomAttribute<DescriptionAttribute>()?.Description ?? entity.Kind,
            ["properties"] = new JsonObject
            {
                ["apiVersion"] = new JsonObject { ["type"] = "string" },
                ["kind"] = new JsonObject { ["type"] = "string" },
                ["metadata"] = new JsonObject { ["type"] = "object" },
                ["spec"] = SchemaBuilder.ForType(properties["Spec"].PropertyType),
                ["status"] = SchemaBuilder.ForType(properties["Status"].PropertyType),
            },
            ["required"] = new JsonArray("spec"),
        };

        var version = new JsonObject
        {
            ["name"] = entity.ApiVersion,
            ["served"] = true,
            ["storage"] = true,
            ["subresources"] = new JsonObject { ["status"] = new JsonObject() },
            ["additionalPrinterColumns"] = new JsonArray(kind.GetCustomAttributes<PrinterColumnAttribute>().Select(PrinterColumn).ToArray()),
            ["schema"] = new JsonObject { ["openAPIV3Schema"] = root },
        };

        return new JsonObject
        {
            ["apiVersion"] = "apiextensions.k8s.io/v1",
            ["kind"] = "CustomResourceDefinition",
            ["metadata"] = new JsonObject
            {
                ["name"] = $"{entity.PluralName}.{entity.Group}",
                ["labels"] = new JsonObject { ["app.kubernetes.io/part-of"] = "ocore" },
            },
            ["spec"] = new JsonObject
            {
                ["group"] = entity.Group,
                ["names"] = new JsonObject
                {
                    ["kind"] = entity.Kind,
                    ["listKind"] = entity.Kind + "List",
                    ["plural"] = entity.PluralName,
                    ["singular"] = entity.Kind.ToLowerInvariant(),
                    ["shortNames"] = Strings(resource.ShortNames),
                    ["categories"] = Strings(resource.Categories),
                },
                ["scope"] = "Namespaced",
                ["versions"] = new JsonArray(version),
            },
        };
    }

    /// <summary>The file a kind's CRD is written to, e.g. <c>projects.ocore.io.yaml</c>.</summary>
    public static string FileName(Type kind)
    {
        var entity = kind.GetCustomAttribute<KubernetesEntityAttribute>()!;
        return $"{entity.PluralName}.{entity.Group}.yaml";
    }

    private static JsonNode PrinterColumn(PrinterColumnAttribute column)
    {
        var node = new JsonObject { ["name"] = column.Name, ["type"] = column.Type, ["jsonPath"] = column.JsonPath };
        if (column.Priority != 0)
            node["priority"] = column.Priority;
        if (column.Description is not null)
            node["description"] = column.Description;
        return node;
    }

    private static JsonArray Strings(IEnumerable<string> values) => new(values.Select(v => (JsonNode)v).ToArray());
}
