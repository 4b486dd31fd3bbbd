using System.Text.Json;
using System.Text.Unicode;

namespace OCore.WebhookReceiver.Parsing;

/// <summary>Parses a verified body as UTF-8 JSON, in place on the pooled buffer.</summary>
internal static class JsonPayload
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 64 };

    /// <summary>The document; it reads <paramref name="utf8Json"/>, so keep the buffer until the document is disposed.</summary>
    public static JsonDocument Parse(ReadOnlyMemory<byte> utf8Json)
    {
        if (utf8Json.IsEmpty)
            throw new PayloadException("body is empty; a JSON payload was expected");
        if (!Utf8.IsValid(utf8Json.Span))
            throw new PayloadException("body is not valid UTF-8 JSON: it contains bytes that are not UTF-8");
        if (utf8Json.Span.StartsWith("\uFEFF"u8))
            utf8Json = utf8Json[3..];

        try
        {
            return JsonDocument.Parse(utf8Json, Options);
        }
        catch (JsonException e)
        {
            throw new PayloadException($"body is not valid UTF-8 JSON: {e.Message}");
        }
    }
}
