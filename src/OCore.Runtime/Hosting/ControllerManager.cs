using k8s;
using k8s.LeaderElection;
using k8s.LeaderElection.ResourceLock;
using k8s.Models;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OCore.Runtime.Controllers;
using OCore.Runtime.Informers;
using OCore.Runtime.LeaderElection;

namespace OCore.Runtime.Hosting;

/// <summary>
/// Runs informers from the start (so a standby's caches are warm) and controllers only while this process holds
/// the Lease. Losing the Lease stops the process, as controller-runtime does: the pod restarts as a standby, and no
/// two processes ever reconcile at once. A clean shutdown finishes in-flight work and releases the Lease.
/// </summary>
public sealed class ControllerManager(
    IKubernetes kubernetes,
    LeaderElectionOptions leaderElection,
    IHostApplicationLifetime lifetime,
    ILoggerFactory loggerFactory) : BackgroundService
{
    private readonly List<Func<CancellationToken, Task>> _informers = [];
    private readonly List<Func<bool>> _synced = [];
    private readonly List<Controller> _controllers = [];
    private readonly ILogger _logger = loggerFactory.CreateLogger<ControllerManager>();
    private volatile bool _leading;

    /// <summary>How long in-flight reconciles may finish after a shutdown starts.</summary>
    public TimeSpan ShutdownGrace { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Every informer has listed once: the process can serve.</summary>
    public bool IsReady => _synced.All(synced => synced());

    public bool IsLeader => _leading || !leaderElection.Enabled;

    /// <summary>An informer the manager runs; <paramref name="compact"/> shares a kind's repeated strings (e.g. condition messages) before an object is cached.</summary>
    public Informer<T> AddInformer<T>(InformerOptions? options = null, Action<T, StringPool>? compact = null)
        where T : IKubernetesObject<V1ObjectMeta>
    {
        var client = new KubernetesResourceClient<T>(kubernetes, ResourceType.Of<T>());
        var informer = new Informer<T>(client, options ?? new InformerOptions(), loggerFactory.CreateLogger($"Informer<{typeof(T).Name}>"),
            compact: compact);
        _informers.Add(informer.RunAsync);
        _synced.Add(() => informer.HasSynced);
        return informer;
    }

    public void AddController(Controller controller) => _controllers.Add(controller);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var informersStop = new CancellationTokenSource();
        var informers = _informers.Select(run => Task.Run(() => run(informersStop.Token), CancellationToken.None)).ToList();
        try
        {
            if (leaderElection.Enabled)
                await LeadAsync(stoppingToken);
            else
                await RunWithoutElectionAsync(stoppingToken);
        }
        finally
        {
            await informersStop.CancelAsync();
            await Task.WhenAll(informers).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private async Task LeadAsync(CancellationToken stoppingToken)
    {
        var leaseLock = new LeaseLock(kubernetes, leaderElection.LeaseNamespace, leaderElection.LeaseName, leaderElection.Identity);
        using var elector = new LeaderElector(new LeaderElectionConfig(leaseLock)
        {
            LeaseDuration = leaderElection.LeaseDuration,
            RenewDeadline = leaderElection.RenewDeadline,
            RetryPeriod = leaderElection.RetryPeriod,
        });
        using var leadership = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        using var abort = new CancellationTokenSource();
        Task controllers = Task.CompletedTask;
        elector.OnStartedLeading += () =>
        {
            _leading = true;
            _logger.LogInformation("Leading as {Identity} (Lease {Namespace}/{Lease})", leaseLock.Identity, leaderElection.LeaseNamespace, leaderElection.LeaseName);
            controllers = RunControllersAsync(leadership.Token, abort.Token);
        };
        elector.OnStoppedLeading += () =>
        {
            _leading = false;
            leadership.Cancel();
            if (!stoppingToken.IsCancellationRequested)
                abort.Cancel(); // Someone else leads now: not one more write from here.
        };
        elector.OnNewLeader += leader => _logger.LogInformation("Lease {Lease} is held by {Leader}", leaderElection.LeaseName, leader);

        await elector.RunUntilLeadershipLostAsync(stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await leadership.CancelAsync();
        abort.CancelAfter(ShutdownGrace);
        await controllers;
        if (stoppingToken.IsCancellationRequested)
        {
            var released = await LeaseRelease.ReleaseAsync(leaseLock, CancellationToken.None).ConfigureAwait(false);
            _logger.LogInformation(released ? "Released the Lease" : "Did not hold the Lease at shutdown");
        }
        else
        {
            _logger.LogError("Lost the Lease {Lease}; stopping so that only the new leader reconciles", leaderElection.LeaseName);
            lifetime.StopApplication();
        }
    }

    private async Task RunWithoutElectionAsync(CancellationToken stoppingToken)
    {
        using var abort = new CancellationTokenSource();
        using var onStop = stoppingToken.Register(() => abort.CancelAfter(ShutdownGrace));
        // Informers keep running until shutdown even with no controller (the receiver only reads caches).
        await Task.WhenAll(RunControllersAsync(stoppingToken, abort.Token),
            Task.Delay(Timeout.Infinite, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default));
    }

    private Task RunControllersAsync(CancellationToken stopping, CancellationToken abort) =>
        Task.WhenAll(_controllers.Select(controller => controller.RunAsync(stopping, abort)));
}
