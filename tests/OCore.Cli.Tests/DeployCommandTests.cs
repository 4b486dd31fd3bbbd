using System.Text.Json;
using OCore.Api.Naming;
using OCore.Api.V1Alpha1;
using OCore.Cli.Tests.Support;
using OCore.Testing;

namespace OCore.Cli.Tests;

/// <summary>`ocore deploy …` run in-process against `ocore dev`.</summary>
public sealed class DeployCommandTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>
{
    private const string Commit = "9fceb02d0ae598e95dc970b74767f19372d61af8";

    private TestCluster Cluster => fixture.Cluster;

    [Fact]
    public async Task Trigger_creates_the_deployment_list_shows_it_and_watch_reports_the_failed_prepare_step()
    {
        var ns = await ConnectedProjectAsync();

        var trigger = await RunAsync(ns, "deploy", "trigger", "odoo", "--branch", "main", "--commit", Commit);
        var list = await RunAsync(ns, "deploy", "list", "--project", "odoo");
        var json = await RunAsync(ns, "deploy", "list", "-o", "json");
        var watch = await RunAsync(ns, "deploy", "watch", ObjectNames.ForDeployment("odoo", "production", Commit));

        var name = ObjectNames.ForDeployment("odoo", "production", Commit);
        Assert.True(trigger.ExitCode == 0, trigger.ToString());
        Assert.Contains(name, trigger.Output, StringComparison.Ordinal);
        var deployment = (await Cluster.ReadAsync<Deployment>(ns, "deployments", name))!;
        Assert.Equal(TriggerSource.Manual, deployment.Spec.Trigger!.Source);
        Assert.Equal("production", deployment.Spec.EnvironmentRef.Name);

        Assert.True(list.ExitCode == 0, list.ToString());
        Assert.StartsWith("NAME", list.Output, StringComparison.Ordinal);
        Assert.Contains(name, list.Output, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(json.Output);
        Assert.Equal(name, Assert.Single(document.RootElement.GetProperty("items").EnumerateArray()).GetProperty("metadata").GetProperty("name").GetString());

        // github.com is out of reach here, so Prepare cannot read the repository with the deploy key.
        Assert.True(watch.ExitCode == 1, watch.ToString());
        Assert.Contains($"Deployment {name} failed at step Prepare: could not read", watch.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Watch_follows_a_running_deployment_live_until_it_fails()
    {
        var ns = await ConnectedProjectAsync(withMapping: false);
        var trigger = await RunAsync(ns, "deploy", "trigger", "odoo", "--branch", "main", "--commit", Commit, "--environment", "staging");
        Assert.True(trigger.ExitCode == 0, trigger.ToString());
        var name = ObjectNames.ForDeployment("odoo", "staging", Commit);
        await Eventually.Until(() => Cluster.ReadAsync<Deployment>(ns, "deployments", name),
            d => d?.Status?.Steps?.FirstOrDefault()?.State == StepState.Running, "the deployment waits for its environment");

        var watch = RunAsync(ns, "deploy", "watch", name);
        await Task.Delay(500);
        Assert.False(watch.IsCompleted, watch.IsCompleted ? (await watch).ToString() : "");
        await Sample.CreateEnvironmentAsync(Cluster, ns, "staging", "odoo");
        var run = await watch;

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("Prepare        Running    Environment staging does not exist", run.Output, StringComparison.Ordinal);
        Assert.Contains("Prepare        Failed     could not read", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Trigger_to_an_explicit_environment_needs_no_mapping_and_prints_yaml()
    {
        var ns = await ConnectedProjectAsync(withMapping: false);

        var run = await RunAsync(ns, "deploy", "trigger", "odoo", "--branch", "hotfix", "--commit", Commit, "--environment", "production", "-o", "yaml");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains($"name: {ObjectNames.ForDeployment("odoo", "production", Commit)}", run.Output, StringComparison.Ordinal);
        Assert.Contains("source: manual", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Trigger_without_a_commit_or_a_mapping_is_a_usage_error()
    {
        var ns = await ConnectedProjectAsync(withMapping: false);

        var noCommit = await RunAsync(ns, "deploy", "trigger", "odoo", "--branch", "main");
        var noMapping = await RunAsync(ns, "deploy", "trigger", "odoo", "--branch", "main", "--commit", Commit);

        Assert.True(noCommit.ExitCode == 2, noCommit.ToString());
        Assert.Contains("--commit is required", noCommit.Error, StringComparison.Ordinal);
        Assert.True(noMapping.ExitCode == 2, noMapping.ToString());
        Assert.Contains("no BranchMapping of Project odoo matches branch main", noMapping.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Watching_a_missing_deployment_exits_3()
    {
        var ns = await Cluster.CreateNamespaceAsync();

        var run = await RunAsync(ns, "deploy", "watch", "nothing-here");

        Assert.True(run.ExitCode == 3, run.ToString());
        Assert.Contains("Deployment nothing-here not found", run.Error, StringComparison.Ordinal);
    }

    private async Task<string> ConnectedProjectAsync(bool withMapping = true)
    {
        var ns = await Cluster.CreateNamespaceAsync();
        var connect = await RunAsync(ns, "project", "connect-repo", "odoo", "--url", "git@github.com:acme/odoo.git");
        Assert.True(connect.ExitCode == 0, connect.ToString());
        await Sample.CreateEnvironmentAsync(Cluster, ns, "production", "odoo");
        if (withMapping)
        {
            var map = await RunAsync(ns, "project", "map-branch", "odoo", "--branch", "main", "--environment", "production");
            Assert.True(map.ExitCode == 0, map.ToString());
        }

        return ns;
    }

    private Task<CliRun> RunAsync(string ns, params string[] args) =>
        CliRun.RunAsync([.. args, "--kubeconfig", Cluster.KubeconfigPath, "-n", ns]);
}
