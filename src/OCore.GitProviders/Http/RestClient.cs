using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OCore.GitProviders.Http;

/// <summary>
/// The little HTTP plumbing every provider client shares: JSON requests, JSON answers, and turning a failed
/// answer into a <see cref="GitProviderException"/> or <see cref="RateLimitedException"/>.
/// </summary>
internal sealed class RestClient(HttpClient httpClient, string providerName, TimeProvider timeProvider)
{
    /// <summary>Keeps provider error text in exception messages short.</summary>
    private const int MaxProviderMessageLength = 300;

    public string ProviderName => providerName;

    public TimeProvider Time => timeProvider;

    public static HttpRequestMessage CreateRequest(HttpMethod method, Uri uri, JsonNode? body)
    {
        var request = new HttpRequestMessage(method, uri);
        if (body is not null)
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        return request;
    }

    /// <summary>Sends and returns the answer whatever its status; the caller disposes it.</summary>
    public Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        httpClient.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);

    /// <summary>Sends, throws the typed error on a non-success answer, and returns the successful answer.</summary>
    public async Task<HttpResponseMessage> SendCheckedAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await SendAsync(request, cancellationToken);
        if (response.IsSuccessStatusCode)
            return response;
        using (response)
            throw await ErrorAsync(response, cancellationToken);
    }

    public static async Task<T> ReadJsonAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var value = await response.Content.ReadFromJsonAsync<T>(JsonDefaults.SnakeCase, cancellationToken);
        return value ?? throw new GitProviderException(
            $"empty JSON answer to {Describe(response.RequestMessage)}", response.StatusCode);
    }

    /// <summary>The exception for a failed answer, naming the request (method and path, never headers).</summary>
    public async Task<GitProviderException> ErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var providerMessage = await ReadProviderMessageAsync(response, cancellationToken);
        var what = Describe(response.RequestMessage);
        var status = $"{(int)response.StatusCode} {response.ReasonPhrase}".Trim();
        if (RateLimits.RetryAt(response, providerMessage, timeProvider.GetUtcNow()) is { } retryAt)
        {
            return new RateLimitedException(
                $"{providerName} rate limit reached ({status}) on {what}; retry at {retryAt:O}",
                response.StatusCode, retryAt, providerMessage);
        }

        var detail = string.IsNullOrEmpty(providerMessage) ? "" : $": {providerMessage}";
        return new GitProviderException($"{providerName} answered {status} to {what}{detail}", response.StatusCode, providerMessage);
    }

    private static string Describe(HttpRequestMessage? request) =>
        request is null ? "a request" : $"{request.Method} {request.RequestUri?.AbsolutePath}";

    /// <summary>
    /// The error text of GitHub (<c>message</c> and <c>errors[].message</c>), GitLab (<c>message</c>, <c>error</c>)
    /// or Bitbucket (<c>error.message</c>).
    /// </summary>
    private static async Task<string?> ReadProviderMessageAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (string.IsNullOrWhiteSpace(text))
            return null;

        string? message;
        try
        {
            using var document = JsonDocument.Parse(text);
            message = MessageOf(document.RootElement);
        }
        catch (JsonException)
        {
            message = null;
        }

        message ??= text;
        message = message.ReplaceLineEndings(" ").Trim();
        return message.Length <= MaxProviderMessageLength ? message : message[..MaxProviderMessageLength] + "…";
    }

    private static string? MessageOf(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
            return null;

        var parts = new List<string>();
        if (root.TryGetProperty("message", out var message))
            parts.Add(message.ValueKind == JsonValueKind.String ? message.GetString()! : message.GetRawText());
        if (root.TryGetProperty("error", out var error))
        {
            if (error.ValueKind == JsonValueKind.String)
                parts.Add(error.GetString()!);
            else if (error.ValueKind == JsonValueKind.Object && error.TryGetProperty("message", out var inner))
                parts.Add(inner.ToString());
        }

        if (root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in errors.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.Object && item.TryGetProperty("message", out var itemMessage))
                    parts.Add(itemMessage.ToString());
                else if (item.ValueKind == JsonValueKind.String)
                    parts.Add(item.GetString()!);
            }
        }

        return parts.Count == 0 ? null : string.Join("; ", parts.Where(p => p.Length > 0));
    }
}
