using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using OCore.Testing;

namespace OCore.Operator.Tests.Support;

/// <summary>An HTTP endpoint on loopback that answers 2xx and records every request: a notification sink or a provider's status API.</summary>
internal sealed class RecordingHttpServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<Request> _received = new();

    private RecordingHttpServer(int port)
    {
        BaseUrl = $"http://127.0.0.1:{port}/";
        _listener.Prefixes.Add(BaseUrl);
        _listener.Start();
        _ = Task.Run(ServeAsync);
    }

    public string BaseUrl { get; }

    public IReadOnlyCollection<Request> Received => _received;

    public static RecordingHttpServer Start()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return new RecordingHttpServer(port);
    }

    public Task<Request> WaitForAsync(Func<Request, bool> match, string message) =>
        Eventually.Until(() => Task.FromResult(_received.FirstOrDefault(match)), r => r is not null, message)!;

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
            var headers = context.Request.Headers.AllKeys.OfType<string>().ToDictionary(k => k, k => context.Request.Headers[k] ?? "", StringComparer.OrdinalIgnoreCase);
            _received.Enqueue(new Request(context.Request.HttpMethod, context.Request.RawUrl ?? "", bytes, JsonDocument.Parse(bytes.Length == 0 ? "{}"u8.ToArray() : bytes), headers));
            context.Response.StatusCode = context.Request.HttpMethod == "POST" ? 201 : 200;
            context.Response.ContentType = "application/json";
            await context.Response.OutputStream.WriteAsync("{\"id\":1}"u8.ToArray());
            context.Response.Close();
        }
    }

    public sealed record Request(string Method, string Path, byte[] Body, JsonDocument Json, IReadOnlyDictionary<string, string> Headers)
    {
        public string Property(string name) => Json.RootElement.TryGetProperty(name, out var value) ? value.ToString() : "";
    }
}
