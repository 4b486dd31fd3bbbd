using Microsoft.Extensions.Time.Testing;
using OCore.Runtime.Queue;

namespace OCore.Runtime.Tests.Queue;

public sealed class WorkQueueTests
{
    private readonly FakeTimeProvider _time = new();

    private WorkQueue<string> NewQueue() =>
        new(new ItemExponentialRateLimiter<string>(TimeSpan.FromMilliseconds(10), TimeSpan.FromSeconds(1)), _time);

    [Fact]
    public async Task A_key_added_twice_while_waiting_is_handed_out_once()
    {
        using var queue = NewQueue();
        queue.Add("a");
        queue.Add("a");
        queue.Add("b");
        Assert.Equal(2, queue.Depth);
        Assert.Equal("a", await queue.GetAsync(CancellationToken.None));
        Assert.Equal("b", await queue.GetAsync(CancellationToken.None));
        Assert.Equal(0, queue.Depth);
    }

    [Fact]
    public async Task A_key_being_processed_is_not_handed_to_a_second_worker_until_done()
    {
        using var queue = NewQueue();
        queue.Add("a");
        var first = await queue.GetAsync(CancellationToken.None);
        queue.Add("a"); // changed again while a worker reconciles it

        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => queue.GetAsync(cts.Token));

        queue.Done(first!);
        Assert.Equal("a", await queue.GetAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Done_without_a_new_add_does_not_requeue()
    {
        using var queue = NewQueue();
        queue.Add("a");
        queue.Done((await queue.GetAsync(CancellationToken.None))!);
        Assert.Equal(0, queue.Depth);
    }

    [Fact]
    public async Task AddAfter_waits_for_the_delay()
    {
        using var queue = NewQueue();
        queue.AddAfter("a", TimeSpan.FromSeconds(30));
        Assert.Equal(0, queue.Depth);
        _time.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal(0, queue.Depth);
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("a", await queue.GetAsync(CancellationToken.None));
    }

    [Fact]
    public void Rate_limited_retries_back_off_exponentially_per_key_until_forgotten()
    {
        using var queue = NewQueue();
        queue.AddRateLimited("a"); // 10 ms
        queue.AddRateLimited("a"); // 20 ms (replaces the pending 10 ms timer)
        queue.AddRateLimited("a"); // 40 ms
        Assert.Equal(3, queue.Failures("a"));
        _time.Advance(TimeSpan.FromMilliseconds(39));
        Assert.Equal(0, queue.Depth);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(1, queue.Depth);

        queue.Forget("a");
        Assert.Equal(0, queue.Failures("a"));
    }

    [Fact]
    public void Backoff_is_capped()
    {
        var limiter = new ItemExponentialRateLimiter<string>(TimeSpan.FromMilliseconds(5), TimeSpan.FromMinutes(5));
        TimeSpan last = default;
        for (var i = 0; i < 100; i++)
            last = limiter.When("k");
        Assert.Equal(TimeSpan.FromMinutes(5), last);
        Assert.Equal(TimeSpan.FromMilliseconds(5), limiter.When("other"));
    }

    [Fact]
    public void The_overall_bucket_spreads_a_burst_of_failures()
    {
        var bucket = new TokenBucketRateLimiter<string>(perSecond: 10, burst: 2, _time);
        Assert.Equal(TimeSpan.Zero, bucket.When("a"));
        Assert.Equal(TimeSpan.Zero, bucket.When("b"));
        Assert.Equal(TimeSpan.FromMilliseconds(100), bucket.When("c"));
        Assert.Equal(TimeSpan.FromMilliseconds(200), bucket.When("d"));
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(TimeSpan.Zero, bucket.When("e"));
    }

    [Fact]
    public async Task Shutdown_releases_every_waiting_worker()
    {
        using var queue = NewQueue();
        var workers = Enumerable.Range(0, 3).Select(_ => queue.GetAsync(CancellationToken.None)).ToArray();
        queue.ShutDown();
        var results = await Task.WhenAll(workers).WaitAsync(TimeSpan.FromSeconds(5));
        Assert.All(results, Assert.Null);
        queue.Add("ignored");
        Assert.Equal(0, queue.Depth);
    }
}
