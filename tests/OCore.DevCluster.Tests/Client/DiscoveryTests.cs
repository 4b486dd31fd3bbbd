using System.Net;
using k8s;
using OCore.DevCluster.Tests.Infrastructure;

namespace OCore.DevCluster.Tests.Client;

/// <summary>Version, discovery (legacy and aggregated), OpenAPI v3 and Table output.</summary>
public sealed class DiscoveryTests(ClusterFixture cluster) : IClassFixture<ClusterFixture>
{
    [Fact]
    public async Task Version_reports_a_kube_version()
    {
        var version = await cluster.Client.Version.GetCodeAsync();
        Assert.Equal("1", version.Major);
        Assert.StartsWith("v1.", version.GitVersion, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Legacy_discovery_lists_groups_and_resources()
    {
        var (_, api, _) = await cluster.Raw.GetAsync("/api");
        Assert.Equal("APIVersions", api!["kind"]!.GetValue<string>());
        var (_, apis, _) = await cluster.Raw.GetAsync("/apis");
        var groups = apis!["groups"]!.AsArray().Select(g => g!["name"]!.GetValue<string>()).ToList();
        Assert.Contains("apps", groups);
        Assert.DoesNotContain("", groups);
        var (_, core, _) = await cluster.Raw.GetAsync("/api/v1");
        var pods = core!["resources"]!.AsArray().First(r => r!["name"]!.GetValue<string>() == "pods")!;
        Assert.Equal("po", pods["shortNames"]![0]!.GetValue<string>());
        Assert.Contains("all", pods["categories"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.Contains(core["resources"]!.AsArray(), r => r!["name"]!.GetValue<string>() == "pods/log");
    }

    [Fact]
    public async Task Aggregated_discovery_is_served_when_asked_for()
    {
        var (status, body, response) = await cluster.Raw.GetAsync("/apis", "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("as=APIGroupDiscoveryList", response.Content.Headers.ContentType!.ToString(), StringComparison.Ordinal);
        Assert.Equal("APIGroupDiscoveryList", body!["kind"]!.GetValue<string>());
        var apps = body["items"]!.AsArray().First(i => i!["metadata"]!["name"]!.GetValue<string>() == "apps")!;
        var deployments = apps["versions"]![0]!["resources"]!.AsArray().First(r => r!["resource"]!.GetValue<string>() == "deployments")!;
        Assert.Equal("Namespaced", deployments["scope"]!.GetValue<string>());
        Assert.Equal("status", deployments["subresources"]![0]!["subresource"]!.GetValue<string>());
    }

    [Fact]
    public async Task OpenApi_v3_documents_declare_field_validation_and_kinds()
    {
        var (_, index, _) = await cluster.Raw.GetAsync("/openapi/v3");
        var url = index!["paths"]!["apis/apps/v1"]!["serverRelativeURL"]!.GetValue<string>();
        var (status, doc, _) = await cluster.Raw.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, status);
        var patch = doc!["paths"]!["/apis/apps/v1/namespaces/{namespace}/deployments/{name}"]!["patch"]!;
        Assert.Contains(patch["parameters"]!.AsArray(), p => p!["name"]!.GetValue<string>() == "fieldValidation");
        Assert.Equal("Deployment", patch["x-kubernetes-group-version-kind"]!["kind"]!.GetValue<string>());
    }

    [Fact]
    public async Task Table_output_uses_printer_columns()
    {
        var (status, table, _) = await cluster.Raw.GetAsync("/api/v1/namespaces", "application/json;as=Table;v=v1;g=meta.k8s.io,application/json");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Table", table!["kind"]!.GetValue<string>());
        Assert.Equal(["Name", "Status", "Age"], table["columnDefinitions"]!.AsArray().Select(c => c!["name"]!.GetValue<string>()));
        var row = table["rows"]!.AsArray().First(r => r!["cells"]![0]!.GetValue<string>() == "default")!;
        Assert.Equal("Active", row["cells"]![1]!.GetValue<string>());
        Assert.Equal("PartialObjectMetadata", row["object"]!["kind"]!.GetValue<string>());
    }

    [Fact]
    public async Task Label_and_field_selectors_filter_lists()
    {
        var ns = await cluster.NewNamespaceAsync("sel");
        foreach (var (name, labels) in new[] { ("a", """{"env":"prod","tier":"web"}"""), ("b", """{"env":"dev"}"""), ("c", "{}") })
        {
            await cluster.Raw.SendAsync(HttpMethod.Post, $"/api/v1/namespaces/{ns}/configmaps", "{\"metadata\":{\"name\":\"" + name + "\",\"labels\":" + labels + "}}");
        }
        async Task<List<string>> Names(string query)
        {
            var (_, list, _) = await cluster.Raw.GetAsync($"/api/v1/namespaces/{ns}/configmaps?{query}");
            return [.. list!["items"]!.AsArray().Select(i => i!["metadata"]!["name"]!.GetValue<string>())];
        }
        Assert.Equal(["a"], await Names("labelSelector=env%3Dprod"));
        Assert.Equal(["a"], await Names("labelSelector=env%3D%3Dprod"));
        Assert.Equal(["b", "c"], await Names("labelSelector=env!%3Dprod"));
        Assert.Equal(["a", "b"], await Names("labelSelector=env%20in%20(prod,dev)"));
        Assert.Equal(["b", "c"], await Names("labelSelector=env%20notin%20(prod)"));
        Assert.Equal(["a", "b"], await Names("labelSelector=env"));
        Assert.Equal(["c"], await Names("labelSelector=!env"));
        Assert.Equal(["a"], await Names("labelSelector=env%3Dprod,tier%3Dweb"));
        Assert.Equal(["b"], await Names("fieldSelector=metadata.name%3Db"));
        Assert.Equal(["a", "c"], await Names("fieldSelector=metadata.name!%3Db"));
        var (bad, _, _) = await cluster.Raw.GetAsync($"/api/v1/namespaces/{ns}/configmaps?fieldSelector=data.x%3D1");
        Assert.Equal(HttpStatusCode.BadRequest, bad);
    }

    [Fact]
    public async Task Unknown_paths_are_NotFound_status()
    {
        var (status, body, _) = await cluster.Raw.GetAsync("/apis/nothing.example/v1/things");
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("the server could not find the requested resource", body!["message"]!.GetValue<string>());
    }
}
