using System.Net;
using System.Text.Json.Nodes;
using k8s;
using k8s.Autorest;
using k8s.Models;
using OCore.DevCluster.Tests.Infrastructure;

namespace OCore.DevCluster.Tests.Client;

/// <summary>Create/get/list/update/delete semantics through the typed KubernetesClient.</summary>
public sealed class CrudTests(ClusterFixture cluster) : IClassFixture<ClusterFixture>
{
    private readonly Kubernetes _client = cluster.Client;

    [Fact]
    public async Task Create_sets_server_metadata_and_get_returns_it()
    {
        var ns = await cluster.NewNamespaceAsync("crud");
        var created = await _client.CoreV1.CreateNamespacedConfigMapAsync(Cm("a", "1"), ns);

        Assert.False(string.IsNullOrEmpty(created.Metadata.Uid));
        Assert.Matches("^[0-9]+$", created.Metadata.ResourceVersion);
        Assert.NotNull(created.Metadata.CreationTimestamp);
        var fetched = await _client.CoreV1.ReadNamespacedConfigMapAsync("a", ns);
        Assert.Equal("1", fetched.Data["k"]);
        Assert.Equal(created.Metadata.ResourceVersion, fetched.Metadata.ResourceVersion);
    }

    [Fact]
    public async Task ResourceVersion_is_one_global_counter_and_lists_report_it()
    {
        var ns = await cluster.NewNamespaceAsync("rv");
        var a = await _client.CoreV1.CreateNamespacedConfigMapAsync(Cm("a", "1"), ns);
        var b = await _client.CoreV1.CreateNamespacedSecretAsync(new V1Secret { Metadata = new V1ObjectMeta { Name = "s" } }, ns);
        Assert.True(long.Parse(b.Metadata.ResourceVersion) > long.Parse(a.Metadata.ResourceVersion));
        var list = await _client.CoreV1.ListNamespacedConfigMapAsync(ns);
        Assert.True(long.Parse(list.Metadata.ResourceVersion) >= long.Parse(b.Metadata.ResourceVersion));
        Assert.Single(list.Items);
    }

