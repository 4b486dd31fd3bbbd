using Microsoft.Extensions.Primitives;

namespace OCore.WebhookReceiver.Delivery;

/// <summary>Reads headers that must appear at most once; a repeated one makes the request ambiguous.</summary>
internal static class RequestHeaders
{
    /// <summary>The header's value, or null when it is missing or empty.</summary>
    public static string? Single(IHeaderDictionary headers, string name, out bool repeated)
    {
        StringValues values = headers[name];
        repeated = values.Count > 1;
        return values.Count == 1 && !string.IsNullOrWhiteSpace(values[0]) ? values[0] : null;
    }
}
