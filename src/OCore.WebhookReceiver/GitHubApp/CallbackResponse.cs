using System.Text.Json.Serialization;

namespace OCore.WebhookReceiver.GitHubApp;

/// <summary>The JSON answer of the install callback.</summary>
public sealed record CallbackResponse(string Status, string Message)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Namespace { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Installation { get; init; }
}
