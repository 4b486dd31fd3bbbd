using System.Collections.Concurrent;

namespace OCore.Runtime.Queue;

/// <summary>Per key: base × 2^failures, capped; a success (<see cref="Forget"/>) starts again from the base.</summary>
public sealed class ItemExponentialRateLimiter<TKey>(TimeSpan baseDelay, TimeSpan maxDelay) : IRateLimiter<TKey>
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, int> _failures = new();

    public TimeSpan When(TKey key)
    {
        var failures = _failures.AddOrUpdate(key, 1, (_, n) => n + 1) - 1;
        var delay = baseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(failures, 62));
        return delay >= maxDelay.TotalMilliseconds ? maxDelay : TimeSpan.FromMilliseconds(delay);
    }

    public void Forget(TKey key) => _failures.TryRemove(key, out _);

    public int Failures(TKey key) => _failures.TryGetValue(key, out var n) ? n : 0;
}
