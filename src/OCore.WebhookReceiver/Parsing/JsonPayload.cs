using System.Text.Json;
using System.Text.Unicode;

namespace OCore.WebhookReceiver.Parsing;

/// <summary>Parses a verified body as UTF-8 JSON, in place on the pooled buffer.</summary>
internal static class JsonPayload
{
    public const int MaxDepth = 64;

    private static readonly JsonDocumentOptions Options = new() { MaxDepth = MaxDepth };

    /// <summary>The document; it reads <paramref name="utf8Json"/>, so keep the buffer until the document is disposed.</summary>
    public static JsonDocument Parse(ReadOnlyMemory<byte> utf8Json)
    {
        utf8Json = Prepare(utf8Json);
        try
        {
            return JsonDocument.Parse(utf8Json, Options);
        }
        catch (JsonException e)
        {
            throw Invalid(e);
        }
    }

    /// <summary>The JSON text to read: refuses an empty body and bytes that are not UTF-8, and drops a byte order mark.</summary>
    public static ReadOnlyMemory<byte> Prepare(ReadOnlyMemory<byte> utf8Json)
    {
        if (utf8Json.IsEmpty)
            throw new PayloadException("body is empty; a JSON payload was expected");
        if (!Utf8.IsValid(utf8Json.Span))
            throw new PayloadException("body is not valid UTF-8 JSON: it contains bytes that are not UTF-8");
        return utf8Json.Span.StartsWith("\uFEFF"u8) ? utf8Json[3..] : utf8Json;
    }

    /// <summary>The answer to JSON that does not parse, with the reader's words for where and why.</summary>
    public static PayloadException Invalid(JsonException e) => new($"body is not valid UTF-8 JSON: {e.Message}");
}
