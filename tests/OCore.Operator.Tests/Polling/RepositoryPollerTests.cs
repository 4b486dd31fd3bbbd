using OCore.Api.Naming;
using OCore.Api.V1Alpha1;
using OCore.Operator.Tests.Support;
using OCore.Testing;
using Deployment = OCore.Api.V1Alpha1.Deployment;
using Environment = OCore.Api.V1Alpha1.Environment;

namespace OCore.Operator.Tests.Polling;

/// <summary>The repository check and the polling fallback, against a real sshd and a real git repository.</summary>
public sealed class RepositoryPollerTests : IAsyncLifetime
{
    private readonly SshServerFixture _sshd = new();
    private readonly ScratchRepository _work = new();
    private TestCluster _cluster = null!;
    private OperatorHost _operator = null!;
    private Resources _resources = null!;
    private string _bare = "";

    public async Task InitializeAsync()
    {
        await _sshd.InitializeAsync();
        _bare = _sshd.CreateBareRepository();
        _cluster = await TestCluster.StartAsync();
        _resources = new Resources(_cluster, await _cluster.CreateNamespaceAsync());
        _operator = await OperatorHost.StartAsync(_cluster);
    }

    public async Task DisposeAsync()
    {
        await _operator.DisposeAsync();
        await _cluster.DisposeAsync();
        _work.Dispose();
        await _sshd.DisposeAsync();
    }

    [Fact]
    public async Task A_deploy_key_not_yet_added_is_reported_with_the_fix_then_accepted()
    {
        Push("main");
        await CreateProjectAsync(knownHosts: _sshd.KnownHosts, pollInterval: "5m");
        var rejected = await _resources.UntilAsync<Project>("projects", "erp",
            p => Conditions.Find(p.Status?.Conditions, ConditionTypes.Ready)?.Reason == "KeyRejected", "the rejected key is reported as the reason the project is not ready");
        var ready = Conditions.Find(rejected.Status!.Conditions, ConditionTypes.Ready)!;
        Assert.Equal((ConditionStatus.False, "KeyRejected"), (ready.Status, ready.Reason));
        Assert.Contains("status.deployKey.publicKey", ready.Message, StringComparison.Ordinal);
        Assert.Contains("ocore.io/regenerate-deploy-key", ready.Message, StringComparison.Ordinal);

        _sshd.AuthorizeKey(rejected.Status.DeployKey!.PublicKey!);
        var accepted = await _resources.UntilAsync<Project>("projects", "erp",
            p => Conditions.IsTrue(p.Status?.Conditions, ConditionTypes.RepositoryAccessible) && Conditions.IsTrue(p.Status?.Conditions, ConditionTypes.Ready),
            "the key is accepted once added", TimeSpan.FromSeconds(45));
        Assert.True(Conditions.IsTrue(accepted.Status!.Conditions, ConditionTypes.Ready));
        Assert.Contains("(1 branch)", Conditions.Find(accepted.Status.Conditions, ConditionTypes.RepositoryAccessible)!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_host_key_is_never_trusted()
    {
        Push("main");
        await CreateProjectAsync(knownHosts: _sshd.WrongKnownHosts, pollInterval: "5m");
        var project = await _resources.UntilAsync<Project>("projects", "erp",
            p => Conditions.Find(p.Status?.Conditions, ConditionTypes.RepositoryAccessible)?.Reason == "UnknownHostKey", "the host key mismatch is reported");
        _sshd.AuthorizeKey(project.Status!.DeployKey!.PublicKey!);
        Assert.Contains("spec.repository.knownHosts", Conditions.Find(project.Status.Conditions, ConditionTypes.RepositoryAccessible)!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Polling_creates_exactly_one_deployment_for_a_push_no_webhook_delivered()
    {
        await CreateProjectAsync(knownHosts: _sshd.KnownHosts, pollInterval: "1s");
        var project = await _resources.UntilAsync<Project>("projects", "erp", p => p.Status?.DeployKey?.PublicKey is not null, "the deploy key exists");
        _sshd.AuthorizeKey(project.Status!.DeployKey!.PublicKey!);
        await _resources.CreateEnvironmentAsync("production", "erp");
        await _resources.CreateMappingAsync("main", "erp", "main", "production");

        var commit = Push("main");
        var name = ObjectNames.ForDeployment("erp", "production", commit);
        var deployment = await _resources.UntilAsync<Deployment>("deployments", name, _ => true, "the poller creates the missed deployment", TimeSpan.FromSeconds(60));
        Assert.Equal((TriggerSource.Poll, "main", commit), (deployment.Spec.Trigger!.Source, deployment.Spec.Branch, deployment.Spec.Commit));

        // Further polls find the same head and create nothing more.
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Single(await _cluster.ListNamesAsync(_resources.Namespace, "deployments"));
    }

    [Fact]
    public async Task A_branch_deleted_without_a_webhook_loses_its_environment()
    {
        Push("main");
        Push("feature/login");
        await CreateProjectAsync(knownHosts: _sshd.KnownHosts, pollInterval: "1s");
        var project = await _resources.UntilAsync<Project>("projects", "erp", p => p.Status?.DeployKey?.PublicKey is not null, "the deploy key exists");
        _sshd.AuthorizeKey(project.Status!.DeployKey!.PublicKey!);
        await _resources.CreateMappingAsync("features", "erp", "feature/*", environment: null);
        var envName = ObjectNames.ForBranchEnvironment("features", "feature/login");
        await _resources.CreateDeploymentAsync("erp", envName, "feature/login", new string('a', 40), mapping: "features");
        await _resources.UntilAsync<Environment>("environments", envName, _ => true, "the per-branch environment exists");

        _work.Git("push", "--quiet", _bare, "--delete", "feature/login");
        await Eventually.Until(() => _resources.GetAsync<Environment>("environments", envName), e => e is null,
            "the poller notices the deleted branch and the environment is removed", TimeSpan.FromSeconds(60));
    }

    private string Push(string branch)
    {
        _work.Write("addons/sale_ext/__manifest__.py", $"{{'name': 'Sale', 'version': '18.0.1.0.{Guid.NewGuid().GetHashCode() & 0xff}'}}\n");
        var commit = _work.Commit($"push to {branch}");
        _work.Git("push", "--quiet", "--force", _bare, $"HEAD:refs/heads/{branch}");
        return commit;
    }

    private Task CreateProjectAsync(string knownHosts, string pollInterval) =>
        _cluster.CreateFromYamlAsync($$"""
            apiVersion: ocore.io/v1alpha1
            kind: Project
            metadata: { name: erp }
            spec:
              repository:
                url: "{{_sshd.UrlFor(_bare)}}"
                provider: gitlab
                knownHosts: "{{knownHosts.Trim()}}"
              odoo: { version: "18.0" }
              pollInterval: {{pollInterval}}
            """, _resources.Namespace);
}
