using OCore.Chart.Tests.Support;
using OCore.DevCluster;
using OCore.Testing;
using k8s.Models;
using k8s;

namespace OCore.Chart.Tests;

/// <summary>
/// The spec's permissions as the chart ships them: ocore-view-projects, ocore-manage-projects and
/// ocore-manage-org-settings, bound in an organization's namespace, and aggregated into admin, edit and view.
/// </summary>
public sealed class UserRoleTests : IAsyncLifetime
{
    private const string Org = "acme";
    private DevClusterServer _cluster = null!;
    private KubeTools _tools = null!;
    private Kubernetes _client = null!;

    public async Task InitializeAsync()
    {
        _cluster = await DevClusterServer.StartAsync(new DevClusterOptions());
        _tools = new KubeTools(_cluster.Kubeconfig);
        _client = new Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(_cluster.Kubeconfig))));
        (await _tools.KubectlAsync("create", "namespace", "ocore")).Ok();
        (await _tools.KubectlAsync("create", "namespace", Org)).Ok();
        (await _tools.HelmAsync("install", "ocore", ChartDirectory.Path, "-n", "ocore", "--set", "publicUrl=https://hooks.acme.example")).Ok();
        foreach (var (user, role) in new[]
                 {
                     ("viewer", "ocore-view-projects"), ("developer", "ocore-manage-projects"), ("owner", "ocore-manage-org-settings"),
                     ("admin-user", "admin"), ("edit-user", "edit"), ("view-user", "view"),
                 })
            (await _tools.KubectlAsync("create", "rolebinding", user, "-n", Org, $"--clusterrole={role}", $"--user={user}")).Ok();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        _tools.Dispose();
        await _cluster.DisposeAsync();
    }

    [Fact]
    public async Task A_viewer_lists_but_neither_creates_nor_annotates_projects()
    {
        foreach (var resource in new[] { "projects", "branchmappings", "environments", "deployments" })
        {
            Assert.True(await CanAsync("viewer", "list", resource));
            Assert.True(await CanAsync("viewer", "watch", resource));
            Assert.False(await CanAsync("viewer", "create", resource));
            Assert.False(await CanAsync("viewer", "delete", resource));
        }

        // kubectl annotate (reconfigure-webhook, regenerate-deploy-key) is a patch.
        Assert.Equal("no", (await _tools.KubectlAsync("auth", "can-i", "patch", "projects.ocore.io", "-n", Org, "--as", "viewer")).Stdout.Trim());
        Assert.Equal("yes", (await _tools.KubectlAsync("auth", "can-i", "get", "projects.ocore.io", "-n", Org, "--as", "viewer")).Ok().Stdout.Trim());
        Assert.False(await CanAsync("viewer", "get", "githubinstallations"));
    }

    [Fact]
    public async Task Managing_projects_covers_the_four_kinds_and_the_annotation_actions_but_not_installations()
    {
        foreach (var resource in new[] { "projects", "branchmappings", "environments", "deployments" })
        {
            foreach (var verb in new[] { "get", "list", "watch", "create", "update", "patch", "delete" })
                Assert.True(await CanAsync("developer", verb, resource), $"{verb} {resource}");
        }

        Assert.Equal("yes", (await _tools.KubectlAsync("auth", "can-i", "patch", "projects.ocore.io", "-n", Org, "--as", "developer")).Ok().Stdout.Trim());
        Assert.False(await CanAsync("developer", "create", "githubinstallations"));
        Assert.False(await CanAsync("developer", "patch", "githubinstallations"));
        Assert.False(await CanAsync("developer", "list", "projects", "other-org"));
    }

    [Fact]
    public async Task Only_org_settings_change_github_installations()
    {
        foreach (var verb in new[] { "get", "list", "watch", "create", "update", "patch", "delete" })
            Assert.True(await CanAsync("owner", verb, "githubinstallations"), verb);
        Assert.False(await CanAsync("owner", "create", "projects"));
        Assert.False(await CanAsync("viewer", "update", "githubinstallations"));
        Assert.False(await CanAsync("developer", "update", "githubinstallations"));
    }

    [Fact]
    public async Task The_roles_aggregate_into_admin_edit_and_view()
    {
        // Aggregation is a controller's work: wait for it.
        await Eventually.Until(() => CanAsync("admin-user", "update", "githubinstallations"), allowed => allowed, "admin aggregates ocore-manage-org-settings");
        await Eventually.Until(() => CanAsync("edit-user", "create", "projects"), allowed => allowed, "edit aggregates ocore-manage-projects");
        await Eventually.Until(() => CanAsync("view-user", "list", "deployments"), allowed => allowed, "view aggregates ocore-view-projects");

        Assert.True(await CanAsync("admin-user", "patch", "projects"));
        Assert.False(await CanAsync("edit-user", "create", "githubinstallations"));
        Assert.False(await CanAsync("view-user", "patch", "projects"));
        Assert.False(await CanAsync("view-user", "create", "deployments"));
    }

    private async Task<bool> CanAsync(string user, string verb, string resource, string ns = Org)
    {
        var review = await _client.AuthorizationV1.CreateSubjectAccessReviewAsync(new V1SubjectAccessReview
        {
            Spec = new V1SubjectAccessReviewSpec
            {
                User = user,
                ResourceAttributes = new V1ResourceAttributes { NamespaceProperty = ns, Verb = verb, Group = "ocore.io", Resource = resource },
            },
        });
        return review.Status.Allowed;
    }
}
