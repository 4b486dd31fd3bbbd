using OCore.DevCluster.Http;
using OCore.DevCluster.Storage;

namespace OCore.DevCluster.Faults;

/// <summary>
/// Fault injection for tests: fail or delay chosen requests, drop open watch connections, compact the
/// watch history so resuming clients get 410 Gone. Every method is safe to call while requests are running.
/// </summary>
public sealed class DevClusterFaults
{
    private readonly ObjectStore _store;
    private readonly List<FaultRule> _rules = [];

    internal DevClusterFaults(ObjectStore store) => _store = store;

    /// <summary>
    /// Answers matching requests with <paramref name="statusCode"/> (e.g. 500, 429, 503) and a Status body.
    /// With <paramref name="retryAfter"/> the answer carries a Retry-After header (whole seconds).
    /// Dispose the result to remove the rule early.
    /// </summary>
    public IDisposable FailRequests(Func<FaultRequest, bool> match, int statusCode, int times = int.MaxValue, TimeSpan? retryAfter = null) =>
        Add(new FaultRule(match, statusCode, TimeSpan.Zero, retryAfter, times));

    /// <summary>Delays matching requests by <paramref name="delay"/> before they are served normally.</summary>
    public IDisposable DelayRequests(Func<FaultRequest, bool> match, TimeSpan delay, int times = int.MaxValue) =>
        Add(new FaultRule(match, 0, delay, null, times));

    /// <summary>Closes every open watch stream at once (clients see the stream end); returns how many were open.</summary>
    public int DropWatches() => _store.DropWatches();

    /// <summary>Forgets the watch event history: a watch resuming from any earlier resourceVersion gets 410 Gone.</summary>
    public void CompactHistory() => _store.Compact();

    /// <summary>Removes all fault rules.</summary>
    public void Clear()
    {
        lock (_rules)
        {
            _rules.Clear();
        }
    }

    internal async Task ApplyAsync(FaultRequest request, CancellationToken cancellationToken)
    {
        FaultRule? rule;
        lock (_rules)
        {
            rule = _rules.FirstOrDefault(r => r.TryClaim(request));
        }
        if (rule is null)
        {
            return;
        }
        if (rule.Delay > TimeSpan.Zero)
        {
            await Task.Delay(rule.Delay, cancellationToken);
        }
        if (rule.StatusCode > 0)
        {
            var reason = rule.StatusCode switch { 429 => "TooManyRequests", 503 => "ServiceUnavailable", 504 => "Timeout", _ => "InternalError" };
            throw new ApiException(rule.StatusCode, reason, $"injected fault: {rule.StatusCode} for {request.Method} {request.Path}")
            {
                RetryAfterSeconds = rule.RetryAfter is { } r ? (int)Math.Ceiling(r.TotalSeconds) : null,
            };
        }
    }

    private Removal Add(FaultRule rule)
    {
        lock (_rules)
        {
            _rules.Add(rule);
        }
        return new Removal(() =>
        {
            lock (_rules)
            {
                _rules.Remove(rule);
            }
        });
    }

    private sealed class Removal(Action remove) : IDisposable
    {
        public void Dispose() => remove();
    }
}
