using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using OCore.Testing;

namespace OCore.Operator.Tests.Support;

/// <summary>A webhook notification receiver on loopback that records what it was sent.</summary>
internal sealed class NotificationReceiver : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<Received> _received = new();

    private NotificationReceiver(int port)
    {
        Url = $"http://127.0.0.1:{port}/hooks/";
        _listener.Prefixes.Add(Url);
        _listener.Start();
        _ = Task.Run(ServeAsync);
    }

    public string Url { get; }

    public static NotificationReceiver Start()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return new NotificationReceiver(port);
    }

    public Task<Received> WaitForAsync(string eventName) =>
        Eventually.Until(() => Task.FromResult(_received.FirstOrDefault(r => r.Json.RootElement.GetProperty("event").GetString() == eventName)),
            r => r is not null, $"a '{eventName}' notification arrives")!;

    public void Dispose() => _listener.Close();

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception error) when (error is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            var bytes = body.ToArray();
            _received.Enqueue(new Received(bytes, JsonDocument.Parse(bytes), context.Request.Headers["X-OCore-Signature-256"]));
            context.Response.StatusCode = 204;
            context.Response.Close();
        }
    }

    public sealed record Received(byte[] Body, JsonDocument Json, string? Signature);
}
