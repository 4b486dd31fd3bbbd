using OCore.DevCluster.Http;
using OCore.DevCluster.Storage;

namespace OCore.DevCluster.Controllers;

/// <summary>
/// Runs the simulated controllers on one background loop, woken by every store change and by the timers
/// controllers ask for. A single loop keeps them deterministic and free of races among themselves.
/// </summary>
internal sealed class ControllerHost : IAsyncDisposable
{
    private static readonly TimeSpan CoalesceDelay = TimeSpan.FromMilliseconds(5);
    private readonly SemaphoreSlim _signal = new(0, 1);
    private readonly IReadOnlyList<IController> _controllers;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public ControllerHost(ObjectStore store, IReadOnlyList<IController> controllers, TimeProvider clock, ILogger logger)
    {
        _controllers = controllers;
        _clock = clock;
        _logger = logger;
        store.Changed += Wake;
        _loop = Task.Run(LoopAsync);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
            // Expected on shutdown.
        }
        _stop.Dispose();
        _signal.Dispose();
    }

    private void Wake()
    {
        try
        {
            _signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // A wake-up is already pending.
        }
        catch (ObjectDisposedException)
        {
            // Shutting down.
        }
    }

    private async Task LoopAsync()
    {
        var token = _stop.Token;
        while (!token.IsCancellationRequested)
        {
            DateTimeOffset? next = null;
            foreach (var controller in _controllers)
            {
                try
                {
                    var wake = controller.Reconcile(_clock.GetUtcNow());
                    if (wake is { } w && (next is null || w < next))
                    {
                        next = w;
                    }
                }
                catch (ApiException e)
                {
                    // Conflicts with concurrent API writes are retried on the next pass.
                    _logger.LogDebug("{Controller}: {Message}", controller.GetType().Name, e.Message);
                    next = _clock.GetUtcNow().AddMilliseconds(100);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // A controller bug must not stop the other controllers: log it and retry later.
                    _logger.LogWarning(e, "{Controller} failed", controller.GetType().Name);
                    next = _clock.GetUtcNow().AddSeconds(1);
                }
            }
            var delay = next is { } n ? n - _clock.GetUtcNow() : Timeout.InfiniteTimeSpan;
            if (delay != Timeout.InfiniteTimeSpan && delay < TimeSpan.Zero)
            {
                delay = TimeSpan.Zero;
            }
            if (await _signal.WaitAsync(delay, token))
            {
                // Let a burst of writes (e.g. kubectl apply of many objects) land before the next pass.
                await Task.Delay(CoalesceDelay, token);
            }
        }
    }
}
