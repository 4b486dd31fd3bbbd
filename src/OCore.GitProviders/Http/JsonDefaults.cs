using System.Text.Json;

namespace OCore.GitProviders.Http;

internal static class JsonDefaults
{
    /// <summary>The providers' JSON is snake_case (<c>expires_at</c>, <c>html_url</c>).</summary>
    public static readonly JsonSerializerOptions SnakeCase = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };
}
