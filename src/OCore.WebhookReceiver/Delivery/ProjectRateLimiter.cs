using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using OCore.WebhookReceiver.Options;

namespace OCore.WebhookReceiver.Delivery;

/// <summary>
/// One token bucket per project. Only verified deliveries take a token, so a stranger who knows a project id
/// cannot use up that project's budget, and unknown ids never get a bucket.
/// </summary>
internal sealed class ProjectRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;
    private readonly TimeSpan _replenishmentPeriod;
    private readonly TokenBucketRateLimiterOptions _bucket;
    private readonly Func<string, RateLimiter> _createBucket;

    public ProjectRateLimiter(IOptions<RateLimitOptions> options)
    {
        var settings = options.Value;
        _replenishmentPeriod = settings.ReplenishmentPeriod;
        // The partitioned limiter's own timer refills the buckets, as RateLimitPartition.GetTokenBucketLimiter sets up;
        // the delegates are made once here, since the partitioner is asked for every delivery.
        _bucket = new TokenBucketRateLimiterOptions
        {
            TokenLimit = settings.BurstLimit,
            TokensPerPeriod = settings.TokensPerPeriod,
            ReplenishmentPeriod = settings.ReplenishmentPeriod,
            QueueLimit = 0,
            AutoReplenishment = false,
        };
        _createBucket = _ => new TokenBucketRateLimiter(_bucket);
        _limiter = PartitionedRateLimiter.Create<string, string>(projectId => RateLimitPartition.Get(projectId, _createBucket));
    }

    /// <returns>True when the delivery may go on; otherwise <paramref name="retryAfter"/> says when to come back.</returns>
    public bool TryAcquire(string projectId, out TimeSpan retryAfter)
    {
        using var lease = _limiter.AttemptAcquire(projectId);
        if (lease.IsAcquired)
        {
            retryAfter = TimeSpan.Zero;
            return true;
        }

        retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : _replenishmentPeriod;
        return false;
    }

    public void Dispose() => _limiter.Dispose();
}
