using Microsoft.Extensions.Time.Testing;
using OCore.WebhookReceiver.Delivery;
using OCore.WebhookReceiver.Options;

namespace OCore.WebhookReceiver.Tests.Delivery;

/// <summary>The held-back 401, on a fake clock: nothing here waits for real time.</summary>
public sealed class FailedVerificationTarpitTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public async Task Answer_waits_for_the_configured_delay()
    {
        var tarpit = Tarpit(TimeSpan.FromSeconds(1), maxDelayed: 10);

        var held = tarpit.HoldAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromMilliseconds(999));
        Assert.False(held.IsCompleted);
        Assert.Equal(1, tarpit.Waiting);

        _time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(TarpitOutcome.Delayed, await held);
        Assert.Equal(0, tarpit.Waiting);
    }

    [Fact]
    public async Task Beyond_the_bound_answers_are_not_held()
    {
        var tarpit = Tarpit(TimeSpan.FromSeconds(1), maxDelayed: 2);

        var first = tarpit.HoldAsync(CancellationToken.None);
        var second = tarpit.HoldAsync(CancellationToken.None);
        var third = tarpit.HoldAsync(CancellationToken.None);

        Assert.True(third.IsCompleted);
        Assert.Equal(TarpitOutcome.Full, await third);
        Assert.Equal(2, tarpit.Waiting);

        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(TarpitOutcome.Delayed, await first);
        Assert.Equal(TarpitOutcome.Delayed, await second);
        // Freed places are used again.
        var fourth = tarpit.HoldAsync(CancellationToken.None);
        Assert.False(fourth.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(TarpitOutcome.Delayed, await fourth);
    }

    [Fact]
    public async Task Zero_delay_turns_it_off()
    {
        var tarpit = Tarpit(TimeSpan.Zero, maxDelayed: 10);

        var held = tarpit.HoldAsync(CancellationToken.None);

        Assert.True(held.IsCompleted);
        Assert.Equal(TarpitOutcome.Off, await held);
        Assert.Equal(0, tarpit.Waiting);
    }

    [Fact]
    public async Task A_client_that_leaves_frees_its_place()
    {
        var tarpit = Tarpit(TimeSpan.FromSeconds(1), maxDelayed: 1);
        using var aborted = new CancellationTokenSource();

        var held = tarpit.HoldAsync(aborted.Token);
        await aborted.CancelAsync();

        Assert.Equal(TarpitOutcome.Abandoned, await held);
        Assert.Equal(0, tarpit.Waiting);
    }

    private FailedVerificationTarpit Tarpit(TimeSpan delay, int maxDelayed) =>
        new(Microsoft.Extensions.Options.Options.Create(new WebhookOptions { FailedVerificationDelay = delay, MaxDelayedAnswers = maxDelayed }), _time);
}
