using System.Globalization;
using System.Net;

namespace OCore.GitProviders.Http;

/// <summary>Reads the rate-limit headers GitHub (and GitLab, Bitbucket) send with 403 and 429 answers.</summary>
internal static class RateLimits
{
    /// <summary>GitHub's advice when a limited answer carries no timing header: wait at least a minute.</summary>
    public static readonly TimeSpan DefaultBackoff = TimeSpan.FromMinutes(1);

    /// <summary>
    /// When to retry if <paramref name="response"/> is a rate-limit answer, or null when it is not one:
    /// <c>retry-after</c> first, then <c>x-ratelimit-reset</c>, then <see cref="DefaultBackoff"/>.
    /// </summary>
    public static DateTimeOffset? RetryAt(HttpResponseMessage response, string? providerMessage, DateTimeOffset now)
    {
        var status = response.StatusCode;
        if (status is not (HttpStatusCode.Forbidden or HttpStatusCode.TooManyRequests))
            return null;

        var retryAfter = response.Headers.RetryAfter;
        var remaining = Header(response, "x-ratelimit-remaining");
        var mentionsLimit = providerMessage?.Contains("rate limit", StringComparison.OrdinalIgnoreCase) == true;
        var limited = status == HttpStatusCode.TooManyRequests || retryAfter is not null || remaining == "0" || mentionsLimit;
        if (!limited)
            return null;

        DateTimeOffset at;
        if (retryAfter?.Delta is { } delta)
            at = now + delta;
        else if (retryAfter?.Date is { } date)
            at = date;
        else if (long.TryParse(Header(response, "x-ratelimit-reset"), NumberStyles.None, CultureInfo.InvariantCulture, out var reset))
            at = DateTimeOffset.FromUnixTimeSeconds(reset);
        else
            at = now + DefaultBackoff;

        // A reset already in the past (clock skew) must not make the caller spin.
        var earliest = now + TimeSpan.FromSeconds(1);
        return at < earliest ? earliest : at;
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault()?.Trim() : null;
}
