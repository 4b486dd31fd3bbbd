using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;
using OCore.WebhookReceiver.Dashboard.Streaming;

namespace OCore.WebhookReceiver.Tests.Dashboard;

public sealed class HeartbeatsTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task A_quiet_stream_gets_a_heartbeat_per_interval_and_items_pass_through_in_order()
    {
        var time = new FakeTimeProvider();
        var source = Channel.CreateUnbounded<string>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var merged = Heartbeats.Merge(source.Reader.ReadAllAsync(), Interval, "♥", time, timeout.Token).GetAsyncEnumerator(timeout.Token);

        source.Writer.TryWrite("first");
        Assert.True(await merged.MoveNextAsync());
        Assert.Equal("first", merged.Current);

        var waiting = merged.MoveNextAsync().AsTask();
        await Task.Delay(50);
        Assert.False(waiting.IsCompleted);
        // The merge arms its timer just after asking the source: move the clock until that timer has fired.
        while (!waiting.IsCompleted)
        {
            time.Advance(Interval);
            await Task.WhenAny(waiting, Task.Delay(10));
        }
        Assert.True(await waiting);
        Assert.Equal("♥", merged.Current);

        source.Writer.TryWrite("second");
        source.Writer.Complete();
        Assert.True(await merged.MoveNextAsync());
        Assert.Equal("second", merged.Current);
        Assert.False(await merged.MoveNextAsync());
    }

    [Fact]
    public async Task A_busy_stream_gets_no_heartbeat()
    {
        var time = new FakeTimeProvider();
        var items = Enumerable.Range(1, 5).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToAsyncEnumerable();

        var seen = await Heartbeats.Merge(items, Interval, "♥", time, CancellationToken.None).ToListAsync();

        Assert.Equal(["1", "2", "3", "4", "5"], seen);
    }
}
