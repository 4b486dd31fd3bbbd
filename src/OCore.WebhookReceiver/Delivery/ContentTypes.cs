using System.Diagnostics.CodeAnalysis;
using Microsoft.Net.Http.Headers;

namespace OCore.WebhookReceiver.Delivery;

/// <summary>Decides from Content-Type how the body is encoded; any charset parameter is fine, the body must be UTF-8 anyway.</summary>
internal static class ContentTypes
{
    public static bool TryClassify(string? contentType, bool acceptsForm, out BodyFormat format, [NotNullWhen(false)] out string? error)
    {
        format = BodyFormat.Json;
        var expected = acceptsForm ? "application/json or application/x-www-form-urlencoded" : "application/json";
        if (string.IsNullOrWhiteSpace(contentType))
        {
            error = $"Content-Type is missing; send {expected}";
            return false;
        }

        // What providers send, recognised without parsing a header value object per delivery.
        if (contentType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
        {
            error = null;
            return true;
        }

        if (MediaTypeHeaderValue.TryParse(contentType, out var mediaType))
        {
            if (mediaType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
            {
                error = null;
                return true;
            }

            if (acceptsForm && mediaType.MediaType.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
            {
                format = BodyFormat.Form;
                error = null;
                return true;
            }
        }

        error = $"Content-Type '{contentType}' is not supported; send {expected}";
        return false;
    }
}
