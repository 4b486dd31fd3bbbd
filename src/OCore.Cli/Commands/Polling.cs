namespace OCore.Cli.Commands;

/// <summary>Waits for the operator to act on a change, reading the object until it shows the result.</summary>
public static class Polling
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

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
                throw new CliException(ExitCodes.Failed,
                    $"timed out after {timeout.TotalSeconds:0}s waiting for {waitingFor}; is the oCore operator running? (kubectl -n ocore-system get pods)");
            await Task.Delay(Interval, cancellationToken);
        }
    }
}
