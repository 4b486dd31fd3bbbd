namespace OCore.Runtime.Queue;

/// <summary>
/// An overall limit across keys (so a storm of failures cannot hammer the API): each retry takes a token, tokens
/// refill at <c>perSecond</c> up to <c>burst</c>, and a retry without a token waits for the next one.
/// </summary>
public sealed class TokenBucketRateLimiter<TKey>(double perSecond, int burst, TimeProvider time) : IRateLimiter<TKey>
{
    private readonly Lock _lock = new();
    private double _tokens = burst;
    private long _last = time.GetTimestamp();

    public TimeSpan When(TKey key)
    {
        lock (_lock)
        {
            var now = time.GetTimestamp();
            _tokens = Math.Min(burst, _tokens + time.GetElapsedTime(_last, now).TotalSeconds * perSecond);
            _last = now;
            _tokens -= 1;
            return _tokens >= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(-_tokens / perSecond);
        }
    }

    public void Forget(TKey key)
    {
    }

    public int Failures(TKey key) => 0;
}
