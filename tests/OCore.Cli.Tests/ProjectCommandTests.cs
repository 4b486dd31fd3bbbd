using System.Text.Json;
using k8s;
using OCore.Api.Secrets;
using OCore.Api.V1Alpha1;
using OCore.Cli.Tests.Support;
using OCore.Testing;

namespace OCore.Cli.Tests;

/// <summary>`ocore project …` run in-process against `ocore dev`.</summary>
public sealed class ProjectCommandTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>
{
    private TestCluster Cluster => fixture.Cluster;

    [Fact]
    public async Task Connect_repo_creates_the_project_and_prints_the_deploy_key_webhook_url_and_secret()
    {
        var ns = await Cluster.CreateNamespaceAsync();

        var run = await CliRun.RunAsync("project", "connect-repo", "odoo", "--url", "git@github.com:acme/odoo.git", "--kubeconfig", Cluster.KubeconfigPath, "-n", ns);

        Assert.True(run.ExitCode == 0, run.ToString());
        var project = (await Cluster.ReadAsync<Project>(ns, "projects", "odoo"))!;
        var secret = await Cluster.Client.CoreV1.ReadNamespacedSecretAsync(WebhookSecretFormat.NameFor("odoo"), ns);
        Assert.Equal("18.0", project.Spec.Odoo.Version);
        Assert.Equal("main", project.Spec.Repository.Branch);
        Assert.Contains(project.Status!.DeployKey!.PublicKey!, run.Output, StringComparison.Ordinal);
        Assert.Contains(project.Status.DeployKey.Fingerprint!, run.Output, StringComparison.Ordinal);
        Assert.Contains($"URL:    {project.Status.Webhook!.Url}", run.Output, StringComparison.Ordinal);
        Assert.StartsWith(fixture.Sandbox.ReceiverUrl.ToString().TrimEnd('/'), project.Status.Webhook.Url, StringComparison.Ordinal);
        Assert.Contains($"Secret: {System.Text.Encoding.UTF8.GetString(secret.Data[WebhookSecretFormat.SecretKey])}", run.Output, StringComparison.Ordinal);
        Assert.Contains("Deploy Keys", run.Output, StringComparison.Ordinal); // the provider's instructions
    }

