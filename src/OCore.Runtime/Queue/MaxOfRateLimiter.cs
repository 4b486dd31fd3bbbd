namespace OCore.Runtime.Queue;

/// <summary>The longest wait any of the limiters asks for (per-item backoff combined with the overall limit).</summary>
public sealed class MaxOfRateLimiter<TKey>(params IRateLimiter<TKey>[] limiters) : IRateLimiter<TKey>
    where TKey : notnull
{
    public TimeSpan When(TKey key) => limiters.Select(l => l.When(key)).Max();

    public void Forget(TKey key)
    {
        foreach (var limiter in limiters)
            limiter.Forget(key);
    }

    public int Failures(TKey key) => limiters.Max(l => l.Failures(key));

    /// <summary>client-go's defaults: 5 ms doubling to 5 minutes per item, 10 per second (burst 100) overall.</summary>
    public static MaxOfRateLimiter<TKey> Default(TimeProvider time) => new(
        new ItemExponentialRateLimiter<TKey>(TimeSpan.FromMilliseconds(5), TimeSpan.FromMinutes(5)),
        new TokenBucketRateLimiter<TKey>(10, 100, time));
}
