using System.Text.Json.Nodes;
using OCore.DevCluster.Http;
using OCore.DevCluster.Json;
using OCore.DevCluster.Resources;

namespace OCore.DevCluster.Crds;

/// <summary>
/// Validates a CustomResourceDefinition, derives the resource types it serves and the status kube-apiserver
/// reports once it is established (synchronously, so kubectl wait and helm see Established at once).
/// </summary>
internal static class CrdRegistration
{
    /// <summary>Checks the CRD and compiles it; throws 422 naming the offending field or CEL rule.</summary>
    public static IReadOnlyList<ResourceType> Compile(ResourceType crdType, JsonObject crd)
    {
        var errors = new List<FieldError>();
        var spec = crd.ObjectAt("spec") ?? new JsonObject();
        var names = spec.ObjectAt("names") ?? new JsonObject();
        var group = spec.GetString("group") ?? "";
        var plural = names.GetString("plural") ?? "";
        var kind = names.GetString("kind") ?? "";
        var scope = spec.GetString("scope") ?? "";
        if (group.Length == 0)
        {
            errors.Add(FieldError.Required("spec.group"));
        }
        if (plural.Length == 0)
        {
            errors.Add(FieldError.Required("spec.names.plural"));
        }
        if (kind.Length == 0)
        {
            errors.Add(FieldError.Required("spec.names.kind"));
        }
        if (scope is not ("Namespaced" or "Cluster"))
        {
            errors.Add(FieldError.NotSupported("spec.scope", $"\"{scope}\"", ["\"Cluster\"", "\"Namespaced\""]));
        }
        if (crd.Name() != $"{plural}.{group}")
        {
            errors.Add(FieldError.InvalidValue("metadata.name", $"\"{crd.Name()}\"", "must be spec.names.plural+\".\"+spec.group"));
        }
        var versions = (spec["versions"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        if (versions.Count == 0)
        {
            errors.Add(FieldError.Required("spec.versions", "must have exactly one version marked as storage version"));
        }
        else if (versions.Count(v => v.GetBool("storage") == true) != 1)
        {
            errors.Add(FieldError.InvalidValue("spec.versions", "[]", "must have exactly one version marked as storage version"));
        }
        var types = new List<ResourceType>();
        for (var i = 0; i < versions.Count; i++)
        {
            var version = versions[i];
            var schema = version.ObjectAt("schema", "openAPIV3Schema");
            if (schema is null)
            {
                errors.Add(FieldError.Required($"spec.versions[{i}].schema.openAPIV3Schema", "schemas are required"));
                continue;
            }
            var rules = CelRuleSet.Compile(schema, $"spec.validation.openAPIV3Schema", errors);
            if (version.GetBool("served") == false)
            {
                continue;
            }
            types.Add(new ResourceType
            {
                Group = group,
                Version = version.GetString("name") ?? "",
                Kind = kind,
                Plural = plural,
                Singular = names.GetString("singular") ?? kind.ToLowerInvariant(),
                Namespaced = scope == "Namespaced",
                ShortNames = JsonExtensions.StringList(names["shortNames"]),
                Categories = JsonExtensions.StringList(names["categories"]),
                HasStatus = version.ObjectAt("subresources", "status") is not null,
                TracksGeneration = true,
                IsCustom = true,
                Schema = (JsonObject)schema.DeepClone(),
                Rules = rules,
                Columns = PrinterColumns(version),
            });
        }
        if (errors.Count > 0)
        {
            throw ApiErrors.Invalid(crdType, crd.Name(), errors);
        }
        return types;
    }

    /// <summary>The status of an accepted CRD: accepted names, stored versions, NamesAccepted and Established.</summary>
    public static JsonObject Status(JsonObject crd, JsonObject? previousStatus, string now)
    {
        var spec = crd.ObjectAt("spec")!;
        var names = (JsonObject)spec.ObjectAt("names")!.DeepClone();
        var kind = names.GetString("kind") ?? "";
        names["singular"] ??= kind.ToLowerInvariant();
        names["listKind"] ??= kind + "List";
        var stored = JsonExtensions.StringList(previousStatus?["storedVersions"]);
        var storage = (spec["versions"] as JsonArray ?? []).OfType<JsonObject>().First(v => v.GetBool("storage") == true).GetString("name")!;
        if (!stored.Contains(storage))
        {
            stored.Add(storage);
        }
        var since = previousStatus?["conditions"]?[0]?["lastTransitionTime"]?.GetValue<string>() ?? now;
        return new JsonObject
        {
            ["conditions"] = new JsonArray(
                Condition("NamesAccepted", "NoConflicts", "no conflicts found", since),
                Condition("Established", "InitialNamesAccepted", "the initial names have been accepted", since)),
            ["acceptedNames"] = names,
            ["storedVersions"] = stored.ToJsonArray(),
        };
    }

    private static JsonObject Condition(string type, string reason, string message, string time) => new()
    {
        ["type"] = type,
        ["status"] = "True",
        ["lastTransitionTime"] = time,
        ["reason"] = reason,
        ["message"] = message,
    };

    private static List<PrinterColumn> PrinterColumns(JsonObject version)
    {
        var definitions = (version["additionalPrinterColumns"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        if (definitions.Count == 0)
        {
            return [Columns.Name(), Columns.Age()];
        }
        var columns = new List<PrinterColumn> { Columns.Name() };
        foreach (var definition in definitions)
        {
            var jsonPath = definition.GetString("jsonPath") ?? "";
            var type = definition.GetString("type") ?? "string";
            columns.Add(new PrinterColumn(definition.GetString("name") ?? jsonPath, type, (int)(definition.GetLong("priority") ?? 0), o => CellValue(o, jsonPath, type))
            {
                Format = definition.GetString("format") ?? "",
                Description = definition.GetString("description") ?? "",
            });
        }
        return columns;
    }

    private static JsonNode? CellValue(JsonObject obj, string jsonPath, string type)
    {
        var results = SimpleJsonPath.Evaluate(obj, jsonPath);
        if (results.Count == 0)
        {
            return null;
        }
        if (type == "date")
        {
            return Columns.AgeOf(results[0] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null);
        }
        return results.Count == 1 ? results[0].DeepClone() : string.Join(",", results.Select(r => Columns.Text(r)));
    }
}