    [Fact]
    public async Task Connect_repo_with_json_output_prints_the_project()
    {
        var ns = await Cluster.CreateNamespaceAsync();

        var run = await CliRun.RunAsync("project", "connect-repo", "odoo", "--url", "git@gitlab.com:acme/odoo.git", "--odoo-version", "17.0",
            "--kubeconfig", Cluster.KubeconfigPath, "-n", ns, "-o", "json");

        Assert.True(run.ExitCode == 0, run.ToString());
        using var json = JsonDocument.Parse(run.Output);
        Assert.Equal("odoo", json.RootElement.GetProperty("metadata").GetProperty("name").GetString());
        Assert.Equal("17.0", json.RootElement.GetProperty("spec").GetProperty("odoo").GetProperty("version").GetString());
        Assert.StartsWith("ssh-", json.RootElement.GetProperty("status").GetProperty("deployKey").GetProperty("publicKey").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Connect_repo_pins_a_self_hosted_servers_host_keys_from_a_known_hosts_file()
    {
        var ns = await Cluster.CreateNamespaceAsync();
        const string line = "[git.acme.example]:2222 ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl";
        var file = Path.Combine(Path.GetTempPath(), $"known_hosts-{ns}");
        await File.WriteAllTextAsync(file, line + "\n");

        var run = await CliRun.RunAsync("project", "connect-repo", "odoo", "--url", "ssh://git@git.acme.example:2222/acme/odoo.git", "--provider", "gitlab",
            "--known-hosts", file, "--kubeconfig", Cluster.KubeconfigPath, "-n", ns);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(line, (await Cluster.ReadAsync<Project>(ns, "projects", "odoo"))!.Spec.Repository.KnownHosts);
        var missing = await CliRun.RunAsync("project", "connect-repo", "odoo", "--url", "ssh://git@git.acme.example:2222/acme/odoo.git",
            "--known-hosts", file + ".missing", "--kubeconfig", Cluster.KubeconfigPath, "-n", ns);
        Assert.True(missing.ExitCode == 2, missing.ToString());
        Assert.Contains("--known-hosts", missing.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Regenerate_key_prints_a_new_deploy_key()
    {
        var ns = await Cluster.CreateNamespaceAsync();
        await ConnectAsync(ns);
        var before = (await Cluster.ReadAsync<Project>(ns, "projects", "odoo"))!.Status!.DeployKey!.PublicKey!;

        var run = await CliRun.RunAsync("project", "regenerate-key", "odoo", "--kubeconfig", Cluster.KubeconfigPath, "-n", ns);

        Assert.True(run.ExitCode == 0, run.ToString());
        var after = (await Cluster.ReadAsync<Project>(ns, "projects", "odoo"))!.Status!.DeployKey!.PublicKey!;
        Assert.NotEqual(before, after);
        Assert.Contains(after, run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(before, run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reconfigure_webhook_prints_the_new_secret()
    {
        var ns = await Cluster.CreateNamespaceAsync();
        await ConnectAsync(ns);
        var before = await WebhookSecretAsync(ns);

        var run = await CliRun.RunAsync("project", "reconfigure-webhook", "odoo", "--kubeconfig", Cluster.KubeconfigPath, "-n", ns);

        Assert.True(run.ExitCode == 0, run.ToString());
        var after = await WebhookSecretAsync(ns);
        Assert.NotEqual(before, after);
        Assert.Contains($"Secret: {after}", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Map_branch_creates_a_mapping_that_branch_mappings_lists()
    {
        var ns = await Cluster.CreateNamespaceAsync();
        await ConnectAsync(ns);
        await Sample.CreateEnvironmentAsync(Cluster, ns, "production", "odoo");

        var map = await CliRun.RunAsync("project", "map-branch", "odoo", "--branch", "main", "--environment", "production", "--kubeconfig", Cluster.KubeconfigPath, "-n", ns);
        var list = await CliRun.RunAsync("project", "branch-mappings", "odoo", "--kubeconfig", Cluster.KubeconfigPath, "-n", ns);
        var json = await CliRun.RunAsync("project", "branch-mappings", "odoo", "--kubeconfig", Cluster.KubeconfigPath, "-n", ns, "-o", "json");

        Assert.True(map.ExitCode == 0, map.ToString());
        Assert.Contains("odoo-main", map.Output, StringComparison.Ordinal);
        Assert.True(list.ExitCode == 0, list.ToString());
        var lines = list.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["NAME", "BRANCH", "ENVIRONMENT", "READY", "MESSAGE"], lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(["odoo-main", "main", "production"], lines[1].Split(' ', StringSplitOptions.RemoveEmptyEntries)[..3]);
        using var document = JsonDocument.Parse(json.Output);
        var item = Assert.Single(document.RootElement.GetProperty("items").EnumerateArray());
        Assert.Equal("main", item.GetProperty("spec").GetProperty("branch").GetString());
    }

    [Fact]
    public async Task Map_branch_to_a_missing_environment_exits_3()
    {
        var ns = await Cluster.CreateNamespaceAsync();
        await ConnectAsync(ns);

        var run = await CliRun.RunAsync("project", "map-branch", "odoo", "--branch", "main", "--environment", "nowhere", "--kubeconfig", Cluster.KubeconfigPath, "-n", ns);

        Assert.True(run.ExitCode == 3, run.ToString());
        Assert.Contains("Environment nowhere not found", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_user_without_rights_gets_exit_4_naming_the_role()
    {
        var ns = await Cluster.CreateNamespaceAsync();
        var token = "jane-" + Guid.NewGuid().ToString("N");
        Cluster.Server.AddUserToken(token, "jane");
        var kubeconfig = Path.Combine(Directory.CreateTempSubdirectory("ocore-cli-test-").FullName, "kubeconfig");
        await File.WriteAllTextAsync(kubeconfig, Cluster.Server.KubeconfigFor(token));

        var run = await CliRun.RunAsync("project", "connect-repo", "odoo", "--url", "git@github.com:acme/odoo.git", "--kubeconfig", kubeconfig, "-n", ns);

        Assert.True(run.ExitCode == 4, run.ToString());
        Assert.Contains($"you need the ocore-manage-projects role in namespace {ns}", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_command_line_that_does_not_parse_exits_2()
    {
        var run = await CliRun.RunAsync("project", "connect-repo", "odoo", "--no-such-option");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("--url", run.Error, StringComparison.Ordinal);
    }

    private async Task ConnectAsync(string ns)
    {
        var run = await CliRun.RunAsync("project", "connect-repo", "odoo", "--url", "git@github.com:acme/odoo.git", "--kubeconfig", Cluster.KubeconfigPath, "-n", ns);
        Assert.True(run.ExitCode == 0, run.ToString());
    }

    private async Task<string> WebhookSecretAsync(string ns)
    {
        var secret = await Cluster.Client.CoreV1.ReadNamespacedSecretAsync(WebhookSecretFormat.NameFor("odoo"), ns);
        return System.Text.Encoding.UTF8.GetString(secret.Data[WebhookSecretFormat.SecretKey]);
    }
}
