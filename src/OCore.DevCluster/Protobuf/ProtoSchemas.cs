namespace OCore.DevCluster.Protobuf;

/// <summary>
/// Field numbers of the Kubernetes messages that typed clients (client-go's clientset, used by helm's release
/// storage and by kubectl create/auth) send as application/vnd.kubernetes.protobuf, from k8s.io/api generated.proto.
/// </summary>
internal static class ProtoSchemas
{
    private static readonly Dictionary<string, Dictionary<int, ProtoField>> Messages = new(StringComparer.Ordinal)
    {
        ["TypeMeta"] = new() { [1] = new("apiVersion", "string"), [2] = new("kind", "string") },
        ["Unknown"] = new() { [1] = new("typeMeta", "message", "TypeMeta"), [2] = new("raw", "bytes"), [3] = new("contentEncoding", "string"), [4] = new("contentType", "string") },
        ["ObjectMeta"] = new()
        {
            [1] = new("name", "string"),
            [2] = new("generateName", "string"),
            [3] = new("namespace", "string"),
            [5] = new("uid", "string"),
            [6] = new("resourceVersion", "string"),
            [7] = new("generation", "int"),
            [8] = new("creationTimestamp", "time"),
            [9] = new("deletionTimestamp", "time"),
            [10] = new("deletionGracePeriodSeconds", "int"),
            [11] = new("labels", "stringMap"),
            [12] = new("annotations", "stringMap"),
            [13] = new("ownerReferences", "messages", "OwnerReference"),
            [14] = new("finalizers", "strings"),
        },
        ["OwnerReference"] = new()
        {
            [1] = new("kind", "string"),
            [3] = new("name", "string"),
            [4] = new("uid", "string"),
            [5] = new("apiVersion", "string"),
            [6] = new("controller", "bool"),
            [7] = new("blockOwnerDeletion", "bool"),
        },
        ["LabelSelector"] = new() { [1] = new("matchLabels", "stringMap"), [2] = new("matchExpressions", "messages", "LabelSelectorRequirement") },
        ["LabelSelectorRequirement"] = new() { [1] = new("key", "string"), [2] = new("operator", "string"), [3] = new("values", "strings") },
        ["Secret"] = new() { [1] = Meta(), [2] = new("data", "bytesMap"), [3] = new("type", "string"), [4] = new("stringData", "stringMap"), [5] = new("immutable", "bool") },
        ["ConfigMap"] = new() { [1] = Meta(), [2] = new("data", "stringMap"), [3] = new("binaryData", "bytesMap"), [4] = new("immutable", "bool") },
        ["Namespace"] = new() { [1] = Meta(), [2] = new("spec", "message", "NamespaceSpec") },
        ["NamespaceSpec"] = new() { [1] = new("finalizers", "strings") },
        ["ServiceAccount"] = new()
        {
            [1] = Meta(),
            [2] = new("secrets", "messages", "ObjectReference"),
            [3] = new("imagePullSecrets", "messages", "LocalObjectReference"),
            [4] = new("automountServiceAccountToken", "bool"),
        },
        ["ObjectReference"] = new() { [1] = new("kind", "string"), [2] = new("namespace", "string"), [3] = new("name", "string"), [4] = new("uid", "string"), [5] = new("apiVersion", "string") },
        ["LocalObjectReference"] = new() { [1] = new("name", "string") },
        ["PolicyRule"] = new()
        {
            [1] = new("verbs", "strings"),
            [2] = new("apiGroups", "strings"),
            [3] = new("resources", "strings"),
            [4] = new("resourceNames", "strings"),
            [5] = new("nonResourceURLs", "strings"),
        },
        ["Role"] = new() { [1] = Meta(), [2] = new("rules", "messages", "PolicyRule") },
        ["ClusterRole"] = new() { [1] = Meta(), [2] = new("rules", "messages", "PolicyRule"), [3] = new("aggregationRule", "message", "AggregationRule") },
        ["AggregationRule"] = new() { [1] = new("clusterRoleSelectors", "messages", "LabelSelector") },
        ["RoleBinding"] = new() { [1] = Meta(), [2] = new("subjects", "messages", "Subject"), [3] = new("roleRef", "message", "RoleRef") },
        ["ClusterRoleBinding"] = new() { [1] = Meta(), [2] = new("subjects", "messages", "Subject"), [3] = new("roleRef", "message", "RoleRef") },
        ["Subject"] = new() { [1] = new("kind", "string"), [2] = new("apiGroup", "string"), [3] = new("name", "string"), [4] = new("namespace", "string") },
        ["RoleRef"] = new() { [1] = new("apiGroup", "string"), [2] = new("kind", "string"), [3] = new("name", "string") },
        ["ResourceAttributes"] = new()
        {
            [1] = new("namespace", "string"),
            [2] = new("verb", "string"),
            [3] = new("group", "string"),
            [4] = new("version", "string"),
            [5] = new("resource", "string"),
            [6] = new("subresource", "string"),
            [7] = new("name", "string"),
        },
        ["NonResourceAttributes"] = new() { [1] = new("path", "string"), [2] = new("verb", "string") },
        ["SelfSubjectAccessReview"] = new() { [1] = Meta(), [2] = new("spec", "message", "SelfSubjectAccessReviewSpec") },
        ["SelfSubjectAccessReviewSpec"] = new()
        {
            [1] = new("resourceAttributes", "message", "ResourceAttributes"),
            [2] = new("nonResourceAttributes", "message", "NonResourceAttributes"),
        },
        ["SubjectAccessReview"] = new() { [1] = Meta(), [2] = new("spec", "message", "SubjectAccessReviewSpec") },
        ["LocalSubjectAccessReview"] = new() { [1] = Meta(), [2] = new("spec", "message", "SubjectAccessReviewSpec") },
        ["SubjectAccessReviewSpec"] = new()
        {
            [1] = new("resourceAttributes", "message", "ResourceAttributes"),
            [2] = new("nonResourceAttributes", "message", "NonResourceAttributes"),
            [3] = new("user", "string"),
            [4] = new("groups", "strings"),
            [6] = new("uid", "string"),
        },
        ["SelfSubjectRulesReview"] = new() { [1] = Meta(), [2] = new("spec", "message", "SelfSubjectRulesReviewSpec") },
        ["SelfSubjectRulesReviewSpec"] = new() { [1] = new("namespace", "string") },
        ["SelfSubjectReview"] = new() { [1] = Meta() },
        ["TokenReview"] = new() { [1] = Meta(), [2] = new("spec", "message", "TokenReviewSpec") },
        ["TokenReviewSpec"] = new() { [1] = new("token", "string"), [2] = new("audiences", "strings") },
        ["TokenRequest"] = new() { [1] = Meta(), [2] = new("spec", "message", "TokenRequestSpec") },
        ["TokenRequestSpec"] = new() { [1] = new("audiences", "strings"), [4] = new("expirationSeconds", "int") },
        ["DeleteOptions"] = new()
        {
            [1] = new("gracePeriodSeconds", "int"),
            [2] = new("preconditions", "message", "Preconditions"),
            [3] = new("orphanDependents", "bool"),
            [4] = new("propagationPolicy", "string"),
            [5] = new("dryRun", "strings"),
        },
        ["Preconditions"] = new() { [1] = new("uid", "string"), [2] = new("resourceVersion", "string") },
    };

    public static Dictionary<int, ProtoField>? For(string message) => Messages.GetValueOrDefault(message);

    private static ProtoField Meta() => new("metadata", "message", "ObjectMeta");
}
