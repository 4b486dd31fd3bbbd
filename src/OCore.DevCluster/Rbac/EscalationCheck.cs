using System.Text.Json.Nodes;
using OCore.DevCluster.Http;
using OCore.DevCluster.Json;
using OCore.DevCluster.Resources;
using OCore.DevCluster.Security;
using OCore.DevCluster.Storage;

namespace OCore.DevCluster.Rbac;

/// <summary>
/// RBAC's privilege-escalation prevention: writing a Role or ClusterRole needs every permission it grants
/// (or the "escalate" verb), and writing a binding needs every permission of the referenced role (or "bind").
/// </summary>
internal sealed class EscalationCheck(RbacAuthorizer authorizer, ObjectStore store)
{
    private const string Group = "rbac.authorization.k8s.io";

    public void Check(UserInfo user, ResourceType type, JsonObject obj)
    {
        if (type.Group != Group || user.IsMaster)
        {
            return;
        }
        var ns = obj.Namespace();
        switch (type.Plural)
        {
            case "roles" or "clusterroles" when !Allowed(user, "escalate", type.Plural, ns, obj.Name()):
                EnsureHeld(user, type, obj, Rules(obj), ns);
                break;
            case "rolebindings" or "clusterrolebindings":
                var roleRef = obj.ObjectAt("roleRef");
                var roleKind = roleRef.GetString("kind") == "Role" ? "roles" : "clusterroles";
                var roleName = roleRef.GetString("name") ?? "";
                // The bind permission is checked in the binding's namespace, even for a referenced ClusterRole.
                if (!Allowed(user, "bind", roleKind, ns, roleName))
                {
                    var role = store.Get($"{roleKind}.{Group}", roleKind == "roles" ? ns : "", roleName);
                    EnsureHeld(user, type, obj, role is null ? [] : Rules(role), ns);
                }
                break;
        }
    }

    private void EnsureHeld(UserInfo user, ResourceType type, JsonObject obj, IEnumerable<JsonObject> rules, string ns)
    {
        var missing = rules.Where(rule => !Held(user, rule, ns)).ToList();
        if (missing.Count == 0)
        {
            return;
        }
        var described = string.Join("\n", missing.Select(Describe));
        throw ApiErrors.Forbidden(
            $"{type.GroupResource} \"{obj.Name()}\" is forbidden: user \"{user.Name}\" (groups=[{string.Join(" ", user.Groups.Select(g => $"\"{g}\""))}]) is attempting to grant RBAC permissions not currently held:\n{described}",
            new JsonObject { ["name"] = obj.Name(), ["group"] = type.Group, ["kind"] = type.Plural });
    }

    /// <summary>Whether the user holds every verb/resource/name combination the rule grants (wildcards literally).</summary>
    private bool Held(UserInfo user, JsonObject rule, string ns)
    {
        var verbs = JsonExtensions.StringList(rule["verbs"]);
        if (rule["nonResourceURLs"] is JsonArray urls)
        {
            return JsonExtensions.StringList(urls).All(url => verbs.All(verb =>
                authorizer.Authorize(new RequestAttributes(user, verb, false, "", "", "", "", "", url)).Allowed));
        }
        var names = JsonExtensions.StringList(rule["resourceNames"]);
        if (names.Count == 0)
        {
            names.Add("");
        }
        return JsonExtensions.StringList(rule["apiGroups"]).All(group =>
            JsonExtensions.StringList(rule["resources"]).All(resource =>
                verbs.All(verb => names.All(name =>
                {
                    var slash = resource.IndexOf('/', StringComparison.Ordinal);
                    var (plural, sub) = slash < 0 ? (resource, "") : (resource[..slash], resource[(slash + 1)..]);
                    return authorizer.Authorize(new RequestAttributes(user, verb, true, group, plural, sub, ns, name, "")).Allowed;
                }))));
    }

    private bool Allowed(UserInfo user, string verb, string resource, string ns, string name) =>
        authorizer.Authorize(new RequestAttributes(user, verb, true, Group, resource, "", ns, name, "")).Allowed;

    private static IEnumerable<JsonObject> Rules(JsonObject role) => (role["rules"] as JsonArray ?? []).OfType<JsonObject>();

    private static string Describe(JsonObject rule)
    {
        static string List(string name, JsonNode? values) =>
            values is JsonArray { Count: > 0 } array ? $"{name}:[{string.Join(" ", JsonExtensions.StringList(array).Select(v => $"\"{v}\""))}]" : "";
        var parts = new[]
        {
            List("APIGroups", rule["apiGroups"]), List("Resources", rule["resources"]), List("ResourceNames", rule["resourceNames"]),
            List("NonResourceURLs", rule["nonResourceURLs"]), List("Verbs", rule["verbs"]),
        };
        return "{" + string.Join(", ", parts.Where(p => p.Length > 0)) + "}";
    }
}
