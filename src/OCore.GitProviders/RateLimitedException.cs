using System.Net;

namespace OCore.GitProviders;

/// <summary>
/// The provider's primary or secondary rate limit was hit. Nothing was retried: the caller should requeue the
/// work for <see cref="RetryAt"/> instead of sleeping while it holds a worker.
/// </summary>
public sealed class RateLimitedException : GitProviderException
{
    public RateLimitedException(string message, HttpStatusCode statusCode, DateTimeOffset retryAt, string? providerMessage = null)
        : base(message, statusCode, providerMessage)
    {
        RetryAt = retryAt;
    }

    /// <summary>The earliest time a retry can succeed (from <c>retry-after</c>, else <c>x-ratelimit-reset</c>, else one minute).</summary>
    public DateTimeOffset RetryAt { get; }
}
