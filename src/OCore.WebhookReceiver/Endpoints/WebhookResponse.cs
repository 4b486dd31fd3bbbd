using System.Text.Json.Serialization;
using OCore.WebhookReceiver.Push;

namespace OCore.WebhookReceiver.Endpoints;

/// <summary>The JSON body of every webhook answer: what happened, in a word and in a sentence.</summary>
/// <param name="Status">One of <see cref="WebhookStatus"/>.</param>
/// <param name="Message">What happened or what is wrong, for the person reading the provider's delivery log.</param>
public sealed record WebhookResponse(string Status, string Message)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Event { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? DeliveryId { get; init; }

    /// <summary>The Deployments queued, on a 202.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<QueuedDeployment>? Deployments { get; init; }
}
