using System.Net;
using System.Text.Json;

namespace OCore.WebhookReceiver.Tests.Support;

/// <summary>A webhook answer as the provider sees it: status code and the JSON body.</summary>
public sealed record Answer(HttpStatusCode StatusCode, string Status, string Message, JsonElement Body, HttpResponseMessage Response)
{
    public static async Task<Answer> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        var body = JsonDocument.Parse(text).RootElement.Clone();
        return new Answer(response.StatusCode, body.GetProperty("status").GetString()!, body.GetProperty("message").GetString()!, body, response);
    }
}
