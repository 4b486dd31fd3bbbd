using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using OCore.DevCluster.Http;
using OCore.DevCluster.Json;
using OCore.DevCluster.Resources;

namespace OCore.DevCluster.Operations;

/// <summary>apimachinery's ObjectMeta validation: name format per kind, label keys and values, annotation size.</summary>
internal static partial class MetadataValidation
{
    private const int MaxAnnotationBytes = 256 * 1024;

    /// <summary>Kinds whose names must be DNS-1123 labels (63 characters, no dots) rather than subdomains.</summary>
    private static readonly HashSet<string> LabelNamed = new(StringComparer.Ordinal) { "namespaces", "services" };

    /// <summary>Kinds whose names are only checked for path safety (RBAC roles may contain ':').</summary>
    private static readonly HashSet<string> PathSegmentNamed = new(StringComparer.Ordinal)
    {
        "roles.rbac.authorization.k8s.io", "clusterroles.rbac.authorization.k8s.io",
        "rolebindings.rbac.authorization.k8s.io", "clusterrolebindings.rbac.authorization.k8s.io",
    };

    public static List<FieldError> Validate(ResourceType type, JsonObject obj)
    {
        var errors = new List<FieldError>();
        var name = obj.Name();
        if (PathSegmentNamed.Contains(type.GroupResource))
        {
            if (name is "." or ".." || name.Contains('/', StringComparison.Ordinal) || name.Contains('%', StringComparison.Ordinal))
            {
                errors.Add(FieldError.InvalidValue("metadata.name", Quote(name), "may not contain '/' or '%' and may not be '.' or '..'"));
            }
        }
        else if (LabelNamed.Contains(type.GroupResource))
        {
            if (name.Length > 63 || !Dns1123Label().IsMatch(name))
            {
                errors.Add(FieldError.InvalidValue("metadata.name", Quote(name),
                    "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character" + (name.Length > 63 ? " (must be no more than 63 characters)" : "")));
            }
        }
        else if (name.Length > 253 || !Dns1123Subdomain().IsMatch(name))
        {
            errors.Add(FieldError.InvalidValue("metadata.name", Quote(name),
                "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character"));
        }
        foreach (var (key, value) in JsonExtensions.StringMap(obj.ObjectAt("metadata", "labels")))
        {
            ValidateQualifiedName($"metadata.labels", key, errors);
            if (value.Length > 63 || (value.Length > 0 && !LabelValue().IsMatch(value)))
            {
                errors.Add(FieldError.InvalidValue("metadata.labels", Quote(value),
                    "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (must be no more than 63 characters)"));
            }
        }
        var annotations = JsonExtensions.StringMap(obj.ObjectAt("metadata", "annotations"));
        foreach (var key in annotations.Keys)
        {
            ValidateQualifiedName("metadata.annotations", key, errors);
        }
        if (annotations.Sum(a => a.Key.Length + a.Value.Length) > MaxAnnotationBytes)
        {
            errors.Add(new FieldError("metadata.annotations", "FieldValueTooLong", $"Too long: must have at most {MaxAnnotationBytes} bytes"));
        }
        return errors;
    }

    private static void ValidateQualifiedName(string field, string key, List<FieldError> errors)
    {
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        var prefix = slash >= 0 ? key[..slash] : "";
        var name = slash >= 0 ? key[(slash + 1)..] : key;
        var prefixOk = slash < 0 || (prefix.Length is > 0 and <= 253 && Dns1123Subdomain().IsMatch(prefix));
        if (!prefixOk || name.Length is 0 or > 63 || !QualifiedNamePart().IsMatch(name))
        {
            errors.Add(FieldError.InvalidValue(field, Quote(key),
                "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character, with an optional DNS subdomain prefix and '/'"));
        }
    }

    private static string Quote(string value) => $"\"{value}\"";

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")]
    private static partial Regex Dns1123Subdomain();

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex Dns1123Label();

    [GeneratedRegex("^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$")]
    private static partial Regex QualifiedNamePart();

    [GeneratedRegex("^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$")]
    private static partial Regex LabelValue();
}
