using k8s.Models;

namespace OCore.DevCluster.Tests.Infrastructure;

/// <summary>A namespaced "Widget" CRD with a status subresource, validation, defaults, CEL and printer columns.</summary>
public static class TestCrds
{
    public const string Group = "example.com";
    public const string Plural = "widgets";

    public static V1CustomResourceDefinition Widget(string? celRule = "self.size <= 10 || self.color == 'red'") => new()
    {
        Metadata = new V1ObjectMeta { Name = $"{Plural}.{Group}" },
        Spec = new V1CustomResourceDefinitionSpec
        {
            Group = Group,
            Scope = "Namespaced",
            Names = new V1CustomResourceDefinitionNames
            {
                Plural = Plural,
                Singular = "widget",
                Kind = "Widget",
                ShortNames = ["wd"],
                Categories = ["examples"],
            },
            Versions =
            [
                new V1CustomResourceDefinitionVersion
                {
                    Name = "v1",
                    Served = true,
                    Storage = true,
                    Subresources = new V1CustomResourceSubresources { Status = new object() },
                    AdditionalPrinterColumns =
                    [
                        new V1CustomResourceColumnDefinition { Name = "Size", Type = "integer", JsonPath = ".spec.size" },
                        new V1CustomResourceColumnDefinition { Name = "Ready", Type = "string", JsonPath = ".status.conditions[?(@.type==\"Ready\")].status" },
                        new V1CustomResourceColumnDefinition { Name = "Color", Type = "string", JsonPath = ".spec.color", Priority = 1 },
                    ],
                    Schema = new V1CustomResourceValidation { OpenAPIV3Schema = Schema(celRule) },
                },
            ],
        },
    };

    private static V1JSONSchemaProps Schema(string? celRule) => new()
    {
        Type = "object",
        Properties = new Dictionary<string, V1JSONSchemaProps>
        {
            ["spec"] = new()
            {
                Type = "object",
                Required = ["size"],
                XKubernetesValidations = celRule is null ? null : [new V1ValidationRule { Rule = celRule, Message = "big widgets must be red" }],
                Properties = new Dictionary<string, V1JSONSchemaProps>
                {
                    ["size"] = new() { Type = "integer", Minimum = 1 },
                    ["color"] = new() { Type = "string", EnumProperty = ["red", "blue"], DefaultProperty = "blue" },
                    ["name"] = new() { Type = "string", Pattern = "^[a-z]+$", MaxLength = 10 },
                    ["tags"] = new() { Type = "array", Items = new V1JSONSchemaProps { Type = "string" }, XKubernetesListType = "set" },
                    ["extra"] = new() { Type = "object", XKubernetesPreserveUnknownFields = true },
                },
            },
            ["status"] = new()
            {
                Type = "object",
                Properties = new Dictionary<string, V1JSONSchemaProps>
                {
                    ["phase"] = new() { Type = "string" },
                    ["conditions"] = new()
                    {
                        Type = "array",
                        Items = new V1JSONSchemaProps
                        {
                            Type = "object",
                            Properties = new Dictionary<string, V1JSONSchemaProps>
                            {
                                ["type"] = new() { Type = "string" },
                                ["status"] = new() { Type = "string" },
                            },
                        },
                    },
                },
            },
        },
    };
}
