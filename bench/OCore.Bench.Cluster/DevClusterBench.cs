using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using k8s;
using k8s.Models;
using OCore.Runtime.Informers;

namespace OCore.Bench.Cluster;

/// <summary>
/// Figure 4: how long DevCluster takes to list the seeded Projects (unpaged, and in pages of 500 as informers list),
/// and how long a write takes to reach 50 watchers. Tests host DevCluster in their own process, so this process
/// hosts it too, and the clients read over HTTPS on loopback as KubernetesClient does.
/// </summary>
internal sealed class DevClusterBench(Kubernetes client, BenchOutput output)
{
    private const int Repetitions = 5;
    private const int Watchers = 50;
    private const int Writes = 200;

    public async Task ListAsync(int expected)
    {
        var unpaged = new List<double>();
        var paged = new List<double>();
        long bytes = 0;
        for (var i = 0; i < Repetitions; i++)
        {
            var clock = Stopwatch.StartNew();
            var (count, size) = await ListPagesAsync(limit: null);
            unpaged.Add(clock.Elapsed.TotalMilliseconds);
            bytes = size;
            Check(count, expected);

            clock.Restart();
            (count, _) = await ListPagesAsync(limit: 500);
            paged.Add(clock.Elapsed.TotalMilliseconds);
            Check(count, expected);
        }

        output.Add("LIST_OBJECTS", expected);
        output.Add("LIST_BYTES", bytes);
        output.Add("LIST_UNPAGED_MS", Percentiles.Of(unpaged, 50));
        output.Add("LIST_PAGED_MS", Percentiles.Of(paged, 50));
        output.Add("LIST_UNPAGED_MAX_MS", unpaged.Max());
        output.Add("LIST_PAGED_MAX_MS", paged.Max());
    }

    public async Task WatchFanOutAsync()
    {
        const string ns = "fanout";
        await client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = ns } });
        var resources = new KubernetesResourceClient<V1ConfigMap>(client, ResourceType.Of<V1ConfigMap>());
        var start = await resources.ListAsync(ns, null, CancellationToken.None);

        var pending = new ConcurrentDictionary<string, PendingWrite>();
        using var stop = new CancellationTokenSource();
        var connected = 0;
        var watchers = Enumerable.Range(0, Watchers).Select(_ => Task.Run(async () =>
        {
            try
            {
                await foreach (var (type, map) in resources.WatchAsync(ns, null, start.ResourceVersion, stop.Token))
                {
                    if (map.Metadata.Name == "hello")
                        Interlocked.Increment(ref connected);
                    else if (type == WatchEventType.Added && pending.TryGetValue(map.Metadata.Name, out var write))
                        write.Seen();
                }
            }
            catch (OperationCanceledException)
            {
                // The bench is over.
            }
        })).ToList();

        // Every watcher must be established before timing: the first write is seen by all 50 once they are.
        await client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "hello" } }, ns);
        var deadline = Stopwatch.StartNew();
        while (Volatile.Read(ref connected) < Watchers && deadline.Elapsed < TimeSpan.FromSeconds(30))
            await Task.Delay(20);

        var toAll = new List<double>();
        var toFirst = new List<double>();
        var writeAck = new List<double>();
        var missed = 0;
        for (var i = 0; i < Writes; i++)
        {
            var name = $"write-{i:D4}";
            var write = pending[name] = new PendingWrite(Watchers);
            await client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap
            {
                Metadata = new V1ObjectMeta { Name = name },
                Data = new Dictionary<string, string> { ["value"] = new('x', 256) },
            }, ns);
            writeAck.Add(write.Clock.Elapsed.TotalMilliseconds);
            if (await Task.WhenAny(write.AllSeen.Task, Task.Delay(TimeSpan.FromSeconds(5))) != write.AllSeen.Task)
            {
                missed++;
                continue;
            }

            toAll.Add(write.AllSeen.Task.Result);
            toFirst.Add(write.FirstSeen);
        }

        await stop.CancelAsync();
        await Task.WhenAll(watchers);
        output.Add("WATCHERS", Watchers);
        output.Add("WATCH_WRITES", Writes);
        output.Add("WATCH_MISSED", missed);
        output.Add("WATCH_WRITE_ACK_P50_MS", Percentiles.Of(writeAck, 50));
        output.Add("WATCH_FIRST_P50_MS", Percentiles.Of(toFirst, 50));
        output.Add("WATCH_ALL_P50_MS", Percentiles.Of(toAll, 50));
        output.Add("WATCH_ALL_P99_MS", Percentiles.Of(toAll, 99));
    }

    /// <summary>Lists every Project in every namespace, following continue tokens; returns item count and bytes read.</summary>
    private async Task<(int Count, long Bytes)> ListPagesAsync(int? limit)
    {
        var count = 0;
        long bytes = 0;
        string? continueToken = null;
        do
        {
            var query = limit is null ? "" : $"?limit={limit}" + (continueToken is null ? "" : $"&continue={Uri.EscapeDataString(continueToken)}");
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(client.BaseUri, "apis/ocore.io/v1alpha1/projects" + query));
            request.Headers.Accept.ParseAdd("application/json");
            await client.Credentials.ProcessHttpRequestAsync(request, CancellationToken.None);
            using var response = await client.HttpClient.SendAsync(request);
            response.EnsureSuccessStatusCode();
            var body = await response.Content.ReadAsByteArrayAsync();
            bytes += body.Length;
            using var list = JsonDocument.Parse(body);
            count += list.RootElement.GetProperty("items").GetArrayLength();
            continueToken = list.RootElement.GetProperty("metadata").TryGetProperty("continue", out var next) ? next.GetString() : null;
        }
        while (!string.IsNullOrEmpty(continueToken));

        return (count, bytes);
    }

    private static void Check(int count, int expected)
    {
        if (count != expected)
            throw new InvalidOperationException($"listed {count} projects, expected {expected}");
    }
}
