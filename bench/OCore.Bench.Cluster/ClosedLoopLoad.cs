using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;

namespace OCore.Bench.Cluster;

/// <summary>
/// A closed-loop load: N senders, each posting its next push as soon as the previous one is answered, for a fixed
/// time. Every request is built by the caller (a new commit each), so unlike wrk's fixed request it can create.
/// </summary>
internal static class ClosedLoopLoad
{
    public static async Task<LoadResult> RunAsync(HttpClient http, int senders, TimeSpan duration, Func<HttpRequestMessage> next, HttpStatusCode expected)
    {
        var latencies = new ConcurrentBag<double>();
        var ok = 0;
        var other = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, senders).Select(_ => Task.Run(async () =>
        {
            while (clock.Elapsed < duration)
            {
                using var request = next();
                var started = Stopwatch.GetTimestamp();
                using var response = await http.SendAsync(request);
                await response.Content.ReadAsByteArrayAsync();
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (response.StatusCode == expected)
                    Interlocked.Increment(ref ok);
                else
                    Interlocked.Increment(ref other);
            }
        })));
        var seconds = clock.Elapsed.TotalSeconds;
        return new LoadResult(latencies.Count, ok, other, seconds, [.. latencies]);
    }
}
