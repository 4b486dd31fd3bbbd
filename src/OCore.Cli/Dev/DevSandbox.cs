using System.Text;
using k8s;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OCore.DevCluster;
using OCore.Operator.Hosting;
using OCore.WebhookReceiver.Cluster;
using OCore.WebhookReceiver.Endpoints;
using OCore.WebhookReceiver.Hosting;

namespace OCore.Cli.Dev;

/// <summary>
/// The local sandbox: DevCluster (a Kubernetes API), oCore's CRDs, the operator and the webhook receiver, all in
/// this process and on loopback. The kubeconfig is written only once everything serves.
/// </summary>
public sealed class DevSandbox : IAsyncDisposable
{
    private readonly DevClusterServer _cluster;
    private readonly WebApplication _receiver;
    private readonly IHost _operator;

    private DevSandbox(DevClusterServer cluster, WebApplication receiver, IHost @operator, Uri receiverUrl, int samples)
    {
        _cluster = cluster;
        _receiver = receiver;
        _operator = @operator;
        ReceiverUrl = receiverUrl;
        SamplesCreated = samples;
    }

    public Uri ApiUrl => _cluster.BaseUrl;

    public Uri ReceiverUrl { get; }

    public int SamplesCreated { get; }

    public static async Task<DevSandbox> StartAsync(DevSandboxOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var cluster = await DevClusterServer.StartAsync(new DevClusterOptions { DataDirectory = options.DataDirectory }, cancellationToken);
        var stateDirectory = options.DataDirectory ?? Directory.CreateTempSubdirectory("ocore-dev-").FullName;
        var internalKubeconfig = Path.Combine(stateDirectory, "sandbox.kubeconfig");
        await File.WriteAllTextAsync(internalKubeconfig, cluster.Kubeconfig, cancellationToken);

        using (var admin = new Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(new MemoryStream(Encoding.UTF8.GetBytes(cluster.Kubeconfig)))))
        {
            if ((await admin.ApiextensionsV1.ListCustomResourceDefinitionAsync(cancellationToken: cancellationToken)).Items.All(c => c.Spec.Group != "ocore.io"))
                await EmbeddedManifests.InstallCrdsAsync(admin, cancellationToken);
        }

        var receiver = BuildReceiver(internalKubeconfig, options.ReceiverPort);
        await receiver.StartAsync(cancellationToken);
        var receiverUrl = new Uri(receiver.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

        var @operator = BuildOperator(internalKubeconfig, receiverUrl);
        await @operator.StartAsync(cancellationToken);

        var samples = 0;
        if (options.WithSamples)
        {
            using var admin = new Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(internalKubeconfig));
            samples = await EmbeddedManifests.ApplySamplesAsync(admin, cancellationToken);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(options.KubeconfigPath))!);
        await File.WriteAllTextAsync(options.KubeconfigPath, cluster.Kubeconfig, cancellationToken);
        return new DevSandbox(cluster, receiver, @operator, receiverUrl, samples);
    }

    public async ValueTask DisposeAsync()
    {
        await _operator.StopAsync();
        _operator.Dispose();
        await _receiver.StopAsync();
        await _receiver.DisposeAsync();
        await _cluster.DisposeAsync();
    }

    /// <summary>The receiver as it runs in a cluster, on a loopback port, reading the sandbox's API.</summary>
    private static WebApplication BuildReceiver(string kubeconfig, int port)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [] });
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Configuration["Cluster:Kubeconfig"] = kubeconfig;
        builder.AddReceiverLogging();
        builder.Services.AddWebhookReceiver();
        builder.Services.AddClusterServices();
        var app = builder.Build();
        app.MapWebhookEndpoints();
        app.MapClusterEndpoints();
        return app;
    }

    /// <summary>The operator with leader election off (one process) and the receiver's URL in the webhook URLs it prints.</summary>
    private static IHost BuildOperator(string kubeconfig, Uri receiverUrl)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [] });
        builder.Configuration["Operator:Kubeconfig"] = kubeconfig;
        builder.Configuration["Operator:PublicReceiverUrl"] = receiverUrl.ToString().TrimEnd('/');
        builder.Configuration["Operator:LeaderElection:Enabled"] = "false";
        builder.AddOperatorLogging();
        builder.Services.AddOperator();
        return builder.Build();
    }
}
