using System.Collections.Concurrent;
using System.Diagnostics;

namespace OCore.Runtime.Tests.Support;

/// <summary>
/// Records every request a client sends, with the time it left (for backoff and Retry-After checks) and the status
/// that came back; requests that got no answer are not recorded.
/// </summary>
internal sealed class RequestLog : DelegatingHandler
{
    private static readonly Stopwatch Clock = Stopwatch.StartNew();
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    public int Count => _requests.Count;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var sentAt = Clock.Elapsed;
        var response = await base.SendAsync(request, cancellationToken);
        _requests.Enqueue(new RecordedRequest(sentAt, request.Method.Method, request.RequestUri!, (int)response.StatusCode));
        return response;
    }
}
