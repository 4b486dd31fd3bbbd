using System.Text;
using System.Text.Json.Nodes;
using k8s;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OCore.Api.V1Alpha1;
using OCore.DevCluster;
using OCore.Git.Serving;
using OCore.Operator.Hosting;
using OCore.WebhookReceiver.Hosting;

namespace OCore.Cli.Dev;

/// <summary>
/// The local sandbox: DevCluster (a Kubernetes API), oCore's CRDs, the operator, the webhook receiver and a Git
/// server (a real sshd) serving a sample repository, all on loopback. The kubeconfig is written only once everything
/// serves, and, with the samples, once the operator reads the sample repository with its deploy key.
/// </summary>
public sealed class DevSandbox : IAsyncDisposable
{
    public const string SampleNamespace = "acme";
    public const string SampleProject = "odoo-custom";

    private readonly DevClusterServer _cluster;
    private readonly WebApplication _receiver;
    private readonly IHost _operator;
    private readonly string? _temporaryState;
    private SshGitServer? _git;
    private LocalRepositoryAccess? _access;

    private DevSandbox(DevClusterServer cluster, WebApplication receiver, IHost @operator, string? temporaryState, Uri receiverUrl)
    {
        _cluster = cluster;
        _receiver = receiver;
        _operator = @operator;
        _temporaryState = temporaryState;
        ReceiverUrl = receiverUrl;
    }

    /// <summary>Where the sandbox looks for the GitHub App's Secret, as the chart's <c>githubApp.secretName</c> in its namespace.</summary>
    public const string GitHubAppSecretName = "ocore-github-app";

    public const string SystemNamespace = "ocore-system";

    public Uri ApiUrl => _cluster.BaseUrl;

    public Uri ReceiverUrl { get; }

    public int SamplesCreated { get; private set; }

    /// <summary>The sample repository and its working clone; null when the git server could not start.</summary>
    public SandboxRepository? Repository { get; private set; }

    /// <summary>Why there is no git server (sshd or git missing), with the fix; null when it runs.</summary>
    public string? GitServerProblem { get; private set; }

    /// <summary>With the samples: the sample Project's RepositoryAccessible condition when it was not True in time.</summary>
    public string? SampleProblem { get; private set; }

    /// <summary>The sample Project's webhook URL, once the operator connected it.</summary>
    public string? SampleWebhookUrl { get; private set; }

    public static async Task<DevSandbox> StartAsync(DevSandboxOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var cluster = await DevClusterServer.StartAsync(new DevClusterOptions { DataDirectory = options.DataDirectory }, cancellationToken);
        var temporaryState = options.DataDirectory is null ? Directory.CreateTempSubdirectory("ocore-dev-").FullName : null;
        var stateDirectory = options.DataDirectory ?? temporaryState!;
        var internalKubeconfig = Path.Combine(stateDirectory, "sandbox.kubeconfig");
        await File.WriteAllTextAsync(internalKubeconfig, cluster.Kubeconfig, cancellationToken);

        using (var admin = new Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(new MemoryStream(Encoding.UTF8.GetBytes(cluster.Kubeconfig)))))
        {
            if ((await admin.ApiextensionsV1.ListCustomResourceDefinitionAsync(cancellationToken: cancellationToken)).Items.All(c => c.Spec.Group != "ocore.io"))
                await EmbeddedManifests.InstallCrdsAsync(admin, cancellationToken);
            await EmbeddedManifests.InstallUserRolesAsync(admin, cancellationToken);
        }

        var receiver = BuildReceiver(internalKubeconfig, options.ReceiverPort);
        try
        {
            await receiver.StartAsync(cancellationToken);
        }
        catch (IOException error)
        {
            await receiver.DisposeAsync();
            await cluster.DisposeAsync();
            throw new DevSandboxException(
                $"the webhook receiver cannot listen on 127.0.0.1:{options.ReceiverPort} ({error.InnerException?.Message ?? error.Message}); pass --receiver-port N, or 0 for a free port");
        }

