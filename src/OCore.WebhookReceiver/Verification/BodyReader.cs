using System.IO.Pipelines;

namespace OCore.WebhookReceiver.Verification;

/// <summary>Reads the raw body once, capped, feeding each chunk to the signature check as it arrives.</summary>
internal static class BodyReader
{
    // Without a Content-Length, start small: most push payloads are a few KiB.
    private const int UnknownLengthCapacity = 16 * 1024;

    /// <returns>The body, or null when it is larger than <paramref name="maxBytes"/>.</returns>
    public static async Task<RequestBody?> ReadAsync(
        PipeReader reader, long? contentLength, int maxBytes, IBodySignature signature, CancellationToken cancellationToken)
    {
        if (contentLength > maxBytes)
            return null;

        var body = new RequestBody(contentLength is { } length ? (int)length : UnknownLengthCapacity, maxBytes);
        try
        {
            while (true)
            {
                var result = await reader.ReadAsync(cancellationToken);
                var buffer = result.Buffer;
                if (body.Length + buffer.Length > maxBytes)
                {
                    reader.AdvanceTo(buffer.End);
                    body.Dispose();
                    return null;
                }

                foreach (var segment in buffer)
                {
                    signature.Append(segment.Span);
                    body.Append(segment.Span);
                }

                reader.AdvanceTo(buffer.End);
                if (result.IsCompleted)
                    return body;
                if (result.IsCanceled)
                    throw new OperationCanceledException("reading the request body was cancelled");
            }
        }
        catch
        {
            body.Dispose();
            throw;
        }
    }
}
