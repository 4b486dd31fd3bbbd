using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OCore.WebhookReceiver.Delivery;
using OCore.WebhookReceiver.Tests.Support;

namespace OCore.WebhookReceiver.Tests.Endpoints;

/// <summary>
/// The held-back 401 through the real pipeline, on a fake clock that only the test moves: a delayed answer cannot
/// arrive until the clock is advanced, so no assertion depends on how fast the machine is.
/// </summary>
public sealed class FailedVerificationDelayTests(FailedVerificationDelayTests.DelayFactory factory) : IClassFixture<FailedVerificationDelayTests.DelayFactory>
{
    // Far longer than any answer takes; reached only when an answer that should come never does.
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Failed_verification_is_answered_after_the_delay_and_valid_deliveries_are_not_delayed()
    {
        var client = factory.CreateClient();
        var tarpit = factory.Services.GetRequiredService<FailedVerificationTarpit>();

        var forged = WebhookRequest.GitHub("push", "delay-bad-1").Payload("github-push.json").Sign("guessed-secret").SendAsync(client);
        await WaitUntilAsync(() => tarpit.Waiting == 1);

        // The clock does not move: had the valid delivery been held back, it would never be answered.
        var valid = await WebhookRequest.GitHub("push", "delay-good-1").Payload("github-push.json").Sign().SendAsync(client).WaitAsync(Generous);
        Assert.Equal(HttpStatusCode.Accepted, valid.StatusCode);
        Assert.False(forged.IsCompleted);

        factory.Time.Advance(TimeSpan.FromSeconds(2));
        var rejected = await forged.WaitAsync(Generous);
        Assert.Equal(HttpStatusCode.Unauthorized, rejected.StatusCode);
        Assert.Equal("unauthorized", rejected.Status);
        Assert.Equal(0, tarpit.Waiting);
    }

    [Fact]
    public async Task Beyond_the_bound_the_401_comes_at_once_and_the_connection_is_closed()
    {
        var client = factory.CreateClient();
        var tarpit = factory.Services.GetRequiredService<FailedVerificationTarpit>();

        var first = WebhookRequest.GitHub("push", "bound-bad-1").Payload("github-push.json").Sign("guessed-secret").SendAsync(client);
        var second = WebhookRequest.GitHub("push", "bound-bad-2").Payload("github-push.json").Sign("guessed-secret").SendAsync(client);
        await WaitUntilAsync(() => tarpit.Waiting == DelayFactory.MaxDelayedAnswers);

        // Both places are taken: the next forged delivery gets its 401 without the clock moving.
        var third = await WebhookRequest.GitHub("push", "bound-bad-3", "p-unknown").Payload("github-push.json").Sign().SendAsync(client).WaitAsync(Generous);
        Assert.Equal(HttpStatusCode.Unauthorized, third.StatusCode);
        Assert.True(third.Response.Headers.ConnectionClose);
        Assert.False(first.IsCompleted);
        Assert.False(second.IsCompleted);

        factory.Time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(HttpStatusCode.Unauthorized, (await first.WaitAsync(Generous)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await second.WaitAsync(Generous)).StatusCode);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(Generous);
        while (!condition())
            await Task.Delay(10, timeout.Token);
    }

    public sealed class DelayFactory() : ReceiverFactory(new Dictionary<string, string?>
    {
        ["Webhooks:FailedVerificationDelay"] = "00:00:01",
        ["Webhooks:MaxDelayedAnswers"] = "2",
    })
    {
        public const int MaxDelayedAnswers = 2;

        public new FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero));

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Time));
        }
    }
}