        var receiverUrl = new Uri(receiver.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

        var @operator = BuildOperator(internalKubeconfig, receiverUrl);
        await @operator.StartAsync(cancellationToken);

        var sandbox = new DevSandbox(cluster, receiver, @operator, temporaryState, receiverUrl);
        try
        {
            await sandbox.StartGitServerAsync(options, stateDirectory, internalKubeconfig, cancellationToken);
            if (options.WithSamples)
                await sandbox.ApplySamplesAsync(internalKubeconfig, options.SampleReadyTimeout, cancellationToken);

            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(options.KubeconfigPath))!);
            await File.WriteAllTextAsync(options.KubeconfigPath, cluster.Kubeconfig, cancellationToken);
            return sandbox;
        }
        catch
        {
            await sandbox.DisposeAsync();
            throw;
        }
    }

    /// <summary>The sandbox's Kubernetes API, for tests that script its simulated workloads or add users.</summary>
    public DevClusterServer Cluster => _cluster;

    public async ValueTask DisposeAsync()
    {
        if (_access is not null)
            await _access.DisposeAsync();
        await _operator.StopAsync();
        _operator.Dispose();
        await _receiver.StopAsync();
        await _receiver.DisposeAsync();
        if (_git is not null)
            await _git.DisposeAsync();
        await _cluster.DisposeAsync();
        if (_temporaryState is not null)
        {
            // Without --data-dir the repository goes with the cluster, so its working clone goes too.
            if (Repository is not null && Directory.Exists(Repository.WorkingClone))
                Directory.Delete(Repository.WorkingClone, recursive: true);
            if (Directory.Exists(_temporaryState))
                Directory.Delete(_temporaryState, recursive: true);
        }
    }

    /// <summary>
    /// Starts sshd with the sample repository and the watcher that lets Projects on it in. Without sshd or git the
    /// rest of the sandbox still runs; Deployments then stop at Prepare, as on a cluster that cannot reach the repository.
    /// </summary>
    private async Task StartGitServerAsync(DevSandboxOptions options, string stateDirectory, string kubeconfig, CancellationToken cancellationToken)
    {
        try
        {
            _git = await SshGitServer.StartAsync(new SshGitServerOptions
            {
                Directory = Path.Combine(stateDirectory, "git-server"),
                Port = options.GitPort,
                SshdPath = options.SshdPath,
            }, cancellationToken);
        }
        catch (GitServerUnavailableException error)
        {
            GitServerProblem = error.Message + (options.GitPort != 0 && SshGitServer.MissingTools(options.SshdPath).Count == 0 ? " (--git-port chooses another port)" : "");
            return;
        }

        var clone = await SampleRepository.EnsureAsync(_git, options.ClonePath ?? Path.Combine(stateDirectory, SampleProject), cancellationToken);
        Repository = new SandboxRepository(_git.UrlFor(SampleRepository.RepositoryPath).ToString(), clone, _git.KnownHosts, _git.Port);
        _access = LocalRepositoryAccess.Start(_git, kubeconfig, _operator.Services.GetRequiredService<ILoggerFactory>());
    }

    /// <summary>
    /// Applies the samples with the Project on the sandbox's repository, then waits until the operator read it with
    /// the deploy key: by then the poller has also deployed the branch heads, so a person's first push is the newest.
    /// </summary>
    private async Task ApplySamplesAsync(string kubeconfig, TimeSpan readyTimeout, CancellationToken cancellationToken)
    {
        using var admin = new Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(kubeconfig));
        SamplesCreated = await EmbeddedManifests.ApplySamplesAsync(admin, PointAtSandboxRepository, cancellationToken);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(readyTimeout);
        Project? project = null;
        try
        {
            while (true)
            {
                project = KubernetesJson.Deserialize<Project>(KubernetesJson.Serialize(await admin.CustomObjects.GetNamespacedCustomObjectAsync(
                    "ocore.io", "v1alpha1", SampleNamespace, "projects", SampleProject, cancellationToken: timeout.Token)));
                SampleWebhookUrl = project.Status?.Webhook?.Url;
                // The condition must be about the current spec (the pinned host key): an older True is followed by one
                // more look, which would otherwise deploy a person's first push by polling before its webhook arrives.
                var accessible = Conditions.Find(project.Status?.Conditions, ConditionTypes.RepositoryAccessible);
                var connected = SampleWebhookUrl is not null && (Repository is null
                    || accessible is { Status: ConditionStatus.True } && accessible.ObservedGeneration == project.Metadata.Generation);
                if (connected)
                    return;
                await Task.Delay(TimeSpan.FromMilliseconds(100), timeout.Token);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            var condition = Conditions.Find(project?.Status?.Conditions, ConditionTypes.RepositoryAccessible);
            SampleProblem = $"the operator could not read the sample repository within {readyTimeout.TotalSeconds:0} s"
                            + (condition is null ? "" : $": {condition.Message}");
        }
    }

    /// <summary>The sample Project names a GitHub repository out of reach here; the sandbox serves one at its own URL instead.</summary>
    private void PointAtSandboxRepository(JsonNode document)
    {
        if (Repository is null || document["kind"]?.GetValue<string>() != "Project" || document["metadata"]?["name"]?.GetValue<string>() != SampleProject)
            return;
        // knownHosts stays empty here: LocalRepositoryAccess pins it after adding the deploy key, so the operator's
        // first look at the repository already succeeds (it looks when the known_hosts arrive).
        document["spec"]!["repository"]!["url"] = Repository.Url;
        document["spec"]!["repository"]!["provider"] = "github";
    }

    /// <summary>The receiver as it runs in a cluster, on a loopback port, reading the sandbox's API.</summary>
    private static WebApplication BuildReceiver(string kubeconfig, int port)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [] });
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Configuration["Cluster:Kubeconfig"] = kubeconfig;
        builder.Configuration["GitHubApp:SecretName"] = GitHubAppSecretName;
        builder.Configuration["GitHubApp:SecretNamespace"] = SystemNamespace;
        builder.AddReceiver();
        var app = builder.Build();
        app.MapReceiver();
        return app;
    }

    /// <summary>The operator with leader election off (one process) and the receiver's URL in the webhook URLs it prints.</summary>
    private static IHost BuildOperator(string kubeconfig, Uri receiverUrl)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [] });
        builder.Configuration["Operator:Kubeconfig"] = kubeconfig;
        builder.Configuration["Operator:PublicReceiverUrl"] = receiverUrl.ToString().TrimEnd('/');
        builder.Configuration["Operator:LeaderElection:Enabled"] = "false";
        builder.Configuration["Operator:GitHubApp:SecretName"] = GitHubAppSecretName;
        builder.Configuration["Operator:GitHubApp:SecretNamespace"] = SystemNamespace;
        builder.AddOperatorLogging();
        builder.Services.AddOperator();
        return builder.Build();
    }
}
