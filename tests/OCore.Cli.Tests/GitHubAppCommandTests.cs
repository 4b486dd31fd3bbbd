using System.Text.Json;
using OCore.Api.V1Alpha1;
using OCore.Cli.Tests.Support;
using OCore.Testing;

namespace OCore.Cli.Tests;

/// <summary>`ocore github-app …` against `ocore dev` (no GitHub App Secret there).</summary>
public sealed class GitHubAppCommandTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>
{
    private TestCluster Cluster => fixture.Cluster;

    [Fact]
    public async Task Installations_are_listed_and_remove_unlinks_without_deleting()
    {
        var ns = await Cluster.CreateNamespaceAsync();
        await Cluster.CreateFromYamlAsync("""
            apiVersion: ocore.io/v1alpha1
            kind: GitHubInstallation
            metadata: { name: acme-corp }
            spec: { installationId: 12345678 }
            ---
            apiVersion: ocore.io/v1alpha1
            kind: GitHubInstallation
            metadata: { name: acme-client-a }
            spec: { installationId: 87654321 }
            """, ns);

        var list = await RunAsync(ns, "github-app", "installations");
        Assert.True(list.ExitCode == 0, list.ToString());
        Assert.StartsWith("INSTALLATION", list.Output, StringComparison.Ordinal);
        Assert.Contains("12345678", list.Output, StringComparison.Ordinal);
        Assert.Contains("87654321", list.Output, StringComparison.Ordinal);

        var removed = await RunAsync(ns, "github-app", "remove", "87654321");
        Assert.True(removed.ExitCode == 0, removed.ToString());
        Assert.Contains("unlinked", removed.Output, StringComparison.Ordinal);
        var record = await Cluster.ReadAsync<GitHubInstallation>(ns, "githubinstallations", "acme-client-a");
        Assert.True(record!.Spec.Unlinked);

        var json = await RunAsync(ns, "github-app", "installations", "-o", "json");
        using var document = JsonDocument.Parse(json.Output);
        Assert.Equal(2, document.RootElement.GetProperty("items").GetArrayLength());
        Assert.Contains("unlinked", (await RunAsync(ns, "github-app", "installations")).Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Removing_an_unknown_installation_is_not_found()
    {
        var ns = await Cluster.CreateNamespaceAsync();
        var run = await RunAsync(ns, "github-app", "remove", "42");
        Assert.True(run.ExitCode == 3, run.ToString());
        Assert.Contains("ocore github-app installations", run.Error + run.Output, StringComparison.Ordinal);
    }

    private Task<CliRun> RunAsync(string ns, params string[] args) =>
        CliRun.RunAsync([.. args, "--kubeconfig", Cluster.KubeconfigPath, "-n", ns]);
}
