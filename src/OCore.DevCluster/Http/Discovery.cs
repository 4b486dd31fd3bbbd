using System.Text.Json.Nodes;
using OCore.DevCluster.Json;
using OCore.DevCluster.Resources;

namespace OCore.DevCluster.Http;

/// <summary>Legacy (/api, /apis, APIResourceList) and aggregated (apidiscovery.k8s.io/v2) discovery documents.</summary>
internal sealed class Discovery(ResourceRegistry registry)
{
    public const string AggregatedContentType = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList";

    private static readonly IReadOnlyList<string> StatusVerbs = ["get", "patch", "update"];

    public static JsonObject Version() => new()
    {
        ["major"] = "1",
        ["minor"] = "35",
        ["emulationMajor"] = "1",
        ["emulationMinor"] = "35",
        ["gitVersion"] = "v1.35.0",
        ["gitCommit"] = "devcluster",
        ["gitTreeState"] = "clean",
        ["buildDate"] = "2025-12-17T00:00:00Z",
        ["goVersion"] = "go1.25.5",
        ["compiler"] = "gc",
        ["platform"] = "linux/amd64",
    };

    public static JsonObject CoreVersions(string serverAddress) => new()
    {
        ["kind"] = "APIVersions",
        ["versions"] = new JsonArray("v1"),
        ["serverAddressByClientCIDRs"] = new JsonArray(new JsonObject { ["clientCIDR"] = "0.0.0.0/0", ["serverAddress"] = serverAddress }),
    };

    public JsonObject GroupList() => new()
    {
        ["kind"] = "APIGroupList",
        ["apiVersion"] = "v1",
        ["groups"] = new JsonArray([.. Groups().Where(g => g.Key.Length > 0).Select(g => (JsonNode)GroupJson(g.Key, g.Value))]),
    };

    public JsonObject? Group(string group)
    {
        var groups = Groups();
        if (group.Length == 0 || !groups.TryGetValue(group, out var versions))
        {
            return null;
        }
        var json = GroupJson(group, versions);
        json["kind"] = "APIGroup";
        json["apiVersion"] = "v1";
        return json;
    }

    public JsonObject? ResourceList(string group, string version)
    {
        var types = registry.All().Where(t => t.Group == group && t.Version == version).ToList();
        if (types.Count == 0)
        {
            return null;
        }
        var resources = new JsonArray();
        foreach (var t in types)
        {
            var resource = new JsonObject
            {
                ["name"] = t.Plural,
                ["singularName"] = t.SingularName,
                ["namespaced"] = t.Namespaced,
                ["kind"] = t.Kind,
                ["verbs"] = t.Verbs.ToJsonArray(),
            };
            if (t.ShortNames.Count > 0)
            {
                resource["shortNames"] = t.ShortNames.ToJsonArray();
            }
            if (t.Categories.Count > 0)
            {
                resource["categories"] = t.Categories.ToJsonArray();
            }
            resources.Add(resource);
            foreach (var (sub, verbs) in Subresources(t))
            {
                resources.Add(new JsonObject
                {
                    ["name"] = $"{t.Plural}/{sub}",
                    ["singularName"] = "",
                    ["namespaced"] = t.Namespaced,
                    ["kind"] = sub switch { "log" => "Pod", "token" => "TokenRequest", "scale" => "Scale", _ => t.Kind },
                    ["verbs"] = verbs.ToJsonArray(),
                });
            }
        }
        return new JsonObject
        {
            ["kind"] = "APIResourceList",
            ["apiVersion"] = "v1",
            ["groupVersion"] = group.Length == 0 ? version : $"{group}/{version}",
            ["resources"] = resources,
        };
    }

