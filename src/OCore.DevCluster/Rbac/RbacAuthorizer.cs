using System.Text.Json.Nodes;
using OCore.DevCluster.Json;
using OCore.DevCluster.Security;
using OCore.DevCluster.Storage;

namespace OCore.DevCluster.Rbac;

/// <summary>RBAC evaluated from the stored Roles, ClusterRoles and bindings on every request.</summary>
internal sealed class RbacAuthorizer(ObjectStore store)
{
    public (bool Allowed, string Reason) Authorize(RequestAttributes request)
    {
        if (request.User.IsMaster)
        {
            return (true, "");
        }
        foreach (var binding in store.ReadShared("clusterrolebindings.rbac.authorization.k8s.io", null))
        {
            if (Matches(binding, request.User, "") && SharedRules(binding, "").Any(r => Allows(r, request)))
            {
                return (true, $"RBAC: allowed by ClusterRoleBinding \"{binding.Name()}\" of ClusterRole \"{binding.ObjectAt("roleRef").GetString("name")}\" to {Describe(request.User)}");
            }
        }
        if (request.Namespace.Length > 0)
        {
            foreach (var binding in store.ReadShared("rolebindings.rbac.authorization.k8s.io", request.Namespace))
            {
                if (Matches(binding, request.User, request.Namespace) && SharedRules(binding, request.Namespace).Any(r => Allows(r, request)))
                {
                    return (true, $"RBAC: allowed by RoleBinding \"{binding.Name()}/{request.Namespace}\" of {binding.ObjectAt("roleRef").GetString("kind")} \"{binding.ObjectAt("roleRef").GetString("name")}\" to {Describe(request.User)}");
                }
            }
        }
        return (false, "");
    }

    /// <summary>All rules that apply to a user in a namespace (for SelfSubjectRulesReview).</summary>
    public List<JsonObject> RulesFor(UserInfo user, string ns)
    {
        var rules = new List<JsonObject>();
        if (user.IsMaster)
        {
            rules.Add(new JsonObject { ["verbs"] = new JsonArray("*"), ["apiGroups"] = new JsonArray("*"), ["resources"] = new JsonArray("*") });
            rules.Add(new JsonObject { ["verbs"] = new JsonArray("*"), ["nonResourceURLs"] = new JsonArray("*") });
        }
        rules.AddRange(store.ReadShared("clusterrolebindings.rbac.authorization.k8s.io", null).Where(b => Matches(b, user, "")).SelectMany(b => SharedRules(b, "")).Select(r => r.CloneObject()));
        rules.AddRange(store.ReadShared("rolebindings.rbac.authorization.k8s.io", ns).Where(b => Matches(b, user, ns)).SelectMany(b => SharedRules(b, ns)).Select(r => r.CloneObject()));
        return rules;
    }

    // Stored roles as they are, not copies: callers that keep a rule copy it.
    private IEnumerable<JsonObject> SharedRules(JsonObject binding, string ns)
    {
        var roleRef = binding.ObjectAt("roleRef");
        var role = roleRef.GetString("kind") == "Role"
            ? store.GetShared("roles.rbac.authorization.k8s.io", ns, roleRef.GetString("name") ?? "")
            : store.GetShared("clusterroles.rbac.authorization.k8s.io", "", roleRef.GetString("name") ?? "");
        return (role?["rules"] as JsonArray ?? []).OfType<JsonObject>();
    }

    private static bool Matches(JsonObject binding, UserInfo user, string bindingNamespace)
    {
        foreach (var subject in (binding["subjects"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var name = subject.GetString("name") ?? "";
            var matched = subject.GetString("kind") switch
            {
                "User" => name == user.Name,
                "Group" => user.Groups.Contains(name),
                "ServiceAccount" => user.Name == $"system:serviceaccount:{subject.GetString("namespace") ?? bindingNamespace}:{name}",
                _ => false,
            };
            if (matched)
            {
                return true;
            }
        }
        return false;
    }

    private static bool Allows(JsonObject rule, RequestAttributes request)
    {
        var verbs = JsonExtensions.StringList(rule["verbs"]);
        if (!verbs.Contains("*") && !verbs.Contains(request.Verb))
        {
            return false;
        }
        if (!request.IsResourceRequest)
        {
            return JsonExtensions.StringList(rule["nonResourceURLs"]).Any(u => u == "*" || u == request.Path || (u.EndsWith('*') && request.Path.StartsWith(u[..^1], StringComparison.Ordinal)));
        }
        var groups = JsonExtensions.StringList(rule["apiGroups"]);
        if (!groups.Contains("*") && !groups.Contains(request.Group))
        {
            return false;
        }
        var resources = JsonExtensions.StringList(rule["resources"]);
        var combined = request.Subresource.Length > 0 ? $"{request.Resource}/{request.Subresource}" : request.Resource;
        if (!resources.Any(r => r == "*" || r == combined || (request.Subresource.Length > 0 && r == $"*/{request.Subresource}")))
        {
            return false;
        }
        var names = JsonExtensions.StringList(rule["resourceNames"]);
        return names.Count == 0 || (request.Name.Length > 0 && names.Contains(request.Name));
    }

    private static string Describe(UserInfo user) =>
        user.Name.StartsWith("system:serviceaccount:", StringComparison.Ordinal) ? $"ServiceAccount \"{user.Name}\"" : $"User \"{user.Name}\"";
}
