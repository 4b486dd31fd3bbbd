using Microsoft.Extensions.Options;
using OCore.WebhookReceiver.Options;

namespace OCore.WebhookReceiver.Delivery;

/// <summary>
/// Holds back the 401 of a delivery that failed verification (<see cref="WebhookOptions.FailedVerificationDelay"/>),
/// as sshd holds back a failed login. A sender that forges deliveries in a closed loop then gets one answer per
/// connection per delay, instead of as many as the cores can verify, which leaves the cores to the valid senders.
/// At most <see cref="WebhookOptions.MaxDelayedAnswers"/> answers wait at once; the caller has released the body
/// by then, so each waiting answer costs an open connection and a timer.
/// </summary>
internal sealed class FailedVerificationTarpit(IOptions<WebhookOptions> options, TimeProvider timeProvider)
{
    private int _waiting;

    /// <summary>Answers held back right now.</summary>
    public int Waiting => Volatile.Read(ref _waiting);

    public async ValueTask<TarpitOutcome> HoldAsync(CancellationToken requestAborted)
    {
        var settings = options.Value;
        if (settings.FailedVerificationDelay <= TimeSpan.Zero)
            return TarpitOutcome.Off;
        if (Interlocked.Increment(ref _waiting) > settings.MaxDelayedAnswers)
        {
            Interlocked.Decrement(ref _waiting);
            return TarpitOutcome.Full;
        }

        try
        {
            await Task.Delay(settings.FailedVerificationDelay, timeProvider, requestAborted);
            return TarpitOutcome.Delayed;
        }
        catch (OperationCanceledException) when (requestAborted.IsCancellationRequested)
        {
            return TarpitOutcome.Abandoned;
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
        }
    }
}
