namespace OCore.Runtime.Queue;

/// <summary>
/// The controller work queue (client-go's semantics): a key waits at most once (adding it again while it waits does
/// nothing), a key is never handed to two workers at once (re-added while processed, it comes back after
/// <see cref="Done"/>), failed keys return after a rate-limited delay, and reconcilers can ask to come back later.
/// </summary>
public sealed class WorkQueue<TKey> : IDisposable
    where TKey : notnull
{
    private readonly Lock _lock = new();
    private readonly Queue<TKey> _queue = new();
    private readonly Dictionary<TKey, long> _waiting = [];       // key → timestamp when it was added (for latency)
    private readonly HashSet<TKey> _processing = [];
    private readonly Dictionary<TKey, ITimer> _delayed = [];
    private readonly SemaphoreSlim _available = new(0);
    private readonly IRateLimiter<TKey> _rateLimiter;
    private readonly TimeProvider _time;
    private readonly WorkQueueMetrics? _metrics;
    private bool _shuttingDown;

    public WorkQueue(IRateLimiter<TKey> rateLimiter, TimeProvider time, WorkQueueMetrics? metrics = null)
    {
        _rateLimiter = rateLimiter;
        _time = time;
        _metrics = metrics;
    }

    /// <summary>Keys waiting to be handed out.</summary>
    public int Depth
    {
        get
        {
            lock (_lock)
                return _queue.Count;
        }
    }

    public void Add(TKey key)
    {
        lock (_lock)
        {
            if (_shuttingDown || _waiting.ContainsKey(key))
                return;
            _waiting[key] = _time.GetTimestamp();
            if (_processing.Contains(key))
                return; // Handed out again by Done.
            Enqueue(key);
        }
    }

    /// <summary>Adds the key after <paramref name="delay"/>; an earlier pending delay for the key wins.</summary>
    public void AddAfter(TKey key, TimeSpan delay)
    {
        if (delay <= TimeSpan.Zero)
        {
            Add(key);
            return;
        }

        lock (_lock)
        {
            if (_shuttingDown)
                return;
            if (_delayed.TryGetValue(key, out var existing))
                existing.Dispose();
            ITimer? timer = null;
            timer = _time.CreateTimer(_ =>
            {
                lock (_lock)
                {
                    if (_delayed.TryGetValue(key, out var current) && ReferenceEquals(current, timer))
                        _delayed.Remove(key);
                }

                Add(key);
            }, null, delay, Timeout.InfiniteTimeSpan);
            _delayed[key] = timer;
        }
    }

    /// <summary>Adds the key after its backoff (per-key exponential, bounded overall), or after <paramref name="atLeast"/> if longer.</summary>
    public void AddRateLimited(TKey key, TimeSpan? atLeast = null)
    {
        var backoff = _rateLimiter.When(key);
        AddAfter(key, atLeast > backoff ? atLeast.Value : backoff);
    }

    /// <summary>Clears the key's failure count after a success.</summary>
    public void Forget(TKey key) => _rateLimiter.Forget(key);

    public int Failures(TKey key) => _rateLimiter.Failures(key);

    /// <summary>Waits for the next key; null once the queue is shut down.</summary>
    public async Task<TKey?> GetAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            await _available.WaitAsync(cancellationToken);
            lock (_lock)
            {
                if (_queue.Count == 0)
                {
                    if (_shuttingDown)
                    {
                        _available.Release(); // Let the other workers see the shutdown too.
                        return default;
                    }

                    continue;
                }

                var key = _queue.Dequeue();
                _metrics?.Dequeued(_time.GetElapsedTime(_waiting[key]), _queue.Count);
                _waiting.Remove(key);
                _processing.Add(key);
                return key;
            }
        }
    }

    /// <summary>Marks the key processed; if it was added meanwhile it is queued again now.</summary>
    public void Done(TKey key)
    {
        lock (_lock)
        {
            _processing.Remove(key);
            if (_waiting.ContainsKey(key) && !_shuttingDown)
                Enqueue(key);
        }
    }

    /// <summary>Stops handing out keys; workers' <see cref="GetAsync"/> returns null once the queue is empty.</summary>
    public void ShutDown()
    {
        lock (_lock)
        {
            _shuttingDown = true;
            foreach (var timer in _delayed.Values)
                timer.Dispose();
            _delayed.Clear();
            _queue.Clear();
            _waiting.Clear();
        }

        _available.Release();
    }

    public void Dispose()
    {
        ShutDown();
        _available.Dispose();
    }

    private void Enqueue(TKey key)
    {
        _queue.Enqueue(key);
        _metrics?.Enqueued(_queue.Count);
        _available.Release();
    }
}
