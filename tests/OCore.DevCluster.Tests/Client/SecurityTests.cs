using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;
using OCore.DevCluster.Tests.Infrastructure;

namespace OCore.DevCluster.Tests.Client;

/// <summary>Bearer-token authentication, ServiceAccount tokens, RBAC decisions and access reviews.</summary>
public sealed class SecurityTests(ClusterFixture cluster) : IClassFixture<ClusterFixture>
{
    private readonly Kubernetes _client = cluster.Client;

    [Fact]
    public async Task Requests_without_a_valid_token_are_Unauthorized()
    {
        using var anonymous = new RawApi(cluster.Server.BaseUrl, cluster.Server.CaCertificatePem, token: null);
        var (status, body, _) = await anonymous.GetAsync("/api/v1/namespaces");
        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal("Unauthorized", body!["reason"]!.GetValue<string>());
        using var wrong = new RawApi(cluster.Server.BaseUrl, cluster.Server.CaCertificatePem, token: "not-a-token");
        Assert.Equal(HttpStatusCode.Unauthorized, (await wrong.GetAsync("/api/v1/namespaces")).Status);
    }

    [Fact]
    public async Task ServiceAccount_without_rights_gets_Forbidden_and_a_RoleBinding_grants_access()
    {
        var ns = await cluster.NewNamespaceAsync("sa");
        await _client.CoreV1.CreateNamespacedServiceAccountAsync(new V1ServiceAccount { Metadata = new V1ObjectMeta { Name = "bot" } }, ns);
        var request = await _client.CoreV1.CreateNamespacedServiceAccountTokenAsync(new Authenticationv1TokenRequest { Spec = new V1TokenRequestSpec() }, "bot", ns);
        using var bot = ClusterFixture.CreateClient(cluster.Server.KubeconfigFor(request.Status.Token));

        var e = await Assert.ThrowsAsync<HttpOperationException>(() => bot.CoreV1.ListNamespacedConfigMapAsync(ns));
        Assert.Equal(HttpStatusCode.Forbidden, e.Response.StatusCode);
        Assert.Contains($"User \\\"system:serviceaccount:{ns}:bot\\\" cannot list resource \\\"configmaps\\\" in API group \\\"\\\" in the namespace \\\"{ns}\\\"", e.Response.Content, StringComparison.Ordinal);

        await _client.RbacAuthorizationV1.CreateNamespacedRoleAsync(new V1Role
        {
            Metadata = new V1ObjectMeta { Name = "cm-reader" },
            Rules = [new V1PolicyRule { ApiGroups = [""], Resources = ["configmaps"], Verbs = ["get", "list"] }],
        }, ns);
        await _client.RbacAuthorizationV1.CreateNamespacedRoleBindingAsync(new V1RoleBinding
        {
            Metadata = new V1ObjectMeta { Name = "bot-reads" },
            RoleRef = new V1RoleRef { ApiGroup = "rbac.authorization.k8s.io", Kind = "Role", Name = "cm-reader" },
            Subjects = [new Rbacv1Subject { Kind = "ServiceAccount", Name = "bot", NamespaceProperty = ns }],
        }, ns);
        var list = await bot.CoreV1.ListNamespacedConfigMapAsync(ns);
        Assert.NotNull(list);
        var write = await Assert.ThrowsAsync<HttpOperationException>(() => bot.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "x" } }, ns));
        Assert.Equal(HttpStatusCode.Forbidden, write.Response.StatusCode);
    }

    [Fact]
    public async Task Helper_token_for_a_ServiceAccount_authenticates_as_it()
    {
        var ns = await cluster.NewNamespaceAsync("satok");
        await _client.CoreV1.CreateNamespacedServiceAccountAsync(new V1ServiceAccount { Metadata = new V1ObjectMeta { Name = "op" } }, ns);
        var token = cluster.Server.IssueServiceAccountToken(ns, "op");
        var review = await _client.AuthenticationV1.CreateTokenReviewAsync(new V1TokenReview { Spec = new V1TokenReviewSpec { Token = token } });
        Assert.True(review.Status.Authenticated);
        Assert.Equal($"system:serviceaccount:{ns}:op", review.Status.User.Username);
        Assert.Contains($"system:serviceaccounts:{ns}", review.Status.User.Groups);
    }

    [Fact]
    public async Task SelfSubjectAccessReview_answers_for_the_caller()
    {
        var ns = await cluster.NewNamespaceAsync("ssar");
        await _client.CoreV1.CreateNamespacedServiceAccountAsync(new V1ServiceAccount { Metadata = new V1ObjectMeta { Name = "bot" } }, ns);
        using var bot = ClusterFixture.CreateClient(cluster.Server.KubeconfigFor(cluster.Server.IssueServiceAccountToken(ns, "bot")));
        var review = await bot.AuthorizationV1.CreateSelfSubjectAccessReviewAsync(new V1SelfSubjectAccessReview
        {
            Spec = new V1SelfSubjectAccessReviewSpec { ResourceAttributes = new V1ResourceAttributes { NamespaceProperty = ns, Verb = "delete", Resource = "pods" } },
        });
        Assert.False(review.Status.Allowed);
        var admin = await _client.AuthorizationV1.CreateSelfSubjectAccessReviewAsync(new V1SelfSubjectAccessReview
        {
            Spec = new V1SelfSubjectAccessReviewSpec { ResourceAttributes = new V1ResourceAttributes { NamespaceProperty = ns, Verb = "delete", Resource = "pods" } },
        });
        Assert.True(admin.Status.Allowed);
    }

    [Fact]
    public async Task SubjectAccessReview_evaluates_ClusterRole_aggregation()
    {
        await _client.RbacAuthorizationV1.CreateClusterRoleAsync(new V1ClusterRole
        {
            Metadata = new V1ObjectMeta { Name = "monitoring" },
            AggregationRule = new V1AggregationRule { ClusterRoleSelectors = [new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["aggregate-to-monitoring"] = "true" } }] },
        });
        await _client.RbacAuthorizationV1.CreateClusterRoleAsync(new V1ClusterRole
        {
            Metadata = new V1ObjectMeta { Name = "monitoring-pods", Labels = new Dictionary<string, string> { ["aggregate-to-monitoring"] = "true" } },
            Rules = [new V1PolicyRule { ApiGroups = [""], Resources = ["pods"], Verbs = ["list"] }],
        });
        await _client.RbacAuthorizationV1.CreateClusterRoleBindingAsync(new V1ClusterRoleBinding
        {
            Metadata = new V1ObjectMeta { Name = "alice-monitoring" },
            RoleRef = new V1RoleRef { ApiGroup = "rbac.authorization.k8s.io", Kind = "ClusterRole", Name = "monitoring" },
            Subjects = [new Rbacv1Subject { Kind = "User", Name = "alice", ApiGroup = "rbac.authorization.k8s.io" }],
        });
        await Eventually.TrueAsync(async () => (await _client.RbacAuthorizationV1.ReadClusterRoleAsync("monitoring")).Rules?.Count == 1, "aggregated rules");

        var allowed = await Review("alice", "list", "pods");
        Assert.True(allowed.Status.Allowed);
        Assert.Contains("alice-monitoring", allowed.Status.Reason, StringComparison.Ordinal);
        Assert.False((await Review("alice", "delete", "pods")).Status.Allowed);
        Assert.False((await Review("bob", "list", "pods")).Status.Allowed);
    }

    [Fact]
    public async Task Impersonation_headers_switch_the_identity()
    {
        var (status, _, _) = await SendAs("nobody", "/api/v1/namespaces");
        Assert.Equal(HttpStatusCode.Forbidden, status);
        var admin = await cluster.Raw.GetAsync("/api/v1/namespaces");
        Assert.Equal(HttpStatusCode.OK, admin.Status);
    }

    [Fact]
    public async Task Static_user_tokens_authenticate_with_their_groups()
    {
        cluster.Server.AddUserToken("carol-token", "carol", "system:masters");
        using var carol = new RawApi(cluster.Server.BaseUrl, cluster.Server.CaCertificatePem, "carol-token");
        Assert.Equal(HttpStatusCode.OK, (await carol.GetAsync("/api/v1/namespaces")).Status);
    }

    [Fact]
    public async Task Granting_permissions_one_does_not_hold_is_Forbidden_unless_escalate_or_bind_is_allowed()
    {
        var ns = await cluster.NewNamespaceAsync("escalate");
        cluster.Server.AddUserToken("eve-token", "eve");
        await _client.RbacAuthorizationV1.CreateNamespacedRoleAsync(new V1Role
        {
            Metadata = new V1ObjectMeta { Name = "rbac-manager" },
            Rules =
            [
                new V1PolicyRule { ApiGroups = ["rbac.authorization.k8s.io"], Resources = ["roles", "rolebindings"], Verbs = ["create", "get"] },
                new V1PolicyRule { ApiGroups = [""], Resources = ["configmaps"], Verbs = ["get"] },
            ],
        }, ns);
        await _client.RbacAuthorizationV1.CreateNamespacedRoleBindingAsync(new V1RoleBinding
        {
            Metadata = new V1ObjectMeta { Name = "eve-manages" },
            RoleRef = new V1RoleRef { ApiGroup = "rbac.authorization.k8s.io", Kind = "Role", Name = "rbac-manager" },
            Subjects = [new Rbacv1Subject { Kind = "User", Name = "eve", ApiGroup = "rbac.authorization.k8s.io" }],
        }, ns);
        using var eve = ClusterFixture.CreateClient(cluster.Server.KubeconfigFor("eve-token"));

        var held = await eve.RbacAuthorizationV1.CreateNamespacedRoleAsync(new V1Role
        {
            Metadata = new V1ObjectMeta { Name = "cm-getter" },
            Rules = [new V1PolicyRule { ApiGroups = [""], Resources = ["configmaps"], Verbs = ["get"] }],
        }, ns);
        Assert.Equal("cm-getter", held.Metadata.Name);

        var e = await Assert.ThrowsAsync<HttpOperationException>(() => eve.RbacAuthorizationV1.CreateNamespacedRoleAsync(new V1Role
        {
            Metadata = new V1ObjectMeta { Name = "pod-deleter" },
            Rules = [new V1PolicyRule { ApiGroups = [""], Resources = ["pods"], Verbs = ["delete"] }],
        }, ns));
        Assert.Equal(HttpStatusCode.Forbidden, e.Response.StatusCode);
        Assert.Contains("attempting to grant RBAC permissions not currently held", e.Response.Content, StringComparison.Ordinal);

        var bindAdmin = new V1RoleBinding
        {
            Metadata = new V1ObjectMeta { Name = "eve-admin" },
            RoleRef = new V1RoleRef { ApiGroup = "rbac.authorization.k8s.io", Kind = "ClusterRole", Name = "cluster-admin" },
            Subjects = [new Rbacv1Subject { Kind = "User", Name = "eve", ApiGroup = "rbac.authorization.k8s.io" }],
        };
        var bind = await Assert.ThrowsAsync<HttpOperationException>(() => eve.RbacAuthorizationV1.CreateNamespacedRoleBindingAsync(bindAdmin, ns));
        Assert.Equal(HttpStatusCode.Forbidden, bind.Response.StatusCode);

        await _client.RbacAuthorizationV1.CreateNamespacedRoleAsync(new V1Role
        {
            Metadata = new V1ObjectMeta { Name = "binder" },
            Rules = [new V1PolicyRule { ApiGroups = ["rbac.authorization.k8s.io"], Resources = ["clusterroles"], Verbs = ["bind"], ResourceNames = ["cluster-admin"] }],
        }, ns);
        await _client.RbacAuthorizationV1.CreateNamespacedRoleBindingAsync(new V1RoleBinding
        {
            Metadata = new V1ObjectMeta { Name = "eve-binds" },
            RoleRef = new V1RoleRef { ApiGroup = "rbac.authorization.k8s.io", Kind = "Role", Name = "binder" },
            Subjects = [new Rbacv1Subject { Kind = "User", Name = "eve", ApiGroup = "rbac.authorization.k8s.io" }],
        }, ns);
        var bound = await eve.RbacAuthorizationV1.CreateNamespacedRoleBindingAsync(bindAdmin, ns);
        Assert.Equal("eve-admin", bound.Metadata.Name);
    }

    [Fact]
    public async Task Default_view_edit_and_admin_roles_are_aggregated()
    {
        var ns = await cluster.NewNamespaceAsync("defaults");
        foreach (var (user, role) in new[] { ("viewer", "view"), ("editor", "edit"), ("owner", "admin") })
        {
            await _client.RbacAuthorizationV1.CreateNamespacedRoleBindingAsync(new V1RoleBinding
            {
                Metadata = new V1ObjectMeta { Name = user },
                RoleRef = new V1RoleRef { ApiGroup = "rbac.authorization.k8s.io", Kind = "ClusterRole", Name = role },
                Subjects = [new Rbacv1Subject { Kind = "User", Name = user, ApiGroup = "rbac.authorization.k8s.io" }],
            }, ns);
        }
        await Eventually.TrueAsync(async () => (await _client.RbacAuthorizationV1.ReadClusterRoleAsync("admin")).Rules?.Count > 10, "aggregated admin role");

        async Task<bool> Can(string user, string verb, string group, string resource) =>
            (await _client.AuthorizationV1.CreateSubjectAccessReviewAsync(new V1SubjectAccessReview
            {
                Spec = new V1SubjectAccessReviewSpec { User = user, ResourceAttributes = new V1ResourceAttributes { NamespaceProperty = ns, Verb = verb, Group = group, Resource = resource } },
            })).Status.Allowed;

        Assert.True(await Can("viewer", "list", "", "pods"));
        Assert.False(await Can("viewer", "get", "", "secrets"));
        Assert.True(await Can("editor", "create", "apps", "deployments"));
        Assert.True(await Can("editor", "get", "", "secrets"));
        Assert.False(await Can("editor", "create", "rbac.authorization.k8s.io", "rolebindings"));
        Assert.True(await Can("owner", "create", "rbac.authorization.k8s.io", "rolebindings"));
        Assert.True(await Can("owner", "list", "", "pods"));
    }

    private Task<V1SubjectAccessReview> Review(string user, string verb, string resource) =>
        _client.AuthorizationV1.CreateSubjectAccessReviewAsync(new V1SubjectAccessReview
        {
            Spec = new V1SubjectAccessReviewSpec { User = user, ResourceAttributes = new V1ResourceAttributes { NamespaceProperty = "default", Verb = verb, Resource = resource } },
        });

    private async Task<(HttpStatusCode Status, string Body, HttpResponseMessage Response)> SendAs(string user, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Impersonate-User", user);
        var response = await cluster.Raw.Http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), response);
    }
}
