using System.Diagnostics;

namespace OCore.Bench.Cluster;

/// <summary>One write waiting for every watcher to see it.</summary>
internal sealed class PendingWrite(int watchers)
{
    private readonly int _watchers = watchers;
    private int _remaining = watchers;

    public Stopwatch Clock { get; } = Stopwatch.StartNew();

    public double FirstSeen { get; private set; }

    public TaskCompletionSource<double> AllSeen { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Seen()
    {
        var elapsed = Clock.Elapsed.TotalMilliseconds;
        var left = Interlocked.Decrement(ref _remaining);
        if (left == _watchers - 1)
            FirstSeen = elapsed;
        if (left == 0)
            AllSeen.TrySetResult(elapsed);
    }
}
