using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace OCore.WebhookReceiver.Endpoints;

/// <summary>
/// Writes a <see cref="WebhookAnswer"/> as JSON with a Content-Length. The JSON is built in a per-thread buffer and
/// copied to the response in one write: no serializer metadata walk, no chunked encoding and, unlike the typed
/// results, no logger created per request.
/// </summary>
internal static class WebhookAnswerWriter
{
    private const string JsonContentType = "application/json; charset=utf-8";

    // As the web serializer defaults wrote it: quotes and apostrophes stay readable in the provider's delivery log.
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    /// <summary>Buffers the answer; Kestrel sends it with the headers when the request ends, in one write.</summary>
    public static void Write(HttpResponse response, WebhookAnswer answer)
    {
        response.StatusCode = answer.StatusCode;
        response.ContentType = JsonContentType;
        if (answer.RetryAfter is { } wait)
            response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);

        var json = Serialize(answer.Body);
        response.ContentLength = json.Length;
        response.BodyWriter.Write(json.Span);
    }

    /// <summary>The answer's JSON, valid until the next call on this thread.</summary>
    private static ReadOnlyMemory<byte> Serialize(WebhookResponse body)
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(512);
        buffer.ResetWrittenCount();
        var writer = t_writer ??= new Utf8JsonWriter(buffer, Options);
        writer.Reset(buffer);
        WebhookResponseJson.Write(writer, body);
        writer.Flush();
        return buffer.WrittenMemory;
    }
}
