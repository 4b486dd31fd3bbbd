using OCore.Api.Git;

namespace OCore.WebhookReceiver.Delivery;

/// <summary>The receiver's log lines. They carry ids and results, never a secret, signature or token.</summary>
internal static partial class DeliveryLog
{
    [LoggerMessage(EventId = 1, Message = "Webhook {Provider} {EventName} delivery {DeliveryId} for project {ProjectId}: {StatusCode} {Result}: {Detail}")]
    public static partial void Answered(
        ILogger logger, LogLevel level, GitProvider provider, string? eventName, string? deliveryId, string projectId, int statusCode, string result, string detail);

    [LoggerMessage(EventId = 2, Level = LogLevel.Error, Message = "Push handler failed for delivery {DeliveryId} of project {ProjectId}")]
    public static partial void HandlerFailed(ILogger logger, Exception exception, string? deliveryId, string projectId);
}