    [Fact]
    public async Task Creating_an_existing_object_is_AlreadyExists_409()
    {
        var ns = await cluster.NewNamespaceAsync("dup");
        await _client.CoreV1.CreateNamespacedConfigMapAsync(Cm("a", "1"), ns);
        var e = await Assert.ThrowsAsync<HttpOperationException>(() => _client.CoreV1.CreateNamespacedConfigMapAsync(Cm("a", "1"), ns));
        Assert.Equal(HttpStatusCode.Conflict, e.Response.StatusCode);
        var status = JsonNode.Parse(e.Response.Content)!;
        Assert.Equal("AlreadyExists", status["reason"]!.GetValue<string>());
        Assert.Equal("configmaps \"a\" already exists", status["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Missing_object_is_NotFound_with_plural_kind_in_details()
    {
        var ns = await cluster.NewNamespaceAsync("nf");
        var (status, body, _) = await cluster.Raw.GetAsync($"/apis/apps/v1/namespaces/{ns}/deployments/nope");
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("Status", body!["kind"]!.GetValue<string>());
        Assert.Equal("Failure", body["status"]!.GetValue<string>());
        Assert.Equal("deployments.apps \"nope\" not found", body["message"]!.GetValue<string>());
        Assert.Equal("deployments", body["details"]!["kind"]!.GetValue<string>());
        Assert.Equal("apps", body["details"]!["group"]!.GetValue<string>());
        Assert.Equal(404, body["code"]!.GetValue<int>());
    }

    [Fact]
    public async Task Stale_resourceVersion_on_update_is_Conflict_409()
    {
        var ns = await cluster.NewNamespaceAsync("stale");
        var created = await _client.CoreV1.CreateNamespacedConfigMapAsync(Cm("a", "1"), ns);
        created.Data["k"] = "2";
        await _client.CoreV1.ReplaceNamespacedConfigMapAsync(created, "a", ns);
        created.Data["k"] = "3";
        var e = await Assert.ThrowsAsync<HttpOperationException>(() => _client.CoreV1.ReplaceNamespacedConfigMapAsync(created, "a", ns));
        Assert.Equal(HttpStatusCode.Conflict, e.Response.StatusCode);
        Assert.StartsWith("Operation cannot be fulfilled on configmaps \"a\": the object has been modified", Message(e), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConfigMap_update_without_resourceVersion_is_allowed()
    {
        var ns = await cluster.NewNamespaceAsync("uncond");
        await _client.CoreV1.CreateNamespacedConfigMapAsync(Cm("a", "1"), ns);
        var updated = await _client.CoreV1.ReplaceNamespacedConfigMapAsync(Cm("a", "2"), "a", ns);
        Assert.Equal("2", updated.Data["k"]);
    }

    [Fact]
    public async Task Identical_write_keeps_resourceVersion()
    {
        var ns = await cluster.NewNamespaceAsync("same");
        var created = await _client.CoreV1.CreateNamespacedConfigMapAsync(Cm("a", "1"), ns);
        var again = await _client.CoreV1.ReplaceNamespacedConfigMapAsync(created, "a", ns);
        Assert.Equal(created.Metadata.ResourceVersion, again.Metadata.ResourceVersion);
    }

    [Fact]
    public async Task Update_keeps_immutable_metadata()
    {
        var ns = await cluster.NewNamespaceAsync("immut");
        var created = await _client.CoreV1.CreateNamespacedConfigMapAsync(Cm("a", "1"), ns);
        var changed = Cm("a", "2");
        changed.Metadata.CreationTimestamp = new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var updated = await _client.CoreV1.ReplaceNamespacedConfigMapAsync(changed, "a", ns);
        Assert.Equal(created.Metadata.Uid, updated.Metadata.Uid);
        Assert.Equal(created.Metadata.CreationTimestamp, updated.Metadata.CreationTimestamp);
    }

    [Fact]
    public async Task GenerateName_produces_a_kube_style_suffix()
    {
        var ns = await cluster.NewNamespaceAsync("gen");
        var created = await _client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { GenerateName = "job-" } }, ns);
        Assert.Matches("^job-[bcdfghjklmnpqrstvwxz2456789]{5}$", created.Metadata.Name);
    }

    [Fact]
    public async Task Body_without_apiVersion_and_kind_is_filled_from_the_url()
    {
        var ns = await cluster.NewNamespaceAsync("bare");
        var (status, body, _) = await cluster.Raw.SendAsync(HttpMethod.Post, $"/apis/coordination.k8s.io/v1/namespaces/{ns}/leases",
            """{"metadata":{"name":"l"},"spec":{"holderIdentity":"me","acquireTime":"2025-01-02T03:04:05.123456Z"}}""", "application/json; charset=utf-8");
        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal("Lease", body!["kind"]!.GetValue<string>());
        Assert.Equal("coordination.k8s.io/v1", body["apiVersion"]!.GetValue<string>());
        Assert.Equal("2025-01-02T03:04:05.123456Z", body["spec"]!["acquireTime"]!.GetValue<string>());
    }

    [Fact]
    public async Task Namespace_in_body_must_match_the_url()
    {
        var ns = await cluster.NewNamespaceAsync("nsm");
        var (status, body, _) = await cluster.Raw.SendAsync(HttpMethod.Post, $"/api/v1/namespaces/{ns}/configmaps",
            """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"x","namespace":"other"}}""");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("BadRequest", body!["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task Creating_in_a_missing_namespace_is_NotFound()
    {
        var e = await Assert.ThrowsAsync<HttpOperationException>(() => _client.CoreV1.CreateNamespacedConfigMapAsync(Cm("a", "1"), "does-not-exist"));
        Assert.Equal(HttpStatusCode.NotFound, e.Response.StatusCode);
        Assert.Equal("namespaces \"does-not-exist\" not found", Message(e));
    }

    [Fact]
    public async Task Malformed_bodies_are_answered_with_a_Status()
    {
        var ns = await cluster.NewNamespaceAsync("malformed");
        var (status, body, _) = await cluster.Raw.SendAsync(HttpMethod.Post, $"/api/v1/namespaces/{ns}/configmaps", """{"metadata":"x"}""");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("Status", body!["kind"]!.GetValue<string>());
        var (notJson, notJsonBody, _) = await cluster.Raw.SendAsync(HttpMethod.Post, $"/api/v1/namespaces/{ns}/configmaps", "{not json");
        Assert.Equal(HttpStatusCode.BadRequest, notJson);
        Assert.Equal("BadRequest", notJsonBody!["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task Unsupported_body_encodings_are_UnsupportedMediaType()
    {
        var ns = await cluster.NewNamespaceAsync("cbor");
        var (status, body, _) = await cluster.Raw.SendAsync(HttpMethod.Post, $"/api/v1/namespaces/{ns}/configmaps", "\u00a0", "application/cbor");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, status);
        Assert.Equal("UnsupportedMediaType", body!["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task Secret_stringData_is_encoded_into_data()
    {
        var ns = await cluster.NewNamespaceAsync("strdata");
        var created = await _client.CoreV1.CreateNamespacedSecretAsync(new V1Secret
        {
            Metadata = new V1ObjectMeta { Name = "s" },
            StringData = new Dictionary<string, string> { ["password"] = "hunter2" },
        }, ns);
        Assert.Equal("hunter2", System.Text.Encoding.UTF8.GetString(created.Data["password"]));
        Assert.Null(created.StringData);
        Assert.Equal("Opaque", created.Type);
    }

    [Fact]
    public async Task Watch_false_is_a_plain_list()
    {
        var ns = await cluster.NewNamespaceAsync("wf");
        await _client.CoreV1.CreateNamespacedConfigMapAsync(Cm("a", "1"), ns);
        var (status, body, _) = await cluster.Raw.GetAsync($"/api/v1/namespaces/{ns}/configmaps?watch=false");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("ConfigMapList", body!["kind"]!.GetValue<string>());
    }

    [Fact]
    public async Task List_honours_limit_and_continue()
    {
        var ns = await cluster.NewNamespaceAsync("page");
        for (var i = 0; i < 5; i++)
        {
            await _client.CoreV1.CreateNamespacedConfigMapAsync(Cm($"c{i}", "x"), ns);
        }
        var first = await _client.CoreV1.ListNamespacedConfigMapAsync(ns, limit: 2);
        Assert.Equal(2, first.Items.Count);
        Assert.False(string.IsNullOrEmpty(first.Metadata.ContinueProperty));
        var names = first.Items.Select(i => i.Metadata.Name).ToList();
        var next = first.Metadata.ContinueProperty;
        while (!string.IsNullOrEmpty(next))
        {
            var page = await _client.CoreV1.ListNamespacedConfigMapAsync(ns, limit: 2, continueParameter: next);
            names.AddRange(page.Items.Select(i => i.Metadata.Name));
            next = page.Metadata.ContinueProperty;
        }
        Assert.Equal(["c0", "c1", "c2", "c3", "c4"], names);
    }

    [Fact]
    public async Task A_continue_token_resumes_after_the_last_object_served_even_when_objects_change_in_between()
    {
        var ns = await cluster.NewNamespaceAsync("pagechg");
        foreach (var name in new[] { "a", "b", "c", "d", "e" })
        {
            await _client.CoreV1.CreateNamespacedConfigMapAsync(Cm(name, "x"), ns);
        }
        var first = await _client.CoreV1.ListNamespacedConfigMapAsync(ns, limit: 2);
        Assert.Equal(["a", "b"], first.Items.Select(i => i.Metadata.Name));
        Assert.Equal(3, first.Metadata.RemainingItemCount);

        // An offset would now skip "c"; a key-based continue does not.
        await _client.CoreV1.DeleteNamespacedConfigMapAsync("a", ns);
        await _client.CoreV1.CreateNamespacedConfigMapAsync(Cm("bb", "x"), ns);
        var rest = await _client.CoreV1.ListNamespacedConfigMapAsync(ns, continueParameter: first.Metadata.ContinueProperty);

        Assert.Equal(["bb", "c", "d", "e"], rest.Items.Select(i => i.Metadata.Name));
        Assert.True(string.IsNullOrEmpty(rest.Metadata.ContinueProperty));
    }

    [Fact]
    public async Task Paged_lists_stay_in_their_namespace_and_apply_the_label_selector_before_paging()
    {
        var ns = await cluster.NewNamespaceAsync("pg");
        // Names that sort right next to ns + "/" in ordinal order must not leak into its list.
        var neighbours = new[] { ns + "-a", ns + "0" };
        foreach (var other in neighbours)
        {
            await _client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = other } });
            await _client.CoreV1.CreateNamespacedConfigMapAsync(Labelled("stray", "blue"), other);
        }
        for (var i = 0; i < 6; i++)
        {
            await _client.CoreV1.CreateNamespacedConfigMapAsync(Labelled($"m{i}", i % 2 == 0 ? "blue" : "red"), ns);
        }

        var names = new List<string>();
        string? next = null;
        do
        {
            var page = await _client.CoreV1.ListNamespacedConfigMapAsync(ns, labelSelector: "colour=blue", limit: 2, continueParameter: next);
            Assert.True(page.Items.Count <= 2);
            names.AddRange(page.Items.Select(i => i.Metadata.Name));
            next = page.Metadata.ContinueProperty;
        }
        while (!string.IsNullOrEmpty(next));

        Assert.Equal(["m0", "m2", "m4"], names);
    }

    [Fact]
    public async Task A_continue_token_that_is_not_ours_is_a_400()
    {
        var ns = await cluster.NewNamespaceAsync("pagebad");
        var (status, body, _) = await cluster.Raw.GetAsync($"/api/v1/namespaces/{ns}/configmaps?limit=1&continue=bm90LWEta2V5");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("continue", body!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delete_of_a_plain_object_returns_Success_status_with_uid()
    {
        var ns = await cluster.NewNamespaceAsync("del");
        var created = await _client.CoreV1.CreateNamespacedConfigMapAsync(Cm("a", "1"), ns);
        var (status, body, _) = await cluster.Raw.SendAsync(HttpMethod.Delete, $"/api/v1/namespaces/{ns}/configmaps/a");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Success", body!["status"]!.GetValue<string>());
        Assert.Equal(created.Metadata.Uid, body["details"]!["uid"]!.GetValue<string>());
        Assert.Equal("configmaps", body["details"]!["kind"]!.GetValue<string>());
        await Assert.ThrowsAsync<HttpOperationException>(() => _client.CoreV1.ReadNamespacedConfigMapAsync("a", ns));
    }

    [Fact]
    public async Task DeleteCollection_removes_only_selected_objects()
    {
        var ns = await cluster.NewNamespaceAsync("dc");
        var keep = Cm("keep", "1");
        keep.Metadata.Labels = new Dictionary<string, string> { ["app"] = "keep" };
        var drop = Cm("drop", "1");
        drop.Metadata.Labels = new Dictionary<string, string> { ["app"] = "drop" };
        await _client.CoreV1.CreateNamespacedConfigMapAsync(keep, ns);
        await _client.CoreV1.CreateNamespacedConfigMapAsync(drop, ns);
        await _client.CoreV1.DeleteCollectionNamespacedConfigMapAsync(ns, labelSelector: "app=drop");
        var left = await _client.CoreV1.ListNamespacedConfigMapAsync(ns);
        Assert.Equal(["keep"], left.Items.Select(i => i.Metadata.Name));
    }

    [Fact]
    public async Task Lease_MicroTime_keeps_microseconds_through_the_typed_client()
    {
        var ns = await cluster.NewNamespaceAsync("lease");
        var time = new DateTime(2025, 1, 2, 3, 4, 5, DateTimeKind.Utc).AddTicks(1234560);
        await _client.CoordinationV1.CreateNamespacedLeaseAsync(new V1Lease
        {
            Metadata = new V1ObjectMeta { Name = "leader" },
            Spec = new V1LeaseSpec { HolderIdentity = "a", RenewTime = time, LeaseDurationSeconds = 15 },
        }, ns);
        var (_, body, _) = await cluster.Raw.GetAsync($"/apis/coordination.k8s.io/v1/namespaces/{ns}/leases/leader");
        Assert.Equal("2025-01-02T03:04:05.123456Z", body!["spec"]!["renewTime"]!.GetValue<string>());
    }

    private static string Message(HttpOperationException e) => JsonNode.Parse(e.Response.Content)!["message"]!.GetValue<string>();

    private static V1ConfigMap Cm(string name, string value) => new()
    {
        Metadata = new V1ObjectMeta { Name = name },
        Data = new Dictionary<string, string> { ["k"] = value },
    };

    private static V1ConfigMap Labelled(string name, string colour) =>
        new() { Metadata = new V1ObjectMeta { Name = name, Labels = new Dictionary<string, string> { ["colour"] = colour } } };
}
