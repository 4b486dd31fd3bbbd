using System.Globalization;
using System.Text.Json.Nodes;
using OCore.DevCluster.Http;
using OCore.DevCluster.Json;
using OCore.DevCluster.Resources;
using OCore.DevCluster.Storage;

namespace OCore.DevCluster.Watch;

/// <summary>
/// Serves a watch as kube-apiserver does: chunked JSON lines {"type","object"} flushed one by one, initial
/// ADDED events or a resume from a resourceVersion, selector transitions, BOOKMARKs, the initial-events-end
/// bookmark for sendInitialEvents, and an ERROR 410 event when the requested history was compacted.
/// </summary>
internal sealed class WatchStreamer(ObjectStore store, TimeSpan bookmarkInterval)
{
    public async Task StreamAsync(HttpContext context, ResourceType type, string? ns, WatchParameters parameters, Func<JsonObject, JsonObject> render)
    {
        long? from = null;
        var current = parameters.ResourceVersion;
        if (parameters.SendInitialEvents == false && current is null or "" or "0")
        {
            from = store.Revision;
        }
        else if (parameters.SendInitialEvents != true && current is { Length: > 0 } and not "0")
        {
            from = long.TryParse(current, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
                ? n
                : throw ApiErrors.BadRequest($"invalid resource version: {current}");
        }
        var response = context.Response;
        WatchSubscription subscription;
        try
        {
            subscription = store.Subscribe(type.Storage, ns, from);
        }
        catch (ApiException e) when (e.Code == 410)
        {
            await StartAsync(response);
            await WriteAsync(response, new JsonObject { ["type"] = "ERROR", ["object"] = e.ToStatus() }, context.RequestAborted);
            return;
        }
        using (subscription)
        {
            using var timeout = parameters.TimeoutSeconds is { } seconds ? new CancellationTokenSource(TimeSpan.FromSeconds(seconds)) : new CancellationTokenSource();
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, timeout.Token, subscription.Dropped);
            try
            {
                await StartAsync(response);
                await RunAsync(response, type, subscription, parameters, render, stop.Token);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // Timeout, client gone, or an injected drop: the stream simply ends.
            }
            catch (IOException)
            {
                // The client disconnected while we were writing.
            }
        }
    }

    private async Task RunAsync(HttpResponse response, ResourceType type, WatchSubscription subscription, WatchParameters parameters, Func<JsonObject, JsonObject> render, CancellationToken token)
    {
        foreach (var obj in subscription.Initial.Select(type.FromStorage).Where(o => Matches(parameters, o)))
        {
            await WriteEventAsync(response, "ADDED", render(obj), token);
        }
        if (parameters.SendInitialEvents == true)
        {
            await WriteAsync(response, Bookmark(type, subscription.StartRevision, initialEventsEnd: true), token);
        }
        var reader = subscription.Events.Reader;
        while (!token.IsCancellationRequested)
        {
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(token);
            if (parameters.AllowBookmarks)
            {
                wait.CancelAfter(bookmarkInterval);
            }
            StoreEvent e;
            try
            {
                e = await reader.ReadAsync(wait.Token);
            }
            catch (OperationCanceledException) when (!token.IsCancellationRequested)
            {
                if (store.QuietRevision(subscription) is { } revision)
                {
                    await WriteAsync(response, Bookmark(type, revision, initialEventsEnd: false), token);
                }
                continue;
            }
            catch (System.Threading.Channels.ChannelClosedException)
            {
                return;
            }
            var current = type.FromStorage(e.Object);
            var old = e.Old is null ? null : type.FromStorage(e.Old);
            if (Translate(e.Type, current, old, parameters) is { } eventType)
            {
                await WriteEventAsync(response, eventType, render(current), token);
            }
        }
    }

    /// <summary>Maps a store event to what this watcher sees, given its selectors (moving in = ADDED, out = DELETED).</summary>
    private static string? Translate(string type, JsonObject current, JsonObject? old, WatchParameters parameters)
    {
        var now = Matches(parameters, current);
        var before = old is not null && Matches(parameters, old);
        return type switch
        {
            StoreEvent.Added => now ? "ADDED" : null,
            StoreEvent.Deleted => now || before ? "DELETED" : null,
            _ when now && before => "MODIFIED",
            _ when now => "ADDED",
            _ when before => "DELETED",
            _ => null,
        };
    }

    private static bool Matches(WatchParameters parameters, JsonObject obj) => parameters.Labels.Matches(obj) && parameters.Fields.Matches(obj);

    private static JsonObject Bookmark(ResourceType type, long revision, bool initialEventsEnd)
    {
        var metadata = new JsonObject { ["resourceVersion"] = revision.ToString(CultureInfo.InvariantCulture) };
        if (initialEventsEnd)
        {
            metadata["annotations"] = new JsonObject { ["k8s.io/initial-events-end"] = "true" };
        }
        return new JsonObject
        {
            ["type"] = "BOOKMARK",
            ["object"] = new JsonObject { ["kind"] = type.Kind, ["apiVersion"] = type.ApiVersion, ["metadata"] = metadata },
        };
    }

    private static async Task StartAsync(HttpResponse response)
    {
        response.StatusCode = 200;
        response.ContentType = "application/json";
        await response.StartAsync();
        await response.Body.FlushAsync();
    }

    private static Task WriteEventAsync(HttpResponse response, string type, JsonObject obj, CancellationToken token) =>
        WriteAsync(response, new JsonObject { ["type"] = type, ["object"] = obj }, token);

    private static async Task WriteAsync(HttpResponse response, JsonObject line, CancellationToken token)
    {
        await response.WriteAsync(line.Compact() + "\n", token);
        await response.Body.FlushAsync(token);
    }
}