    /// <summary>Aggregated discovery: the core group for /api, all named groups for /apis.</summary>
    public JsonObject Aggregated(bool core)
    {
        var items = new JsonArray();
        foreach (var (group, versions) in Groups().Where(g => (g.Key.Length == 0) == core))
        {
            var versionArray = new JsonArray();
            foreach (var version in versions)
            {
                var resources = new JsonArray();
                foreach (var t in registry.All().Where(t => t.Group == group && t.Version == version))
                {
                    var resource = new JsonObject
                    {
                        ["resource"] = t.Plural,
                        ["responseKind"] = Gvk(t, t.Kind),
                        ["scope"] = t.Namespaced ? "Namespaced" : "Cluster",
                        ["singularResource"] = t.SingularName,
                        ["verbs"] = t.Verbs.ToJsonArray(),
                    };
                    if (t.ShortNames.Count > 0)
                    {
                        resource["shortNames"] = t.ShortNames.ToJsonArray();
                    }
                    if (t.Categories.Count > 0)
                    {
                        resource["categories"] = t.Categories.ToJsonArray();
                    }
                    var subs = Subresources(t).ToList();
                    if (subs.Count > 0)
                    {
                        resource["subresources"] = new JsonArray([.. subs.Select(s => (JsonNode)new JsonObject
                        {
                            ["subresource"] = s.Name,
                            ["responseKind"] = Gvk(t, s.Name switch { "log" => "Pod", "token" => "TokenRequest", "scale" => "Scale", _ => t.Kind }),
                            ["verbs"] = s.Verbs.ToJsonArray(),
                        })]);
                    }
                    resources.Add(resource);
                }
                versionArray.Add(new JsonObject { ["version"] = version, ["resources"] = resources, ["freshness"] = "Current" });
            }
            items.Add(new JsonObject { ["metadata"] = new JsonObject { ["name"] = group, ["creationTimestamp"] = null }, ["versions"] = versionArray });
        }
        return new JsonObject
        {
            ["kind"] = "APIGroupDiscoveryList",
            ["apiVersion"] = "apidiscovery.k8s.io/v2",
            ["metadata"] = new JsonObject(),
            ["items"] = items,
        };
    }

    public static bool WantsAggregated(string? accept) =>
        accept is not null && accept.Contains("as=APIGroupDiscoveryList", StringComparison.Ordinal) && accept.Contains("v=v2;", StringComparison.Ordinal);

    private static IEnumerable<(string Name, IReadOnlyList<string> Verbs)> Subresources(ResourceType t)
    {
        if (t.HasStatus)
        {
            yield return ("status", StatusVerbs);
        }
        foreach (var sub in t.ExtraSubresources)
        {
            yield return (sub, sub switch { "log" => ["get"], "scale" => StatusVerbs, _ => ["create"] });
        }
    }

    private static JsonObject Gvk(ResourceType t, string kind) =>
        kind switch
        {
            "TokenRequest" => new() { ["group"] = "authentication.k8s.io", ["version"] = "v1", ["kind"] = kind },
            "Scale" => new() { ["group"] = "autoscaling", ["version"] = "v1", ["kind"] = kind },
            _ => new() { ["group"] = t.Group, ["version"] = t.Version, ["kind"] = kind },
        };

    private Dictionary<string, List<string>> Groups()
    {
        var result = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var t in registry.All())
        {
            if (!result.TryGetValue(t.Group, out var versions))
            {
                versions = [];
                result[t.Group] = versions;
            }
            if (!versions.Contains(t.Version))
            {
                versions.Add(t.Version);
            }
        }
        foreach (var versions in result.Values)
        {
            versions.Sort(CompareVersions);
        }
        return result;
    }

    private static JsonObject GroupJson(string group, List<string> versions) => new()
    {
        ["name"] = group,
        ["versions"] = new JsonArray([.. versions.Select(v => (JsonNode)new JsonObject { ["groupVersion"] = $"{group}/{v}", ["version"] = v })]),
        ["preferredVersion"] = new JsonObject { ["groupVersion"] = $"{group}/{versions[0]}", ["version"] = versions[0] },
    };

    /// <summary>Kube version priority: GA before beta before alpha, higher numbers first.</summary>
    private static int CompareVersions(string a, string b) => Rank(b).CompareTo(Rank(a));

    private static (int Stability, int Major, int Minor) Rank(string v)
    {
        var m = System.Text.RegularExpressions.Regex.Match(v, "^v(\\d+)(?:(alpha|beta)(\\d+))?$");
        if (!m.Success)
        {
            return (0, 0, 0);
        }
        var major = int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var minor = m.Groups[3].Success ? int.Parse(m.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
        var stability = m.Groups[2].Value switch { "alpha" => 1, "beta" => 2, _ => 3 };
        return (stability, major, minor);
    }
}
