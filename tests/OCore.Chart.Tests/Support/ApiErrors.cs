using System.Collections.Concurrent;
using System.Net;

namespace OCore.Chart.Tests.Support;

/// <summary>Every 403 a Kubernetes client saw, as "VERB path": plugged into the operator's and the receiver's clients.</summary>
public sealed class ApiErrors
{
    private readonly ConcurrentQueue<string> _forbidden = new();

    public IReadOnlyList<string> Forbidden => [.. _forbidden];

    /// <summary>A handler for one client (a handler cannot be shared between clients).</summary>
    public DelegatingHandler Handler(string who) => new Recorder(this, who);

    private sealed class Recorder(ApiErrors errors, string who) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (response.StatusCode == HttpStatusCode.Forbidden)
                errors._forbidden.Enqueue($"{who}: {request.Method} {request.RequestUri?.PathAndQuery}");
            return response;
        }
    }
}
