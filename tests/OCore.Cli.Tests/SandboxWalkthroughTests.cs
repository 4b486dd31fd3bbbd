using System.Text.RegularExpressions;
using OCore.Api.Naming;
using OCore.Cli.Dev;
using OCore.Cli.Tests.Support;
using OCore.Testing;

namespace OCore.Cli.Tests;

/// <summary>
/// The README's Quickstart, step by step, against a real `ocore dev --with-samples` (real sshd and git, the signed
/// webhook over HTTP with the repository's script, kubectl from .tools/bin): a local push ends as a Succeeded Deployment.
/// </summary>
public sealed partial class SandboxWalkthroughTests : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("ocore-walkthrough-").FullName;
    private readonly StringWriter _printed = new();
    private readonly TextWriter _output;
    private readonly CancellationTokenSource _stop = new();
    private Task<int> _run = null!;

    private string Kubeconfig => Path.Combine(_directory, "ocore-dev.kubeconfig");

    public SandboxWalkthroughTests()
    {
        // The sandbox writes from its own task while the test reads what it printed.
        _output = TextWriter.Synchronized(_printed);
    }

    private string Clone => Path.Combine(_directory, "ocore-dev-repo");

    public Task InitializeAsync()
    {
        _run = Task.Run(() => DevCommand.RunAsync(new DevSandboxOptions
        {
            KubeconfigPath = Kubeconfig,
            ReceiverPort = 0,
            GitPort = 0,
            ClonePath = Clone,
            WithSamples = true,
        }, _output, _stop.Token));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        var exitCode = await _run.WaitAsync(TimeSpan.FromSeconds(30));
        _stop.Dispose();
        var cloneRemoved = !Directory.Exists(Clone);
        Directory.Delete(_directory, recursive: true);
        Assert.True(exitCode == 0, Printed());
        Assert.True(cloneRemoved, "the working clone goes with a sandbox that keeps no data");
    }

    [Fact]
    public async Task A_local_push_and_a_signed_github_push_to_the_printed_url_end_as_a_succeeded_deployment()
    {
        // Terminal 1: the sandbox says where everything is once it serves.
        await Eventually.Until(() => Printed().Contains("Next, in another terminal", StringComparison.Ordinal) || _run.IsCompleted,
            "the sandbox prints that it is ready", TimeSpan.FromSeconds(90));
        var printed = Printed();
        Assert.False(_run.IsCompleted, printed);
        Assert.Contains($"kubeconfig: {Kubeconfig}", printed, StringComparison.Ordinal);
        Assert.Matches(@"Git server        ssh://[^@\s]+@127\.0\.0\.1:\d+/acme/odoo-custom\.git", printed);
        Assert.Contains($"Working clone     {Clone}", printed, StringComparison.Ordinal);
        Assert.Contains("Repository        readable with the deploy key", printed, StringComparison.Ordinal);
        Assert.Contains($"bash scripts/send-push.sh -n acme -C {Clone} odoo-custom main", printed, StringComparison.Ordinal);
        var webhookUrl = WebhookUrlLine().Match(printed).Groups["url"].Value;
        Assert.StartsWith("http://127.0.0.1:", webhookUrl, StringComparison.Ordinal);

        // Terminal 2: the resources are there and connected.
        var resources = Kubectl("get", "ocore", "-n", "acme");
        Assert.Matches(@"project\.ocore\.io/odoo-custom\s+ssh://\S+/acme/odoo-custom\.git\s+github\s+True", resources);

        // At start the operator deployed the branch heads it found (polling); the push below is compared with them.
        var initial = OCore.Testing.Cli.Run("git", Clone, "rev-parse", "HEAD").Trim();
        await Eventually.Until(() => Task.FromResult(Kubectl("get", "oenv", "-n", "acme", "-o", "jsonpath={.items[*].status.commit}")),
            commits => commits == $"{initial} {initial}", "production and staging serve the repository's first commit", TimeSpan.FromSeconds(60));

        // Commit and push in the working clone, then send the signed push webhook for the new head.
        await File.AppendAllTextAsync(Path.Combine(Clone, "acme_sale", "models", "sale_order.py"), "# touched by the walkthrough test\n");
        OCore.Testing.Cli.Run("git", Clone, "commit", "-qam", "Touch acme_sale");
        OCore.Testing.Cli.Run("git", Clone, "push", "-q");
        var head = OCore.Testing.Cli.Run("git", Clone, "rev-parse", "HEAD").Trim();
        var deployment = Tool("bash", RepositoryRoot.Combine("scripts", "send-push.sh"), "-n", "acme", "-C", Clone, "odoo-custom", "main").Trim();
        Assert.Equal(ObjectNames.ForDeployment("odoo-custom", "production", head), deployment);

        // ocore deploy watch follows it step by step to the end.
        var watch = await CliRun.RunAsync("deploy", "watch", deployment, "-n", "acme", "--kubeconfig", Kubeconfig);
        Assert.True(watch.ExitCode == 0, watch + "\n--- sandbox\n" + Printed());
        Assert.True(watch.Output.Contains($"Prepare        Succeeded  update acme_sale (since {initial[..12]})", StringComparison.Ordinal), watch.ToString());
        Assert.Contains("Build          Succeeded  built and pushed registry.acme.example/odoo/odoo-custom:" + head, watch.Output, StringComparison.Ordinal);
        Assert.Contains("UpdateModules  Succeeded  -u acme_sale", watch.Output, StringComparison.Ordinal);
        Assert.Contains("Rollout        Succeeded  2 replica(s) ready", watch.Output, StringComparison.Ordinal);
        Assert.Contains($"Deployment {deployment} succeeded", watch.Output, StringComparison.Ordinal);

        // kubectl shows the same.
        var deployments = Kubectl("get", "odeploy", "-n", "acme");
        Assert.Matches($@"(?m)^{Regex.Escape(deployment)}\s+odoo-custom\s+production\s+main\s+Succeeded\s", deployments);
    }

    private string Printed()
    {
        lock (_output)
            return _printed.ToString();
    }

    private string Kubectl(params string[] arguments) =>
        Tool(RepositoryRoot.Combine(".tools", "bin", "kubectl"), arguments);

    /// <summary>Runs a tool as the README's second terminal does: KUBECONFIG exported and .tools/bin first on PATH.</summary>
    private string Tool(string file, params string[] arguments)
    {
        var tools = RepositoryRoot.Combine(".tools", "bin");
        if (!File.Exists(Path.Combine(tools, "kubectl")))
            throw new InvalidOperationException($"kubectl not found in {tools}; run bash scripts/install-tools.sh");
        return OCore.Testing.Cli.RunWith(new Dictionary<string, string>
        {
            ["KUBECONFIG"] = Kubeconfig,
            ["PATH"] = tools + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH"),
        }, file, RepositoryRoot.Path, arguments);
    }

    [GeneratedRegex(@"Webhook URL\s+(?<url>http\S+)")]
    private static partial Regex WebhookUrlLine();
}
