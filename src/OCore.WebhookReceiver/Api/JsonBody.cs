using System.Text.Json;

namespace OCore.WebhookReceiver.Api;

/// <summary>
/// Reads a request's JSON body itself, so a wrong content type or malformed JSON gets an answer that says what is
/// wrong (415, or 400 with the parser's position) instead of the framework's empty 400.
/// </summary>
internal static class JsonBody
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    /// <summary>The body as <typeparamref name="T"/>, or the problem answer; an empty body reads as null.</summary>
    public static async Task<(T? Body, IResult? Problem)> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class
    {
        if (request.ContentLength == 0 || (request.ContentLength is null && !request.Headers.TransferEncoding.Any()))
            return (null, null);
        if (!request.HasJsonContentType())
        {
            return (null, Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported Media Type",
                detail: $"send the body as JSON (Content-Type: application/json), not '{request.ContentType}'"));
        }

        try
        {
            return (await JsonSerializer.DeserializeAsync<T>(request.Body, Options, cancellationToken), null);
        }
        catch (JsonException error)
        {
            return (null, Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad Request",
                detail: $"the body is not the JSON object expected: {error.Message}"));
        }
    }
}
