using System.Net;

namespace OCore.Runtime.Informers;

/// <summary>A non-success answer of the Kubernetes API, with its Status message and any Retry-After it asked for.</summary>
public sealed class KubernetesApiException(HttpStatusCode statusCode, string message, TimeSpan? retryAfter = null)
    : Exception($"{(int)statusCode} {statusCode}: {message}")
{
    public HttpStatusCode StatusCode { get; } = statusCode;

    /// <summary>The API's own message, without the status in front.</summary>
    public string StatusMessage { get; } = message;

    public TimeSpan? RetryAfter { get; } = retryAfter;

    /// <summary>The watch's resourceVersion is older than the server's history: list again.</summary>
    public bool IsGone => StatusCode == HttpStatusCode.Gone;
}
