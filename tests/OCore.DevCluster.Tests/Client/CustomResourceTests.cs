using System.Net;
using System.Text.Json.Nodes;
using k8s;
using k8s.Autorest;
using k8s.Models;
using OCore.DevCluster.Tests.Infrastructure;

namespace OCore.DevCluster.Tests.Client;

/// <summary>CRD registration and custom resource semantics: validation, pruning, defaulting, CEL, status, generation.</summary>
public sealed class CustomResourceTests(ClusterFixture cluster) : IClassFixture<ClusterFixture>, IAsyncLifetime
{
    private readonly Kubernetes _client = cluster.Client;

    public async Task InitializeAsync()
    {
        if (await Exists())
        {
            return;
        }
        await _client.ApiextensionsV1.CreateCustomResourceDefinitionAsync(TestCrds.Widget());
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Crd_is_established_at_once_and_served_in_discovery()
    {
        var crd = await _client.ApiextensionsV1.ReadCustomResourceDefinitionAsync("widgets.example.com");
        Assert.Contains(crd.Status.Conditions, c => c.Type == "Established" && c.Status == "True");
        Assert.Contains(crd.Status.Conditions, c => c.Type == "NamesAccepted" && c.Status == "True");
        Assert.Equal(["v1"], crd.Status.StoredVersions);
        var (status, body, _) = await cluster.Raw.GetAsync("/apis/example.com/v1");
        Assert.Equal(HttpStatusCode.OK, status);
        var widgets = body!["resources"]!.AsArray().First(r => r!["name"]!.GetValue<string>() == "widgets")!;
        Assert.Equal("wd", widgets["shortNames"]![0]!.GetValue<string>());
        Assert.Equal("examples", widgets["categories"]![0]!.GetValue<string>());
        Assert.Contains(body["resources"]!.AsArray(), r => r!["name"]!.GetValue<string>() == "widgets/status");
    }

    [Fact]
    public async Task Create_sets_generation_and_applies_defaults()
    {
        var ns = await cluster.NewNamespaceAsync("cr");
        var created = await Create(ns, "w", new JsonObject { ["size"] = 3 });
        Assert.Equal(1, created["metadata"]!["generation"]!.GetValue<long>());
        Assert.Equal("blue", created["spec"]!["color"]!.GetValue<string>());
    }

    [Fact]
    public async Task Unknown_fields_are_pruned_unless_preserved()
    {
        var ns = await cluster.NewNamespaceAsync("prune");
        var created = await Create(ns, "w", new JsonObject { ["size"] = 3, ["bogus"] = 1, ["extra"] = new JsonObject { ["free"] = "kept" } });
        Assert.Null(created["spec"]!["bogus"]);
        Assert.Equal("kept", created["spec"]!["extra"]!["free"]!.GetValue<string>());
    }

    [Fact]
    public async Task Strict_field_validation_rejects_unknown_fields()
    {
        var ns = await cluster.NewNamespaceAsync("strict");
        var (status, body, _) = await cluster.Raw.SendAsync(HttpMethod.Post, $"/apis/example.com/v1/namespaces/{ns}/widgets?fieldValidation=Strict",
            """{"apiVersion":"example.com/v1","kind":"Widget","metadata":{"name":"w"},"spec":{"size":1,"bogus":true}}""");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("unknown field \"spec.bogus\"", body!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Schema_violations_are_Invalid_422_with_causes_naming_the_fields()
    {
        var ns = await cluster.NewNamespaceAsync("invalid");
        var e = await Assert.ThrowsAsync<HttpOperationException>(() => Create(ns, "w", new JsonObject { ["size"] = 0, ["color"] = "green", ["name"] = "UPPER", ["tags"] = new JsonArray("a", "a") }));
        Assert.Equal((HttpStatusCode)422, e.Response.StatusCode);
        var status = JsonNode.Parse(e.Response.Content)!;
        Assert.Equal("Invalid", status["reason"]!.GetValue<string>());
        Assert.Equal("Widget", status["details"]!["kind"]!.GetValue<string>());
        var fields = status["details"]!["causes"]!.AsArray().Select(c => c!["field"]!.GetValue<string>()).ToList();
        Assert.Contains("spec.size", fields);
        Assert.Contains("spec.color", fields);
        Assert.Contains("spec.name", fields);
        Assert.Contains("spec.tags[1]", fields);
    }

    [Fact]
    public async Task Missing_required_field_is_Invalid()
    {
        var ns = await cluster.NewNamespaceAsync("req");
        var e = await Assert.ThrowsAsync<HttpOperationException>(() => Create(ns, "w", new JsonObject { ["color"] = "red" }));
        Assert.Equal((HttpStatusCode)422, e.Response.StatusCode);
        Assert.Contains("spec.size: Required value", JsonNode.Parse(e.Response.Content)!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cel_rules_are_enforced()
    {
        var ns = await cluster.NewNamespaceAsync("cel");
        var e = await Assert.ThrowsAsync<HttpOperationException>(() => Create(ns, "w", new JsonObject { ["size"] = 20, ["color"] = "blue" }));
        Assert.Equal((HttpStatusCode)422, e.Response.StatusCode);
        Assert.Contains("big widgets must be red", e.Response.Content, StringComparison.Ordinal);
        var ok = await Create(ns, "w2", new JsonObject { ["size"] = 20, ["color"] = "red" });
        Assert.Equal(20, ok["spec"]!["size"]!.GetValue<long>());
    }

    [Fact]
    public async Task Crd_with_an_uncompilable_rule_is_rejected_naming_the_rule()
    {
        var crd = TestCrds.Widget("self.size <= ");
        crd.Metadata.Name = "gizmos.example.com";
        crd.Spec.Names = new V1CustomResourceDefinitionNames { Plural = "gizmos", Kind = "Gizmo" };
        var e = await Assert.ThrowsAsync<HttpOperationException>(() => _client.ApiextensionsV1.CreateCustomResourceDefinitionAsync(crd));
        Assert.Equal((HttpStatusCode)422, e.Response.StatusCode);
        var message = JsonNode.Parse(e.Response.Content)!["message"]!.GetValue<string>();
        Assert.Contains("x-kubernetes-validations[0].rule", message, StringComparison.Ordinal);
        Assert.Contains("self.size <= ", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Custom_resource_PUT_without_resourceVersion_is_Invalid()
    {
        var ns = await cluster.NewNamespaceAsync("put");
        await Create(ns, "w", new JsonObject { ["size"] = 1 });
        var (status, body, _) = await cluster.Raw.SendAsync(HttpMethod.Put, $"/apis/example.com/v1/namespaces/{ns}/widgets/w",
            """{"apiVersion":"example.com/v1","kind":"Widget","metadata":{"name":"w"},"spec":{"size":2}}""");
        Assert.Equal((HttpStatusCode)422, status);
        Assert.Contains("must be specified for an update", body!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Custom_resource_body_without_kind_is_BadRequest()
    {
        var ns = await cluster.NewNamespaceAsync("nokind");
        var (status, _, _) = await cluster.Raw.SendAsync(HttpMethod.Post, $"/apis/example.com/v1/namespaces/{ns}/widgets", """{"metadata":{"name":"w"},"spec":{"size":1}}""");
        Assert.Equal(HttpStatusCode.BadRequest, status);
    }

    [Fact]
    public async Task Generation_bumps_on_spec_changes_only()
    {
        var ns = await cluster.NewNamespaceAsync("gen");
        await Create(ns, "w", new JsonObject { ["size"] = 1 });
        var labelled = await Patch(ns, "w", """{"metadata":{"labels":{"a":"b"}}}""");
        Assert.Equal(1, labelled["metadata"]!["generation"]!.GetValue<long>());
        var resized = await Patch(ns, "w", """{"spec":{"size":2}}""");
        Assert.Equal(2, resized["metadata"]!["generation"]!.GetValue<long>());
    }

    [Fact]
    public async Task Status_subresource_is_isolated_from_the_main_resource()
    {
        var ns = await cluster.NewNamespaceAsync("status");
        var created = await Create(ns, "w", new JsonObject { ["size"] = 1 });
        var withStatus = (JsonObject)created.DeepClone();
        withStatus["status"] = new JsonObject { ["phase"] = "Ready" };
        withStatus["spec"]!["size"] = 5;
        var (code, afterStatus, _) = await cluster.Raw.SendAsync(HttpMethod.Put, $"/apis/example.com/v1/namespaces/{ns}/widgets/w/status", withStatus.ToJsonString());
        Assert.Equal(HttpStatusCode.OK, code);
        Assert.Equal("Ready", afterStatus!["status"]!["phase"]!.GetValue<string>());
        Assert.Equal(1, afterStatus["spec"]!["size"]!.GetValue<long>());
        Assert.Equal(1, afterStatus["metadata"]!["generation"]!.GetValue<long>());

        var mainUpdate = (JsonObject)afterStatus.DeepClone();
        mainUpdate["status"] = new JsonObject { ["phase"] = "Overwritten" };
        mainUpdate["spec"]!["size"] = 2;
        var (_, afterMain, _) = await cluster.Raw.SendAsync(HttpMethod.Put, $"/apis/example.com/v1/namespaces/{ns}/widgets/w", mainUpdate.ToJsonString());
        Assert.Equal("Ready", afterMain!["status"]!["phase"]!.GetValue<string>());
        Assert.Equal(2, afterMain["metadata"]!["generation"]!.GetValue<long>());

        var stale = (JsonObject)created.DeepClone();
        stale["status"] = new JsonObject { ["phase"] = "Stale" };
        var (staleCode, _, _) = await cluster.Raw.SendAsync(HttpMethod.Put, $"/apis/example.com/v1/namespaces/{ns}/widgets/w/status", stale.ToJsonString());
        Assert.Equal(HttpStatusCode.Conflict, staleCode);
    }

    [Fact]
    public async Task Create_drops_status()
    {
        var ns = await cluster.NewNamespaceAsync("dropstatus");
        var body = Widget("w", new JsonObject { ["size"] = 1 });
        body["status"] = new JsonObject { ["phase"] = "Nope" };
        var created = await _client.CustomObjects.CreateNamespacedCustomObjectAsync<JsonObject>(body, "example.com", "v1", ns, "widgets");
        Assert.Null(created["status"]);
    }

    [Fact]
    public async Task Generic_client_round_trips_custom_resources()
    {
        var ns = await cluster.NewNamespaceAsync("generic");
        using var generic = new GenericClient(_client, "example.com", "v1", "widgets", disposeClient: false);
        await Create(ns, "a", new JsonObject { ["size"] = 1 });
        await Create(ns, "b", new JsonObject { ["size"] = 2 });
        var list = await generic.ListNamespacedAsync<CustomResourceList<Widget>>(ns);
        Assert.Equal(["a", "b"], list.Items.Select(i => i.Metadata.Name));
        var one = await generic.ReadNamespacedAsync<Widget>(ns, "b");
        Assert.Equal(2, one.Spec!.Size);
    }

    [Fact]
    public async Task Strategic_merge_patch_on_a_custom_resource_is_UnsupportedMediaType()
    {
        var ns = await cluster.NewNamespaceAsync("smp");
        await Create(ns, "w", new JsonObject { ["size"] = 1 });
        var (status, _, _) = await cluster.Raw.SendAsync(HttpMethod.Patch, $"/apis/example.com/v1/namespaces/{ns}/widgets/w", """{"spec":{"size":2}}""", "application/strategic-merge-patch+json");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, status);
    }

    private async Task<bool> Exists()
    {
        var list = await _client.ApiextensionsV1.ListCustomResourceDefinitionAsync();
        return list.Items.Any(i => i.Metadata.Name == "widgets.example.com");
    }

    private Task<JsonObject> Create(string ns, string name, JsonObject spec) =>
        _client.CustomObjects.CreateNamespacedCustomObjectAsync<JsonObject>(Widget(name, spec), "example.com", "v1", ns, "widgets");

    private Task<JsonObject> Patch(string ns, string name, string mergePatch) =>
        _client.CustomObjects.PatchNamespacedCustomObjectAsync<JsonObject>(new V1Patch(mergePatch, V1Patch.PatchType.MergePatch), "example.com", "v1", ns, "widgets", name);

    private static JsonObject Widget(string name, JsonObject spec) => new()
    {
        ["apiVersion"] = "example.com/v1",
        ["kind"] = "Widget",
        ["metadata"] = new JsonObject { ["name"] = name },
        ["spec"] = spec,
    };
}
