namespace OCore.DevCluster.Patching;

/// <summary>
/// patchMergeKey / patchStrategy of the built-in types' lists (from the Kubernetes API struct tags),
/// keyed by field name; "ports" depends on whether it is a container's or a Service's.
/// </summary>
internal static class MergeKeys
{
    private static readonly Dictionary<string, string> Keys = new(StringComparer.Ordinal)
    {
        ["containers"] = "name",
        ["initContainers"] = "name",
        ["ephemeralContainers"] = "name",
        ["env"] = "name",
        ["volumes"] = "name",
        ["volumeMounts"] = "mountPath",
        ["volumeDevices"] = "devicePath",
        ["imagePullSecrets"] = "name",
        ["conditions"] = "type",
        ["ownerReferences"] = "uid",
        ["hostAliases"] = "ip",
        ["topologySpreadConstraints"] = "topologyKey",
        ["secrets"] = "name",
        ["resourceClaims"] = "name",
        ["containerStatuses"] = "name",
        ["initContainerStatuses"] = "name",
    };

    /// <summary>Lists of scalars that merge as sets instead of being replaced.</summary>
    private static readonly HashSet<string> PrimitiveMergeLists = new(StringComparer.Ordinal) { "finalizers" };

    /// <summary>The merge key for a list field, or null when the list is replaced wholesale.</summary>
    public static string? For(IReadOnlyList<string> path, string field)
    {
        if (field == "ports")
        {
            return path.Contains("containers") || path.Contains("initContainers") ? "containerPort" : "port";
        }
        return Keys.GetValueOrDefault(field);
    }

    public static bool IsPrimitiveMergeList(string field) => PrimitiveMergeLists.Contains(field);
}
