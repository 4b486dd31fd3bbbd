using System.Text.Json;
using OCore.Api.GitHubApp;
using OCore.Cli.Tests.Support;
using OCore.Management;

namespace OCore.Cli.Tests;

/// <summary>
/// `ocore github-app show|install-url` against `ocore dev`: the CLI asks the public service (it alone holds the App's
/// keys) with the kubeconfig user's token, and RBAC decides.
/// </summary>
public sealed class GitHubAppSettingsCommandTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>, IAsyncLifetime
{
    private const string AppWebhookSecret = "cli-test-app-webhook-secret";

    public async Task InitializeAsync() => await fixture.CreateGitHubAppSecretAsync(AppWebhookSecret, slug: "ocore-cli-test");

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Show_prints_the_configuration_and_install_url_prints_a_link_signed_for_the_namespace()
    {
        var org = await fixture.CreateNamespaceAsync();
        var kubeconfig = await KubeconfigAsync(org, "ada", Roles.ManageOrgSettings);

        var show = await CliRun.RunAsync("github-app", "show", "--api-url", fixture.Sandbox.ReceiverUrl.ToString(), "--kubeconfig", kubeconfig, "-n", org);
        Assert.True(show.ExitCode == 0, show.ToString());
        Assert.Contains("https://github.com/apps/ocore-cli-test", show.Output, StringComparison.Ordinal);
        Assert.Contains("/api/github-app/callback", show.Output, StringComparison.Ordinal);

        var json = await CliRun.RunAsync("github-app", "show", "--api-url", fixture.Sandbox.ReceiverUrl.ToString(), "--kubeconfig", kubeconfig, "-n", org, "-o", "json");
        using (var document = JsonDocument.Parse(json.Output))
            Assert.Equal(org, document.RootElement.GetProperty("organization").GetString());

        var link = await CliRun.RunAsync("github-app", "install-url", "--api-url", fixture.Sandbox.ReceiverUrl.ToString(), "--kubeconfig", kubeconfig, "-n", org);
        Assert.True(link.ExitCode == 0, link.ToString());
        var url = new Uri(link.Output.Trim());
        Assert.Equal("https://github.com/apps/ocore-cli-test/installations/new", url.GetLeftPart(UriPartial.Path));
        var state = Uri.UnescapeDataString(url.Query["?state=".Length..]);
        Assert.True(InstallState.TryRead(InstallState.KeyFromSecret(AppWebhookSecret), state, DateTimeOffset.UtcNow, out var read, out var error), error);
        Assert.Equal(org, read.Namespace);
    }

    [Fact]
    public async Task A_project_manager_is_refused_with_exit_4_naming_the_role()
    {
        var org = await fixture.CreateNamespaceAsync();
        var kubeconfig = await KubeconfigAsync(org, "maria", Roles.ManageProjects);

        var run = await CliRun.RunAsync("github-app", "install-url", "--api-url", fixture.Sandbox.ReceiverUrl.ToString(), "--kubeconfig", kubeconfig, "-n", org);

        Assert.True(run.ExitCode == 4, run.ToString());
        Assert.Contains(Roles.ManageOrgSettings, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_the_public_url_the_command_says_how_to_give_it()
    {
        var org = await fixture.CreateNamespaceAsync();
        var kubeconfig = await KubeconfigAsync(org, "ada", Roles.ManageOrgSettings);
        System.Environment.SetEnvironmentVariable(Commands.PublicApi.UrlVariable, null);

        var run = await CliRun.RunAsync("github-app", "show", "--kubeconfig", kubeconfig, "-n", org);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("--api-url", run.Error, StringComparison.Ordinal);
    }

    private async Task<string> KubeconfigAsync(string org, string person, params string[] roles)
    {
        var path = Path.Combine(Path.GetTempPath(), $"ocore-{org}-{person}.kubeconfig");
        await File.WriteAllTextAsync(path, fixture.Sandbox.Cluster.KubeconfigFor(await fixture.PersonAsync(org, person, roles)));
        return path;
    }
}
