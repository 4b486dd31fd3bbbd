using System.Text.Json.Nodes;
using OCore.DevCluster.Json;
using OCore.DevCluster.Operations;
using OCore.DevCluster.Selectors;

namespace OCore.DevCluster.Controllers;

/// <summary>Fills ClusterRoles that have an aggregationRule with the rules of the ClusterRoles their selectors match.</summary>
internal sealed class ClusterRoleAggregator(ResourceOperations operations) : IController
{
    private const string Resource = "clusterroles.rbac.authorization.k8s.io";

    public DateTimeOffset? Reconcile(DateTimeOffset now)
    {
        var roles = operations.Store.ReadShared(Resource, null);
        var type = operations.Registry.FindByGroupResource(Resource)!;
        foreach (var role in roles)
        {
            if (role.ObjectAt("aggregationRule")?["clusterRoleSelectors"] is not JsonArray selectors)
            {
                continue;
            }
            var parsed = selectors.OfType<JsonObject>().Select(LabelSelector.FromObject).ToList();
            var rules = new JsonArray();
            foreach (var source in roles.Where(r => r.Name() != role.Name() && parsed.Any(s => s.Matches(r))).OrderBy(r => r.Name(), StringComparer.Ordinal))
            {
                foreach (var rule in source["rules"] as JsonArray ?? [])
                {
                    if (!rules.Any(existing => JsonNode.DeepEquals(existing, rule)))
                    {
                        rules.Add(rule?.DeepClone());
                    }
                }
            }
            if (!JsonNode.DeepEquals(role["rules"] ?? new JsonArray(), rules))
            {
                operations.Mutate(type, "", role.Name(), copy =>
                {
                    copy["rules"] = rules.DeepClone();
                    return true;
                }, "clusterrole-aggregation-controller");
            }
        }
        return null;
    }
}
