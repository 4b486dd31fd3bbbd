using OCore.Api.Naming;
using OCore.Api.V1Alpha1;
using OCore.Operator.Tests.Support;
using OCore.Testing;
using Environment = OCore.Api.V1Alpha1.Environment;

namespace OCore.Operator.Tests.BranchMappings;

public sealed class BranchMappingControllerTests : IAsyncLifetime
{
    private const string Commit = "9fceb02d0ae598e95dc970b74767f19372d61af8";
    private TestCluster _cluster = null!;
    private OperatorHost _operator = null!;
    private Resources _resources = null!;

    public async Task InitializeAsync()
    {
        _cluster = await TestCluster.StartAsync();
        _resources = new Resources(_cluster, await _cluster.CreateNamespaceAsync());
        _operator = await OperatorHost.StartAsync(_cluster, new() { ["Operator:MaxBranchEnvironments"] = "2" });
        await _resources.CreateProjectAsync("erp");
    }

    public async Task DisposeAsync()
    {
        await _operator.DisposeAsync();
        await _cluster.DisposeAsync();
    }

    [Fact]
    public async Task A_mapping_to_a_missing_environment_is_not_ready_until_it_exists()
    {
        await _resources.CreateMappingAsync("main", "erp", "main", "production");
        var mapping = await _resources.UntilAsync<BranchMapping>("branchmappings", "main",
            m => Conditions.Find(m.Status?.Conditions, ConditionTypes.Ready)?.Reason == "EnvironmentNotFound", "Ready=False EnvironmentNotFound");
        Assert.Contains("spec.environmentRef.name: Environment production does not exist", Conditions.Find(mapping.Status!.Conditions, ConditionTypes.Ready)!.Message, StringComparison.Ordinal);

        await _resources.CreateEnvironmentAsync("production", "erp");
        await _resources.UntilAsync<BranchMapping>("branchmappings", "main", m => Conditions.IsTrue(m.Status?.Conditions, ConditionTypes.Ready), "Ready once the environment exists");
    }

    [Fact]
    public async Task Two_mappings_claiming_the_same_branch_are_both_reported_until_one_goes()
    {
        await _resources.CreateEnvironmentAsync("production", "erp");
        await _resources.CreateMappingAsync("main-a", "erp", "main", "production");
        await _resources.CreateMappingAsync("main-b", "erp", "main", "production");
        foreach (var name in new[] { "main-a", "main-b" })
        {
            var mapping = await _resources.UntilAsync<BranchMapping>("branchmappings", name,
                m => Conditions.Find(m.Status?.Conditions, ConditionTypes.Ready)?.Reason == "Conflict", $"{name} reports the conflict");
            Assert.Contains("also claims 'main'", Conditions.Find(mapping.Status!.Conditions, ConditionTypes.Ready)!.Message, StringComparison.Ordinal);
        }

        await _resources.DeleteAsync("branchmappings", "main-b");
        await _resources.UntilAsync<BranchMapping>("branchmappings", "main-a", m => Conditions.IsTrue(m.Status?.Conditions, ConditionTypes.Ready), "the survivor is Ready");
    }

    [Fact]
    public async Task A_template_mapping_creates_an_environment_per_pushed_branch_and_removes_it_with_the_branch()
    {
        await _resources.CreateMappingAsync("features", "erp", "feature/*", environment: null);
        var envName = ObjectNames.ForBranchEnvironment("features", "feature/Login");
        await _resources.CreateDeploymentAsync("erp", envName, "feature/Login", Commit, mapping: "features");

        var environment = await _resources.UntilAsync<Environment>("environments", envName, _ => true, "the per-branch environment is created");
        Assert.Equal("feature/Login", environment.Metadata.Annotations[Annotations.Branch]);
        Assert.Equal("erp", environment.Spec.ProjectRef.Name);
        Assert.Equal(Stage.Development, environment.Spec.Stage);
        Assert.Equal($"{ObjectNames.DnsLabel("feature/Login")}.dev.acme.example", environment.Spec.Odoo.Ingress!.Host);
        Assert.Equal("features", Assert.Single(environment.Metadata.OwnerReferences).Name);
        var mapping = await _resources.UntilAsync<BranchMapping>("branchmappings", "features",
            m => m.Status?.Environments?.Count == 1, "the mapping lists the environment");
        Assert.Equal(("feature/Login", envName), (mapping.Status!.Environments![0].Branch, mapping.Status.Environments[0].Name));

        // The receiver marks the environment when the branch is deleted; the operator removes it.
        await _resources.AnnotateAsync("environments", envName, Annotations.BranchDeleted, "delivery-1");
        await Eventually.Until(() => _resources.GetAsync<Environment>("environments", envName), e => e is null, "the environment is deleted with its branch");
        await _resources.UntilAsync<BranchMapping>("branchmappings", "features", m => m.Status?.Environments?.Count == 0, "the mapping no longer lists it");
    }

    [Fact]
    public async Task The_per_project_cap_is_enforced_and_reported()
    {
        await _resources.CreateMappingAsync("features", "erp", "feature/*", environment: null);
        foreach (var branch in new[] { "feature/a", "feature/b", "feature/c" })
            await _resources.CreateDeploymentAsync("erp", ObjectNames.ForBranchEnvironment("features", branch), branch, Commit, mapping: "features");

        var mapping = await _resources.UntilAsync<BranchMapping>("branchmappings", "features",
            m => Conditions.IsTrue(m.Status?.Conditions, "BranchEnvironmentCapReached") && m.Status!.Environments?.Count == 2, "two created, the cap reported");
        Assert.Contains("not created for: feature/c", Conditions.Find(mapping.Status!.Conditions, "BranchEnvironmentCapReached")!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_environment_reports_what_it_serves_from_its_deployments()
    {
        await _resources.CreateEnvironmentAsync("production", "erp", host: "erp.acme.example");
        var environment = await _resources.UntilAsync<Environment>("environments", "production",
            e => Conditions.Find(e.Status?.Conditions, ConditionTypes.Ready)?.Reason == "NotDeployed", "Ready=False NotDeployed");
        Assert.Equal("https://erp.acme.example", environment.Status!.Url);

        var deployment = await _resources.CreateDeploymentAsync("erp", "production", "main", Commit);
        await _resources.SetDeploymentStatusAsync(deployment, new DeploymentStatus
        {
            Phase = DeploymentPhase.Succeeded,
            Image = $"registry.acme.example/odoo:{Commit}",
            FinishedAt = DateTime.UtcNow,
        });
        environment = await _resources.UntilAsync<Environment>("environments", "production",
            e => Conditions.IsTrue(e.Status?.Conditions, ConditionTypes.Ready), "Ready once a deployment succeeded");
        Assert.Equal(Commit, environment.Status!.Commit);
        Assert.Equal($"registry.acme.example/odoo:{Commit}", environment.Status.Image);
        Assert.Equal(deployment.Metadata.Name, environment.Status.LastDeployment);
        Assert.Contains("at https://erp.acme.example", Conditions.Find(environment.Status.Conditions, ConditionTypes.Ready)!.Message, StringComparison.Ordinal);
    }
}
