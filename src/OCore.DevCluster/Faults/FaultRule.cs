namespace OCore.DevCluster.Faults;

/// <summary>One active fault: requests it matches fail with a status code or are delayed, a limited number of times.</summary>
internal sealed class FaultRule(Func<FaultRequest, bool> match, int statusCode, TimeSpan delay, TimeSpan? retryAfter, int times)
{
    private int _remaining = times;

    public int StatusCode { get; } = statusCode;

    public TimeSpan Delay { get; } = delay;

    public TimeSpan? RetryAfter { get; } = retryAfter;

    /// <summary>Claims one use of the rule if it matches and is not exhausted.</summary>
    public bool TryClaim(FaultRequest request)
    {
        if (Volatile.Read(ref _remaining) <= 0 || !match(request))
        {
            return false;
        }
        return Interlocked.Decrement(ref _remaining) >= 0;
    }
}
