using System.Text.Json.Nodes;
using OCore.DevCluster.Http;
using OCore.DevCluster.Json;
using OCore.DevCluster.Operations;
using OCore.DevCluster.Resources;

namespace OCore.DevCluster.Crds;

/// <summary>What the apiextensions server does to a custom resource on write: prune, default, validate, CEL.</summary>
internal static class CustomResourceAdmission
{
    public static void Admit(ResourceType type, JsonObject obj, JsonObject? old, WriteOptions options)
    {
        if (type.Schema is null)
        {
            return;
        }
        var dropped = SchemaPruner.PruneRoot(obj, type.Schema);
        if (dropped.Count > 0)
        {
            switch (options.FieldValidation)
            {
                case "Strict":
                    throw ApiErrors.BadRequest("strict decoding error: " + string.Join(", ", dropped.Select(d => $"unknown field \"{d}\"")));
                case "Warn":
                    options.Warnings.AddRange(dropped.Select(d => $"unknown field \"{d}\""));
                    break;
            }
        }
        SchemaDefaulter.Apply(obj, type.Schema);
        var errors = SchemaValidator.ValidateRoot(obj, type.Schema);
        errors.AddRange(ValidateMetadataName(obj));
        if (errors.Count == 0 && type.Rules is { IsEmpty: false } rules)
        {
            errors.AddRange(rules.Evaluate(obj, old));
        }
        if (errors.Count > 0)
        {
            throw ApiErrors.Invalid(type, obj.Name(), errors);
        }
    }

    private static IEnumerable<FieldError> ValidateMetadataName(JsonObject obj)
    {
        var name = obj.Name();
        if (name.Length > 253 || !System.Text.RegularExpressions.Regex.IsMatch(name, "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$"))
        {
            yield return FieldError.InvalidValue("metadata.name", $"\"{name}\"",
                "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character");
        }
    }
}
