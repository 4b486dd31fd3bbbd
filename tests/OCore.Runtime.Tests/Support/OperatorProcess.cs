using System.Collections.Concurrent;
using System.Text;
using k8s;
using k8s.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OCore.Runtime.Controllers;
using OCore.Runtime.Hosting;
using OCore.Runtime.Informers;
using OCore.Runtime.LeaderElection;
using OCore.Testing;

namespace OCore.Runtime.Tests.Support;

/// <summary>
/// One simulated operator process in-process: its own client (with a kill switch and a request log), its own host
/// running a <see cref="ControllerManager"/> with an informer on the namespace's input ConfigMaps and the
/// <see cref="MirrorReconciler"/>. Processes of one test share the namespace's Lease and a <see cref="SideEffectLog"/>.
/// </summary>
internal sealed class OperatorProcess : IAsyncDisposable
{
    public static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(2);

    private readonly IHost _host;
    private readonly Kubernetes _client;
    private readonly KillSwitch _killSwitch;
    private readonly CancellationTokenSource _killed;
    private bool _stopped;

    private OperatorProcess(string identity, IHost host, Kubernetes client, KillSwitch killSwitch, RequestLog requests,
        CancellationTokenSource killed, Informer<V1ConfigMap> informer, MirrorReconciler reconciler)
    {
        Identity = identity;
        _host = host;
        _client = client;
        _killSwitch = killSwitch;
        Requests = requests;
        _killed = killed;
        Informer = informer;
        Reconciler = reconciler;
        Manager = host.Services.GetRequiredService<ControllerManager>();
        informer.OnEvent(Events.Enqueue);
    }

    public string Identity { get; }

    public ControllerManager Manager { get; }

    public Informer<V1ConfigMap> Informer { get; }

    public MirrorReconciler Reconciler { get; }

    /// <summary>Every request this process sent to the cluster.</summary>
    public RequestLog Requests { get; }

    /// <summary>Every change its informer reported.</summary>
    public ConcurrentQueue<InformerEvent<V1ConfigMap>> Events { get; } = new();

    public static async Task<OperatorProcess> StartAsync(TestCluster cluster, string @namespace, SideEffectLog log, string identity,
        bool leaderElection = true, TimeSpan? leaseDuration = null, Action<MirrorReconciler>? configure = null)
    {
        var killSwitch = new KillSwitch();
        var requests = new RequestLog();
        var config = KubernetesClientConfiguration.BuildConfigFromConfigFile(new MemoryStream(Encoding.UTF8.GetBytes(cluster.Server.Kubeconfig)));
        var client = new Kubernetes(config, killSwitch, requests);

        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddSingleton<IKubernetes>(client);
        builder.Services.AddSingleton(new LeaderElectionOptions
        {
            Enabled = leaderElection,
            LeaseName = "mirror-operator",
            LeaseNamespace = @namespace,
            Identity = identity,
            LeaseDuration = leaseDuration ?? LeaseDuration,
            RenewDeadline = (leaseDuration ?? LeaseDuration) / 2,
            RetryPeriod = TimeSpan.FromMilliseconds(200),
        });
        builder.Services.AddSingleton(services => ActivatorUtilities.CreateInstance<ControllerManager>(services));
        builder.Services.AddHostedService(services => services.GetRequiredService<ControllerManager>());
        var host = builder.Build();

        var manager = host.Services.GetRequiredService<ControllerManager>();
        var informer = manager.AddInformer<V1ConfigMap>(new InformerOptions
        {
            Namespace = @namespace,
            LabelSelector = "role=input",
            ResyncPeriod = TimeSpan.Zero,
            InitialBackoff = TimeSpan.FromMilliseconds(100),
            MaxBackoff = TimeSpan.FromSeconds(2),
        });
        var killed = new CancellationTokenSource();
        var reconciler = new MirrorReconciler(identity, client, informer, log, killed.Token);
        configure?.Invoke(reconciler);
        var loggers = host.Services.GetRequiredService<ILoggerFactory>();
        var controller = new Controller("mirror", reconciler, workers: 2, loggers.CreateLogger("mirror")).For(informer);
        manager.AddController(controller);

        var process = new OperatorProcess(identity, host, client, killSwitch, requests, killed, informer, reconciler);
        await host.StartAsync();
        return process;
    }

    /// <summary>A clean shutdown: in-flight reconciles finish, then the Lease is released.</summary>
    public async Task StopAsync()
    {
        _stopped = true;
        await _host.StopAsync();
    }

    /// <summary>
    /// Dies at once: nothing reaches the cluster any more (the Lease is neither renewed nor released) and running
    /// reconciles stop where they are. The host is then shut down only to free its threads.
    /// </summary>
    public async Task KillAsync()
    {
        _killSwitch.Kill();
        await _killed.CancelAsync();
        await StopAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stopped)
            await KillAsync();
        _host.Dispose();
        _client.Dispose();
        _killed.Dispose();
    }
}
