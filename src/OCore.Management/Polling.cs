namespace OCore.Management;

/// <summary>Waits for the operator to act on a change, reading the object until it shows the result.</summary>
public static class Polling
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    /// <summary>The first observed value that is done; <see cref="OperatorTimeoutException"/> after <paramref name="timeout"/>.</summary>
    public static async Task<T> UntilAsync<T>(Func<Task<T>> observe, Func<T, bool> done, TimeSpan timeout, string waitingFor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(observe);
        ArgumentNullException.ThrowIfNull(done);
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var value = await observe();
            if (done(value))
                return value;
            if (DateTime.UtcNow > deadline)
                throw new OperatorTimeoutException(timeout, waitingFor);
            await Task.Delay(Interval, cancellationToken);
        }
    }
}
