using System.Text.Json.Nodes;

namespace OCore.DevCluster.Rbac;

/// <summary>Objects a fresh cluster starts with: system namespaces and the bootstrap RBAC policy.</summary>
internal static class BootstrapObjects
{
    public static IEnumerable<(string Plural, string Group, JsonObject Object)> All()
    {
        foreach (var ns in new[] { "default", "kube-system", "kube-public", "kube-node-lease" })
        {
            yield return ("namespaces", "", new JsonObject { ["metadata"] = new JsonObject { ["name"] = ns } });
        }
        yield return ClusterRole("cluster-admin",
            Rule(["*"], ["*"], ["*"]),
            new JsonObject { ["verbs"] = new JsonArray("*"), ["nonResourceURLs"] = new JsonArray("*") });
        yield return ClusterRoleBinding("cluster-admin", "cluster-admin", "system:masters");
        yield return ClusterRole("system:discovery",
            new JsonObject
            {
                ["verbs"] = new JsonArray("get"),
                ["nonResourceURLs"] = new JsonArray("/api", "/api/*", "/apis", "/apis/*", "/healthz", "/livez", "/readyz", "/openapi", "/openapi/*", "/version", "/version/"),
            });
        yield return ClusterRoleBinding("system:discovery", "system:discovery", "system:authenticated");
        yield return ClusterRole("system:basic-user",
            Rule(["authorization.k8s.io"], ["selfsubjectaccessreviews", "selfsubjectrulesreviews"], ["create"]),
            Rule(["authentication.k8s.io"], ["selfsubjectreviews"], ["create"]));
        yield return ClusterRoleBinding("system:basic-user", "system:basic-user", "system:authenticated");
        foreach (var role in UserFacingRoles())
        {
            yield return role;
        }
    }

    /// <summary>
    /// admin, edit and view, built by aggregation as in kube (a condensed version of their rules, for the
    /// kinds DevCluster serves).
    /// </summary>
    private static IEnumerable<(string, string, JsonObject)> UserFacingRoles()
    {
        string[] read = ["get", "list", "watch"];
        string[] write = ["create", "delete", "deletecollection", "patch", "update"];
        string[] coreReadable = ["configmaps", "endpoints", "persistentvolumeclaims", "persistentvolumeclaims/status", "pods", "pods/log", "pods/status", "serviceaccounts", "services", "services/status", "events", "limitranges", "resourcequotas"];
        string[] coreWritable = ["configmaps", "persistentvolumeclaims", "pods", "secrets", "serviceaccounts", "services", "events"];
        string[] apps = ["deployments", "deployments/scale", "deployments/status", "replicasets", "replicasets/scale", "replicasets/status", "statefulsets", "daemonsets"];
        string[] batch = ["jobs", "jobs/status", "cronjobs"];
        yield return Aggregated("view", "aggregate-to-view", "aggregate-to-edit");
        yield return Aggregated("edit", "aggregate-to-edit", "aggregate-to-admin");
        yield return Aggregated("admin", "aggregate-to-admin", null);
        yield return Labelled("system:aggregate-to-view", "aggregate-to-view",
            Rule([""], coreReadable, read),
            Rule([""], ["namespaces", "namespaces/status"], read),
            Rule(["apps"], apps, read),
            Rule(["batch"], batch, read),
            Rule(["networking.k8s.io"], ["ingresses", "ingresses/status", "networkpolicies"], read),
            Rule(["policy"], ["poddisruptionbudgets", "poddisruptionbudgets/status"], read),
            Rule(["events.k8s.io"], ["events"], read));
        yield return Labelled("system:aggregate-to-edit", "aggregate-to-edit",
            Rule([""], ["secrets"], read),
            Rule([""], coreWritable, write),
            Rule([""], ["serviceaccounts"], ["impersonate"]),
            Rule([""], ["serviceaccounts/token"], ["create"]),
            Rule(["apps"], apps, write),
            Rule(["batch"], batch, write),
            Rule(["networking.k8s.io"], ["ingresses", "networkpolicies"], write),
            Rule(["policy"], ["poddisruptionbudgets"], write),
            Rule(["coordination.k8s.io"], ["leases"], [.. read, .. write]));
        yield return Labelled("system:aggregate-to-admin", "aggregate-to-admin",
            Rule(["rbac.authorization.k8s.io"], ["roles", "rolebindings"], [.. read, .. write]),
            Rule(["authorization.k8s.io"], ["localsubjectaccessreviews"], ["create"]));
    }

    private static (string, string, JsonObject) Aggregated(string name, string selects, string? alsoAggregateTo)
    {
        var (plural, group, role) = ClusterRole(name);
        role["aggregationRule"] = new JsonObject
        {
            ["clusterRoleSelectors"] = new JsonArray(new JsonObject { ["matchLabels"] = new JsonObject { [$"rbac.authorization.k8s.io/{selects}"] = "true" } }),
        };
        if (alsoAggregateTo is not null)
        {
            ((JsonObject)role["metadata"]!["labels"]!)[$"rbac.authorization.k8s.io/{alsoAggregateTo}"] = "true";
        }
        return (plural, group, role);
    }

    private static (string, string, JsonObject) Labelled(string name, string aggregateTo, params JsonObject[] rules)
    {
        var (plural, group, role) = ClusterRole(name, rules);
        ((JsonObject)role["metadata"]!["labels"]!)[$"rbac.authorization.k8s.io/{aggregateTo}"] = "true";
        return (plural, group, role);
    }

    private static JsonObject Rule(string[] groups, string[] resources, string[] verbs) => new()
    {
        ["apiGroups"] = new JsonArray([.. groups.Select(g => (JsonNode)g)]),
        ["resources"] = new JsonArray([.. resources.Select(r => (JsonNode)r)]),
        ["verbs"] = new JsonArray([.. verbs.Select(v => (JsonNode)v)]),
    };

    private static (string, string, JsonObject) ClusterRole(string name, params JsonObject[] rules) =>
        ("clusterroles", "rbac.authorization.k8s.io", new JsonObject
        {
            ["metadata"] = new JsonObject { ["name"] = name, ["labels"] = new JsonObject { ["kubernetes.io/bootstrapping"] = "rbac-defaults" } },
            ["rules"] = new JsonArray([.. rules]),
        });

    private static (string, string, JsonObject) ClusterRoleBinding(string name, string role, string group) =>
        ("clusterrolebindings", "rbac.authorization.k8s.io", new JsonObject
        {
            ["metadata"] = new JsonObject { ["name"] = name, ["labels"] = new JsonObject { ["kubernetes.io/bootstrapping"] = "rbac-defaults" } },
            ["roleRef"] = new JsonObject { ["apiGroup"] = "rbac.authorization.k8s.io", ["kind"] = "ClusterRole", ["name"] = role },
            ["subjects"] = new JsonArray(new JsonObject { ["apiGroup"] = "rbac.authorization.k8s.io", ["kind"] = "Group", ["name"] = group }),
        });
}
