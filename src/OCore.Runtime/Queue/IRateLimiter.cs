namespace OCore.Runtime.Queue;

/// <summary>Decides how long a failed key waits before it is tried again.</summary>
public interface IRateLimiter<in TKey>
{
    TimeSpan When(TKey key);

    void Forget(TKey key);

    int Failures(TKey key);
}
