namespace OCore.DevCluster.Resources;

/// <summary>The built-in kinds DevCluster serves, with their discovery names and printer columns.</summary>
internal static class BuiltInResources
{
    private static readonly string[] All_ = ["all"];
    private static readonly IReadOnlyList<string> CreateOnly = ["create"];

    public static IEnumerable<ResourceType> All()
    {
        yield return Make("", "v1", "Namespace", "namespaces", false, ["ns"], hasStatus: true, columns: BuiltInColumns.Namespaces(), returnsObject: true);
        yield return Make("", "v1", "Secret", "secrets", true, [], columns: BuiltInColumns.Secrets());
        yield return Make("", "v1", "ConfigMap", "configmaps", true, ["cm"], columns: BuiltInColumns.ConfigMaps());
        yield return Make("", "v1", "Service", "services", true, ["svc"], hasStatus: true, categories: All_, columns: BuiltInColumns.Services(), returnsObject: true);
        yield return Make("", "v1", "ServiceAccount", "serviceaccounts", true, ["sa"], columns: BuiltInColumns.ServiceAccounts(), extra: ["token"]);
        yield return Make("", "v1", "Event", "events", true, ["ev"], columns: BuiltInColumns.CoreEvents());
        yield return Make("", "v1", "Pod", "pods", true, ["po"], hasStatus: true, categories: All_, columns: BuiltInColumns.Pods(), extra: ["log"], returnsObject: true, generation: true);
        yield return Make("", "v1", "PersistentVolumeClaim", "persistentvolumeclaims", true, ["pvc"], hasStatus: true, columns: BuiltInColumns.Pvcs());
        yield return Make("apps", "v1", "Deployment", "deployments", true, ["deploy"], hasStatus: true, categories: All_, columns: BuiltInColumns.Deployments(), generation: true, extra: ["scale"]);
        yield return Make("apps", "v1", "ReplicaSet", "replicasets", true, ["rs"], hasStatus: true, categories: All_, columns: BuiltInColumns.ReplicaSets(), generation: true, extra: ["scale"]);
        yield return Make("batch", "v1", "Job", "jobs", true, [], hasStatus: true, categories: All_, columns: BuiltInColumns.Jobs(), generation: true);
        yield return Make("coordination.k8s.io", "v1", "Lease", "leases", true, [], columns: BuiltInColumns.Leases());
        yield return Make("networking.k8s.io", "v1", "Ingress", "ingresses", true, ["ing"], hasStatus: true, columns: BuiltInColumns.Ingresses(), generation: true);
        yield return Make("policy", "v1", "PodDisruptionBudget", "poddisruptionbudgets", true, ["pdb"], hasStatus: true, columns: BuiltInColumns.Pdbs(), generation: true);
        yield return new ResourceType
        {
            Group = "events.k8s.io",
            Version = "v1",
            Kind = "Event",
            Plural = "events",
            Namespaced = true,
            ShortNames = ["ev"],
            Columns = BuiltInColumns.EventsV1(),
            AllowUnconditionalUpdate = true,
            SharedStorage = "events",
            Conversion = new EventsV1Conversion(),
        };
        yield return Make("rbac.authorization.k8s.io", "v1", "Role", "roles", true, [], columns: BuiltInColumns.CreatedAt());
        yield return Make("rbac.authorization.k8s.io", "v1", "RoleBinding", "rolebindings", true, [], columns: BuiltInColumns.Bindings());
        yield return Make("rbac.authorization.k8s.io", "v1", "ClusterRole", "clusterroles", false, [], columns: BuiltInColumns.CreatedAt());
        yield return Make("rbac.authorization.k8s.io", "v1", "ClusterRoleBinding", "clusterrolebindings", false, [], columns: BuiltInColumns.Bindings());
        yield return Make("apiextensions.k8s.io", "v1", "CustomResourceDefinition", "customresourcedefinitions", false, ["crd", "crds"],
            hasStatus: true, categories: ["api-extensions"], columns: BuiltInColumns.CreatedAt(), generation: true, returnsObject: true);
        yield return Review("authentication.k8s.io", "TokenReview", "tokenreviews", false);
        yield return Review("authentication.k8s.io", "SelfSubjectReview", "selfsubjectreviews", false);
        yield return Review("authorization.k8s.io", "SubjectAccessReview", "subjectaccessreviews", false);
        yield return Review("authorization.k8s.io", "SelfSubjectAccessReview", "selfsubjectaccessreviews", false);
        yield return Review("authorization.k8s.io", "LocalSubjectAccessReview", "localsubjectaccessreviews", true);
        yield return Review("authorization.k8s.io", "SelfSubjectRulesReview", "selfsubjectrulesreviews", false);
    }

    private static ResourceType Make(
        string group, string version, string kind, string plural, bool namespaced, string[] shortNames,
        bool hasStatus = false, string[]? categories = null, IReadOnlyList<PrinterColumn>? columns = null,
        string[]? extra = null, bool returnsObject = false, bool generation = false) => new()
        {
            Group = group,
            Version = version,
            Kind = kind,
            Plural = plural,
            Namespaced = namespaced,
            ShortNames = shortNames,
            Categories = categories ?? [],
            HasStatus = hasStatus,
            Columns = columns ?? BuiltInColumns.Default(),
            ExtraSubresources = extra ?? [],
            DeleteReturnsObject = returnsObject,
            TracksGeneration = generation,
            // kube-apiserver's built-in strategies allow updates without resourceVersion.
            AllowUnconditionalUpdate = true,
        };

    private static ResourceType Review(string group, string kind, string plural, bool namespaced) => new()
    {
        Group = group,
        Version = "v1",
        Kind = kind,
        Plural = plural,
        Namespaced = namespaced,
        Verbs = CreateOnly,
        IsReview = true,
    };
}
