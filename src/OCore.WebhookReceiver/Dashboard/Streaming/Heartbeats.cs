using System.Runtime.CompilerServices;

namespace OCore.WebhookReceiver.Dashboard.Streaming;

/// <summary>
/// Passes a stream's items through and adds <c>heartbeat</c> whenever nothing came for <c>interval</c>: proxies and
/// load balancers close a response that stays silent (often after 60 s), and a build can go quiet for longer.
/// </summary>
internal static class Heartbeats
{
    public static async IAsyncEnumerable<T> Merge<T>(IAsyncEnumerable<T> source, TimeSpan interval, T heartbeat, TimeProvider time,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var items = source.GetAsyncEnumerator(cancellationToken);
        var next = items.MoveNextAsync().AsTask();
        while (true)
        {
            using (var quiet = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                var tick = Task.Delay(interval, time, quiet.Token);
                var first = await Task.WhenAny(next, tick);
                await quiet.CancelAsync();
                if (first != next)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    yield return heartbeat;
                    continue;
                }
            }

            if (!await next)
                yield break;
            yield return items.Current;
            next = items.MoveNextAsync().AsTask();
        }
    }
}
