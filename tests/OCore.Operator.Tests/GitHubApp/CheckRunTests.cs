using OCore.Api.V1Alpha1;
using OCore.Testing;
using Deployment = OCore.Api.V1Alpha1.Deployment;

namespace OCore.Operator.Tests.GitHubApp;

/// <summary>A deployment of a project the App serves is reported as a GitHub check run.</summary>
public sealed class CheckRunTests : IAsyncLifetime
{
    private const string Commit = "9fceb02d0ae598e95dc970b74767f19372d61af8";
    private AppOperator _app = null!;

    public async Task InitializeAsync() => _app = await AppOperator.StartAsync(setUp: gitHub => gitHub.AddInstallation(12345678, "acme-corp"));

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task The_check_run_carries_the_outcome_and_the_steps()
    {
        await _app.CreateInstallationAsync("corp", 12345678);
        await _app.Resources.CreateProjectAsync("erp", "git@github.com:acme-corp/odoo-erp.git");
        await _app.RoutedAsync("erp");
        await _app.Resources.CreateEnvironmentAsync("production", "erp");

        // github.com cannot be reached from the tests, so this deployment fails at Prepare: a failed check run.
        var deployment = await _app.Resources.CreateDeploymentAsync("erp", "production", "main", Commit);
        var failed = await _app.Resources.UntilAsync<Deployment>("deployments", deployment.Metadata.Name,
            d => d.Status?.Phase == DeploymentPhase.Failed && d.Status.CheckRunId is not null, "the deployment fails and keeps its check run id", TimeSpan.FromSeconds(60));

        // Created once (in progress, or already completed when Prepare failed before the first report), then updated:
        // the creation names the run, the last write says how it ended.
        var checkRun = await Eventually.Until(() => Task.FromResult(_app.GitHub.Writes.LastOrDefault(r => r.Path.EndsWith("/check-runs", StringComparison.Ordinal))),
            r => r is not null, "a check run is created");
        Assert.Equal("/repos/acme-corp/odoo-erp/check-runs", checkRun!.Path);
        var body = checkRun.Json;
        Assert.Equal("oCore / production", body["name"]!.GetValue<string>());
        Assert.Equal(Commit, body["head_sha"]!.GetValue<string>());
        Assert.Equal(deployment.Metadata.Name, body["external_id"]!.GetValue<string>());
        Assert.Single(_app.GitHub.Writes, r => r.Path.EndsWith("/check-runs", StringComparison.Ordinal));
        var last = await Eventually.Until(() => Task.FromResult(_app.GitHub.Writes.Last(r => r.Path.StartsWith("/repos/acme-corp/odoo-erp/check-runs", StringComparison.Ordinal))),
            r => r.Json["status"]?.GetValue<string>() == "completed", "the check run is completed");
        Assert.Equal("failure", last.Json["conclusion"]!.GetValue<string>());
        Assert.Contains("| Prepare | Failed |", last.Json["output"]!["summary"]!.GetValue<string>(), StringComparison.Ordinal);
        if (!ReferenceEquals(last, checkRun))
            Assert.Equal($"/repos/acme-corp/odoo-erp/check-runs/{failed.Status!.CheckRunId}", last.Path);
        Assert.True(failed.Status!.CheckRunId > 0);
    }
}
